/**
 * Just enough Apex lexing for source checks that apex-ls does not do: comments removed, string literals
 * pulled out with their values. Offsets and line breaks are preserved, so positions in `code` are
 * positions in the file.
 */

export interface ApexLiteral {
  /** The literal's value with escapes resolved (`'it\'s'` gives `it's`). */
  value: string;
  /** Offset of the opening quote and just past the closing quote. */
  start: number;
  end: number;
}

export interface LexedApex {
  /** The source with comments and the contents of string literals blanked (quotes kept). */
  code: string;
  literals: ApexLiteral[];
}

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f" };

/** Blanks a span but keeps its line breaks, so line numbers stay right. */
const blank = (text: string): string => text.replace(/[^\n]/g, " ");

export function lexApex(source: string): LexedApex {
  let code = "";
  const literals: ApexLiteral[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === "/" && next === "/") {
      const end = source.indexOf("\n", i);
      const stop = end === -1 ? source.length : end;
      code += blank(source.slice(i, stop));
      i = stop;
    } else if (c === "/" && next === "*") {
      const end = source.indexOf("*/", i + 2);
      const stop = end === -1 ? source.length : end + 2;
      code += blank(source.slice(i, stop));
      i = stop;
    } else if (c === "'") {
      // Apex strings are single-quoted, one line, with backslash escapes.
      let value = "";
      let j = i + 1;
      while (j < source.length && source[j] !== "'" && source[j] !== "\n") {
        if (source[j] === "\\" && j + 1 < source.length) {
          const escaped = source[j + 1];
          value += ESCAPES[escaped] ?? escaped;
          j += 2;
        } else {
          value += source[j++];
        }
      }
      // An unterminated literal stops at the line end, so one typo does not swallow the rest of the file.
      const closed = source[j] === "'";
      const end = closed ? j + 1 : j;
      literals.push({ value, start: i, end });
      code += "'" + blank(source.slice(i + 1, j)) + (closed ? "'" : "");
      i = end;
    } else {
      code += c;
      i++;
    }
  }
  return { code, literals };
}
