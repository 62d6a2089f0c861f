/**
 * Declarations read from lexed Apex (see apex-lexer.ts): the top-level methods of a class, and its string
 * constants. Not a parser: it relies on Apex's shape (members end with `;` or a `{ }` body) and is only used
 * for names that apex-ls does not check (LWC imports, callout Named Credentials).
 */
import type { LexedApex } from "./apex-lexer";

export interface ApexMethod {
  name: string;
  isStatic: boolean;
  isAuraEnabled: boolean;
}

const ANNOTATION = /@\s*([A-Za-z_][\w.]*)\s*(\([^)]*\))?/g;
/** Modifiers and a return type, then the method name and its `(`: no `=`, so field initialisers never match. */
const METHOD_HEADER = /^[\s\w<>,.[\]]*?\b([A-Za-z_]\w*)\s*\(/;

/** The methods declared directly in the file's outer class (inner classes' methods cannot be imported by LWC). */
export function topLevelMethods({ code }: LexedApex): ApexMethod[] {
  const methods: ApexMethod[] = [];
  let depth = 0;
  let headerStart = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === "{") {
      if (depth === 1) {
        const method = readMethodHeader(code.slice(headerStart, i));
        if (method) methods.push(method);
      }
      depth++;
      if (depth === 1) headerStart = i + 1;
    } else if (c === "}") {
      depth--;
      if (depth === 1) headerStart = i + 1;
    } else if (c === ";" && depth === 1) {
      headerStart = i + 1;
    }
  }
  return methods;
}

function readMethodHeader(header: string): ApexMethod | undefined {
  const annotations = [...header.matchAll(ANNOTATION)].map((match) => match[1].toLowerCase());
  const rest = header.replace(ANNOTATION, " ");
  if (/\b(class|interface|enum)\b/i.test(rest)) return undefined;
  const match = METHOD_HEADER.exec(rest);
  if (!match) return undefined;
  return {
    name: match[1],
    isStatic: /\bstatic\b/i.test(rest.slice(0, match.index + match[0].length)),
    isAuraEnabled: annotations.includes("auraenabled"),
  };
}

/** `static final String NAME = 'value';` constants by lower-cased name, anywhere in the file. */
export function stringConstants({ code, literals }: LexedApex): Map<string, string> {
  const constants = new Map<string, string>();
  const declaration = /\b(?:static\s+final|final\s+static)\s+String\s+([A-Za-z_]\w*)\s*=\s*'/gi;
  for (const match of code.matchAll(declaration)) {
    const quote = match.index + match[0].length - 1;
    const literal = literals.find((l) => l.start === quote);
    // Only a lone literal is a constant; `'a' + b` is not.
    if (literal && /^\s*;/.test(code.slice(literal.end))) constants.set(match[1].toLowerCase(), literal.value);
  }
  return constants;
}

/** True when the outer class is annotated @IsTest. */
export function isTestClass({ code }: LexedApex): boolean {
  const header = code.slice(0, code.indexOf("{") + 1);
  return /@\s*istest\b/i.test(header);
}
