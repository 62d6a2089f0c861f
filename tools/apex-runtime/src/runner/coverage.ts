/** Line coverage per class: executed lines over executable lines (statements and field initialisers). */
import type { CompilationUnit } from "../frontend/ast";
import { hasAnnotation } from "../frontend/convert-types";

export interface ClassCoverage {
  file: string;
  name: string;
  covered: number;
  total: number;
  uncovered: number[];
}

export function isTestUnit(u: CompilationUnit): boolean {
  return !!u.type && !!hasAnnotation(u.type.mods, "IsTest");
}

export function computeCoverage(units: CompilationUnit[], covered: Map<string, Set<number>>): ClassCoverage[] {
  const out: ClassCoverage[] = [];
  for (const u of units) {
    if (isTestUnit(u) || u.executableLines.length === 0) continue;
    const hit = covered.get(u.file) ?? new Set<number>();
    const uncovered = u.executableLines.filter((l) => !hit.has(l));
    out.push({
      file: u.file,
      name: u.type ? u.type.name : (u.trigger?.name ?? u.file),
      covered: u.executableLines.length - uncovered.length,
      total: u.executableLines.length,
      uncovered,
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
