/** XML for the metadata gate: well-formedness with a line number, and values read by element path. */
import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface XmlProblem {
  line: number;
  message: string;
}

const PREDEFINED_ENTITIES = new Set(["amp", "lt", "gt", "quot", "apos"]);

/**
 * Why the text is not well-formed XML, or undefined when it is. fast-xml-parser's validator misses two
 * things a deployment rejects, checked here too: undeclared entities and more than one root element.
 */
export function xmlProblem(text: string): XmlProblem | undefined {
  const result = XMLValidator.validate(text);
  if (result !== true) return { line: result.err.line, message: result.err.msg };
  const markup = text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (span) => span.replace(/[^\n]/g, " "));
  for (const match of markup.matchAll(/&([A-Za-z_][\w.-]*);/g)) {
    if (!PREDEFINED_ENTITIES.has(match[1])) {
      return { line: markup.slice(0, match.index).split("\n").length, message: `undeclared entity '&${match[1]};'` };
    }
  }
  const roots = Object.values(parseXml(text)).reduce((count, nodes) => count + nodes.length, 0);
  if (roots !== 1) return { line: 1, message: `expected one root element, found ${roots}` };
  return undefined;
}

/** A parsed element: child elements by name, every one an array (so one and many read the same way). */
export type XmlElement = Record<string, (XmlElement | string)[]>;

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  parseTagValue: false,
  isArray: () => true,
});

export function parseXml(text: string): XmlElement {
  return parser.parse(text) as XmlElement;
}

/** The text of every element at `path` below `element`: valuesAt(doc, ["PermissionSet", "fieldPermissions", "field"]). */
export function valuesAt(element: XmlElement, path: readonly string[]): string[] {
  const [head, ...rest] = path;
  const children = element[head] ?? [];
  if (rest.length === 0) return children.filter((child): child is string => typeof child === "string");
  return children.flatMap((child) => (typeof child === "string" ? [] : valuesAt(child, rest)));
}

/** The line of the first `<tag>value</tag>` in the text (1 if absent): parsed XML has no positions, findings need one. */
export function lineOfElement(text: string, tag: string, value: string): number {
  const escaped = value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const at = text.indexOf(`<${tag}>${escaped}</${tag}>`);
  return at === -1 ? 1 : text.slice(0, at).split("\n").length;
}

/** The child elements at `path`, for reading sibling values together (a related list and its fields). */
export function elementsAt(element: XmlElement, path: readonly string[]): XmlElement[] {
  const [head, ...rest] = path;
  const children = (element[head] ?? []).filter((child): child is XmlElement => typeof child !== "string");
  return rest.length === 0 ? children : children.flatMap((child) => elementsAt(child, rest));
}
