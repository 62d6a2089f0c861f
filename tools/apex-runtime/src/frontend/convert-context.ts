/** State shared by the parse-tree converters: unsupported features found and executable lines seen. */
import type { ApexParserRuleContext, ApexTerminalNode } from "@apexdevtools/apex-parser";
import type { Unsupported } from "./ast";

export class ConvertContext {
  readonly unsupported: Unsupported[] = [];
  readonly executableLines = new Set<number>();

  unsupportedAt(feature: string, line: number): void {
    this.unsupported.push({ feature, line });
  }

  executable(line: number): void {
    this.executableLines.add(line);
  }
}

export function lineOf(ctx: ApexParserRuleContext | ApexTerminalNode | null | undefined): number {
  if (!ctx) return 0;
  if ("start" in ctx && ctx.start) return ctx.start.line;
  if ("symbol" in ctx && ctx.symbol) return ctx.symbol.line;
  return 0;
}

/** Returns the node when present: ANTLR's generated accessors return null for absent optional children. */
export function opt<T>(node: T | null | undefined): T | null {
  return node ?? null;
}

/** Unescapes an Apex string literal including its quotes. */
export function unquote(text: string): string {
  const body = text.slice(1, -1);
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== "\\") {
      out += c;
      continue;
    }
    const n = body[++i];
    switch (n) {
      case "n":
        out += "\n";
        break;
      case "t":
        out += "\t";
        break;
      case "r":
        out += "\r";
        break;
      case "b":
        out += "\b";
        break;
      case "f":
        out += "\f";
        break;
      case "u":
        out += String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16));
        i += 4;
        break;
      default:
        out += n; // \' \" \\ and unknown escapes keep the character
    }
  }
  return out;
}
