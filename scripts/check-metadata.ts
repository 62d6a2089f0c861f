/**
 * `npm run check:metadata [projectDir]`: the metadata gate. `sf project convert source` is not a validator
 * (it copies malformed XML and drops classes without meta files), so the gate checks first, then converts:
 *  (a) every XML file in the package directories and lwc-ts-src is well-formed;
 *  (b) paired files are complete (class and -meta.xml, LWC bundle and js-meta.xml, custom object folder and
 *      its .object-meta.xml), see lib/metadata-completeness.ts;
 *  (c) what permission sets, groups, layouts, compact layouts, list views, applications and tabs name exists,
 *      see lib/metadata-references.ts;
 *  (d) only when (a)-(c) pass: the source converts to metadata format in <projectDir>/.build/mdapi.
 */
import { readFileSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { walk } from "./lib/files";
import { errors, isEntryPoint, plural, runGate, type Finding, type GateResult } from "./lib/gate";
import { completenessFindings } from "./lib/metadata-completeness";
import { buildInventory } from "./lib/metadata-inventory";
import { referencesIn, unresolved } from "./lib/metadata-references";
import { packageFiles, projectDir, readProject, type Project } from "./lib/project";
import { parseXml, xmlProblem } from "./lib/xml";
import { sfJson } from "./sf";

export interface MetadataOptions {
  /** Convert with the sf CLI after the checks pass (default true); tests of failing fixtures skip it. */
  convert?: boolean;
}

export function checkMetadata(dir: string, { convert = true }: MetadataOptions = {}): GateResult {
  const project = readProject(dir);
  const files = packageFiles(project, () => true);
  const xmlFiles = [...files, ...walk(join(project.root, "lwc-ts-src"))].filter((file) => file.endsWith(".xml"));
  const inventory = buildInventory(project, files);
  const findings: Finding[] = [];

  let references = 0;
  for (const file of xmlFiles) {
    const text = readFileSync(file, "utf8");
    const problem = xmlProblem(text);
    if (problem) {
      findings.push({ file, line: problem.line, message: `malformed XML: ${problem.message}`, severity: "error" });
      continue;
    }
    for (const ref of referencesIn(file, text, parseXml(text))) {
      references++;
      const message = unresolved(ref, inventory, project.namespace);
      if (message) findings.push({ file, line: ref.line, message, severity: "error" });
    }
  }
  findings.push(...completenessFindings(project, files));

  if (convert && errors({ gate: "", findings, scope: "" }).length === 0) findings.push(...convertSource(project));
  const scope = `${plural(xmlFiles.length, "XML file")} (${plural(references, "reference")})`;
  return { gate: "check:metadata", findings, scope };
}

/** Converts each package directory to metadata format; a failure is a finding on that directory. */
function convertSource(project: Project): Finding[] {
  const output = join(project.root, ".build", "mdapi");
  rmSync(output, { recursive: true, force: true });
  return project.packageDirs.flatMap((pkg): Finding[] => {
    const target = project.packageDirs.length === 1 ? output : join(output, basename(pkg));
    const converted = sfJson(["project", "convert", "source", "--root-dir", pkg, "--output-dir", target], project.root);
    return converted.ok
      ? []
      : [{ file: pkg, line: 1, message: `sf project convert source failed: ${converted.message}`, severity: "error" }];
  });
}

if (isEntryPoint(import.meta.url)) {
  runGate("check:metadata", () => checkMetadata(projectDir(parseArgs({ allowPositionals: true }).positionals)));
}
