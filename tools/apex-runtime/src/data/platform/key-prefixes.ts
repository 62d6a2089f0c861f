/**
 * Key prefixes for platform objects without a real one in standard-objects.ts. Deterministic for a given
 * jar: the n-th such object in name order gets `FIRST[n / 62²]` followed by n in two base-62 digits
 * (w00, w01, ..., wzz, x00, ...). The first character is w, x, y or z, so a generated prefix never equals a
 * real one (those start with a digit) nor one schema.ts gives a custom object (a0_), metadata type (m0_) or
 * platform event (e0_).
 */
const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const FIRST = "wxyz";
const PER_FIRST = DIGITS.length * DIGITS.length;

export function generatedKeyPrefix(n: number): string {
  if (n >= FIRST.length * PER_FIRST) throw new Error(`more than ${FIRST.length * PER_FIRST} generated key prefixes`);
  const rest = n % PER_FIRST;
  return FIRST[Math.floor(n / PER_FIRST)] + DIGITS[Math.floor(rest / DIGITS.length)] + DIGITS[rest % DIGITS.length];
}

/** Object name → key prefix: the real prefix when known, else the next generated one in name order. */
export function assignKeyPrefixes(sortedNames: string[], real: Record<string, string>): Map<string, string> {
  const prefixes = new Map<string, string>();
  let generated = 0;
  for (const name of sortedNames)
    prefixes.set(name, Object.hasOwn(real, name) ? real[name] : generatedKeyPrefix(generated++));
  return prefixes;
}
