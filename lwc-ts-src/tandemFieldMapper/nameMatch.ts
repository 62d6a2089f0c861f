/**
 * Auto-mapping by name: a Salesforce field and an external field are likely the same when their normalised
 * names share tokens or are a few edits apart. Pure functions, no LWC, so they are unit-tested on their own.
 */

/** Words that say nothing about what a field holds. */
const NOISE = new Set(["c", "the", "of", "a", "an"]);

/**
 * Splits a name into lower-case tokens: drops a namespace prefix (`ns__`) and the `__c` suffix, splits
 * camelCase, snake_case, dots (JSON paths), dashes and spaces, and separates digits from letters.
 * `tandem__BillingCity__c` → ["billing", "city"]; `customFields.tier_level` → ["custom", "fields", "tier", "level"].
 */
export function tokens(name: string | null | undefined): string[] {
  if (!name) return [];
  const withoutSuffix = name.replace(/__(c|r|mdt|e|x)$/i, "");
  const withoutNamespace = withoutSuffix.replace(/^[A-Za-z0-9]+__/, "");
  return withoutNamespace
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .replace(/([A-Za-z])(\d)/g, "$1 $2")
    .replace(/(\d)([A-Za-z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .map((token) => token.toLowerCase())
    .filter((token) => token !== "" && !NOISE.has(token));
}

/** The tokens joined: the form two names are compared in. */
export function normalise(name: string | null | undefined): string {
  return tokens(name).join("");
}

/** Levenshtein distance with two rows: O(a·b) time, O(b) memory. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  let current = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/** Share of tokens in common (Jaccard), 0 to 1. */
export function tokenOverlap(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const left = new Set(a);
  const right = new Set(b);
  let shared = 0;
  for (const token of left) if (right.has(token)) shared++;
  return shared / (left.size + right.size - shared);
}

/** Share of the shorter name's tokens found in the longer one ("Phone" in "phone_number" is 1). */
export function containment(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const [shorter, longer] = a.length <= b.length ? [a, new Set(b)] : [b, new Set(a)];
  return shorter.filter((token) => longer.has(token)).length / shorter.length;
}

/** Containment alone is weaker evidence than the same name: "Name" in "account_name" scores 0.8. */
const CONTAINMENT_WEIGHT = 0.8;

/**
 * How alike two names are, 0 to 1: 1 for the same normalised name, otherwise the best of token overlap,
 * weighted token containment and edit similarity (1 - distance / longer length).
 */
export function similarity(a: string | null | undefined, b: string | null | undefined): number {
  const left = tokens(a);
  const right = tokens(b);
  if (left.length === 0 || right.length === 0) return 0;
  const joinedLeft = left.join("");
  const joinedRight = right.join("");
  if (joinedLeft === joinedRight) return 1;
  const edits = 1 - editDistance(joinedLeft, joinedRight) / Math.max(joinedLeft.length, joinedRight.length);
  return Math.max(tokenOverlap(left, right), containment(left, right) * CONTAINMENT_WEIGHT, edits);
}

export interface NamedCandidate {
  /** Identifier returned when chosen (the external path). */
  key: string;
  /** Names to compare with: the API name / path and the label. */
  names: string[];
}

export interface NamedTarget {
  key: string;
  names: string[];
}

export interface AutoMatch {
  target: string;
  candidate: string;
  score: number;
}

/** Below this, names are too different to be mapped without a person deciding. */
export const DEFAULT_THRESHOLD = 0.72;

/** Best score between any name of the target and any name of the candidate. */
export function bestScore(target: NamedTarget, candidate: NamedCandidate): number {
  let best = 0;
  for (const left of target.names) {
    for (const right of candidate.names) {
      best = Math.max(best, similarity(left, right));
      if (best === 1) return 1;
    }
  }
  return best;
}

/**
 * Pairs targets with candidates greedily, best score first, each candidate used once. `accepts` lets the caller
 * refuse a pair (incompatible types). Exact normalised names are compared by index first, so 800 × 800 fields
 * stays fast: only targets without an exact match are scored against every candidate.
 */
export function autoMatch(
  targets: NamedTarget[],
  candidates: NamedCandidate[],
  accepts: (target: string, candidate: string) => boolean = () => true,
  threshold = DEFAULT_THRESHOLD,
): AutoMatch[] {
  const usedCandidates = new Set<string>();
  const matchedTargets = new Set<string>();
  const matches: AutoMatch[] = [];
  const exact = new Map<string, string[]>();
  for (const candidate of candidates) {
    for (const name of candidate.names) {
      const key = normalise(name);
      if (key) exact.set(key, [...(exact.get(key) ?? []), candidate.key]);
    }
  }
  for (const target of targets) {
    for (const name of target.names) {
      const found = (exact.get(normalise(name)) ?? []).find(
        (key) => !usedCandidates.has(key) && accepts(target.key, key),
      );
      if (found) {
        usedCandidates.add(found);
        matchedTargets.add(target.key);
        matches.push({ target: target.key, candidate: found, score: 1 });
        break;
      }
    }
  }
  const scored: AutoMatch[] = [];
  for (const target of targets) {
    if (matchedTargets.has(target.key)) continue;
    for (const candidate of candidates) {
      if (usedCandidates.has(candidate.key)) continue;
      const score = bestScore(target, candidate);
      if (score >= threshold && accepts(target.key, candidate.key)) {
        scored.push({ target: target.key, candidate: candidate.key, score });
      }
    }
  }
  scored.sort((a, b) => b.score - a.score || a.target.localeCompare(b.target));
  for (const match of scored) {
    if (matchedTargets.has(match.target) || usedCandidates.has(match.candidate)) continue;
    matchedTargets.add(match.target);
    usedCandidates.add(match.candidate);
    matches.push(match);
  }
  return matches;
}
