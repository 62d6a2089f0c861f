/** String(x) for values known to be primitives, ids or Decimals (never plain objects). */
export function asText(v: unknown): string {
  return typeof v === "string" ? v : String(v);
}
