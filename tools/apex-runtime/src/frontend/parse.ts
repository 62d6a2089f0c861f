/** Parses Apex source text with @apexdevtools/apex-parser and converts it to the runtime AST. */
import type { ApexParserFactory as Factory } from "@apexdevtools/apex-parser";
import type { CompilationUnit, SoqlQuery } from "./ast";
import { ConvertContext } from "./convert-context";
import { convertTrigger, convertTypeDeclaration } from "./convert-decl";
import { convertQuery } from "./convert-soql";

type ParserModule = typeof import("@apexdevtools/apex-parser");

let mod: ParserModule | null = null;
/** The ANTLR parser is loaded on first use only: with a warm AST cache a run never needs it. */
function parserModule(): ParserModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy load keeps start-up fast
  mod ??= require("@apexdevtools/apex-parser") as ParserModule;
  return mod;
}

interface Collecting {
  errors: string[];
}

function createParser(source: string): {
  parser: ReturnType<typeof Factory.createLexerAndParser>["parser"];
  listener: Collecting;
} {
  const m = parserModule();
  class CollectingListener extends m.ApexErrorListener {
    readonly errors: string[] = [];
    apexSyntaxError(line: number, column: number, msg: string): void {
      this.errors.push(`${line}:${column} ${msg}`);
    }
  }
  const listener = new CollectingListener();
  const { parser } = m.ApexParserFactory.createLexerAndParser(source, listener);
  return { parser, listener };
}

export function parseSource(file: string, source: string, hash: string): CompilationUnit {
  const { parser, listener } = createParser(source);
  const cx = new ConvertContext();
  const isTrigger = file.toLowerCase().endsWith(".trigger");
  const unit: CompilationUnit = {
    file,
    hash,
    type: null,
    trigger: null,
    executableLines: [],
    unsupported: [],
    syntaxErrors: [],
  };
  if (isTrigger) {
    const tu = parser.triggerUnit();
    if (listener.errors.length === 0) unit.trigger = convertTrigger(cx, tu);
  } else {
    const cu = parser.compilationUnit();
    if (listener.errors.length === 0) unit.type = convertTypeDeclaration(cx, cu.typeDeclaration());
  }
  unit.syntaxErrors = listener.errors;
  unit.unsupported = cx.unsupported;
  unit.executableLines = [...cx.executableLines].sort((a, b) => a - b);
  return unit;
}

/** Parses a dynamic SOQL string (Database.query). Throws with the parser's message on a syntax error. */
export function parseQuery(text: string): { query: SoqlQuery; unsupported: string[]; errors: string[] } {
  const { parser, listener } = createParser(text);
  const q = parser.query();
  const cx = new ConvertContext();
  if (listener.errors.length > 0)
    return { query: null as unknown as SoqlQuery, unsupported: [], errors: listener.errors };
  const query = convertQuery(cx, q);
  return { query, unsupported: cx.unsupported.map((u) => u.feature), errors: [] };
}
