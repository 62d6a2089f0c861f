/** Salesforce Id rules: 15-character case-sensitive ids and their 18-character case-insensitive form. */

const SUFFIX = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

/** Returns the 18-character form of a 15- or 18-character id, or null when the text is not an id. */
export function to18(text: string): string | null {
  if (!/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(text)) return null;
  const base = text.slice(0, 15);
  let suffix = "";
  for (let block = 0; block < 3; block++) {
    let flags = 0;
    for (let i = 0; i < 5; i++) {
      const c = base.charCodeAt(block * 5 + i);
      if (c >= 65 && c <= 90) flags |= 1 << i;
    }
    suffix += SUFFIX[flags];
  }
  if (text.length === 18 && text.slice(15).toUpperCase() !== suffix) return null;
  return base + suffix;
}

/** Builds an id from a 3-character key prefix and a sequence number. */
export function makeId(prefix: string, seq: number): string {
  const body = seq
    .toString(36)
    .toUpperCase()
    .padStart(12 - 3, "0");
  return to18(prefix + "000" + body)!;
}
