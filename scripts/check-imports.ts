/**
 * `npm run check:imports [projectDir]`: names that cross from one kind of source to another, which neither
 * tsc nor apex-ls can see.
 *
 * (a) Every `@salesforce/apex/<Class>.<method>` (or `@salesforce/apex/<namespace>.<Class>.<method>`) string in
 *     lwc-ts-src/**\/*.ts, tests and typings included, names a class of the package with a top-level `static`
 *     `@AuraEnabled` method of that name. Names compare without case, as Apex does.
 * (b) Every `callout:<Name>` in the package's Apex (test classes excepted: they answer callouts with mocks)
 *     names a Named Credential of the project (`<packageDir>/**\/namedCredentials/<Name>.namedCredential-meta.xml`). The rule for built names:
 *     `'callout:' + CONSTANT` is checked when CONSTANT (or `Class.CONSTANT`) is a `static final String`
 *     initialised with one literal; any other built name (a field, a parameter) is printed as a note,
 *     because only the org knows its value. So connectors should name their default credential in a constant.
 */
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import ts from "typescript";
import { isTestClass, stringConstants, topLevelMethods, type ApexMethod } from "./lib/apex-declarations";
import { lexApex, type ApexLiteral, type LexedApex } from "./lib/apex-lexer";
import { lineAt, walk } from "./lib/files";
import { isEntryPoint, plural, runGate, type Finding, type GateResult } from "./lib/gate";
import { packageFiles, projectDir, readProject, type Project } from "./lib/project";

interface ApexClass {
  name: string;
  file: string;
  source: string;
  lexed: LexedApex;
}

const APEX_MODULE = "@salesforce/apex/";

export function checkImports(dir: string): GateResult {
  const project = readProject(dir);
  const classes = packageFiles(project, (path) => /\.(cls|trigger)$/.test(path)).map((file): ApexClass => {
    const source = readFileSync(file, "utf8");
    return { name: basename(file).replace(/\.(cls|trigger)$/, ""), file, source, lexed: lexApex(source) };
  });
  const imports = checkLwcImports(project, classes);
  const callouts = checkCallouts(project, classes);
  const scope = `${plural(imports.checked, "Apex import")} and ${plural(callouts.checked, "callout")}`;
  return { gate: "check:imports", findings: [...imports.findings, ...callouts.findings], scope };
}

interface Checked {
  findings: Finding[];
  checked: number;
}

function checkLwcImports(project: Project, classes: ApexClass[]): Checked {
  const methodsByClass = new Map<string, ApexMethod[]>();
  for (const apex of classes) methodsByClass.set(apex.name.toLowerCase(), topLevelMethods(apex.lexed));

  const findings: Finding[] = [];
  let checked = 0;
  for (const file of walk(join(project.root, "lwc-ts-src"), (path) => path.endsWith(".ts"))) {
    for (const { value, line } of stringLiterals(file)) {
      // A wildcard module declaration (`declare module "@salesforce/apex/*"`) names no method.
      if (!value.startsWith(APEX_MODULE) || value.includes("*")) continue;
      checked++;
      const problem = resolveApexImport(value.slice(APEX_MODULE.length), project.namespace, methodsByClass);
      if (problem) findings.push({ file, line, message: problem, severity: "error" });
    }
  }
  return { findings, checked };
}

/** Why an import does not resolve, or undefined when it does. */
function resolveApexImport(
  spec: string,
  namespace: string,
  methodsByClass: Map<string, ApexMethod[]>,
): string | undefined {
  const parts = spec.split(".");
  const where = `@salesforce/apex/${spec}`;
  if (parts.length === 3) {
    if (parts[0].toLowerCase() !== namespace.toLowerCase()) {
      return `${where}: namespace '${parts[0]}' is not this package's ('${namespace || "none"}')`;
    }
    parts.shift();
  }
  if (parts.length !== 2 || parts.some((part) => !/^[A-Za-z_]\w*$/.test(part))) {
    return `${where}: expected @salesforce/apex/<Class>.<method>`;
  }
  const [className, methodName] = parts;
  const methods = methodsByClass.get(className.toLowerCase());
  if (!methods) return `${where}: no Apex class '${className}' in the package`;
  const method = methods.find((m) => m.name.toLowerCase() === methodName.toLowerCase());
  if (!method) return `${where}: class '${className}' has no method '${methodName}'`;
  if (!method.isStatic || !method.isAuraEnabled) {
    return `${where}: '${className}.${methodName}' must be static and @AuraEnabled to be imported by LWC`;
  }
  return undefined;
}

/**
 * Every string literal of a TypeScript file, from its syntax tree: imports, `jest.mock(...)` and
 * `declare module` names alike, and never text inside comments.
 */
function stringLiterals(file: string): { value: string; line: number }[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ESNext, false);
  const found: { value: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      found.push({ value: node.text, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function checkCallouts(project: Project, classes: ApexClass[]): Checked {
  const credentials = new Set(
    packageFiles(project, (path) => path.endsWith(".namedCredential-meta.xml")).map((file) =>
      basename(file, ".namedCredential-meta.xml").toLowerCase(),
    ),
  );
  const constants = new Map<string, string>();
  for (const apex of classes) {
    for (const [name, value] of stringConstants(apex.lexed)) constants.set(`${apex.name.toLowerCase()}.${name}`, value);
  }
  const ownPrefix = project.namespace ? `${project.namespace.toLowerCase()}__` : "";

  const findings: Finding[] = [];
  let checked = 0;
  // Test classes call through an HttpCalloutMock, so their credential names never reach an org.
  for (const apex of classes.filter((c) => !isTestClass(c.lexed))) {
    for (const literal of apex.lexed.literals.filter((l) => /^callout:/i.test(l.value))) {
      checked++;
      const line = lineAt(apex.source, literal.start);
      const target = calloutTarget(apex, literal, constants);
      if ("dynamic" in target) {
        findings.push({
          file: apex.file,
          line,
          message: `${target.dynamic}: Named Credential chosen at run time, not checked`,
          severity: "note",
        });
        continue;
      }
      const local =
        ownPrefix && target.name.toLowerCase().startsWith(ownPrefix)
          ? target.name.slice(ownPrefix.length)
          : target.name;
      if (!credentials.has(local.toLowerCase())) {
        const expected = `namedCredentials/${local}.namedCredential-meta.xml`;
        findings.push({
          file: apex.file,
          line,
          message: `${target.shown}: no Named Credential '${target.name}' in the project (${expected})`,
          severity: "error",
        });
      }
    }
  }
  return { findings, checked };
}

type CalloutTarget = { name: string; shown: string } | { dynamic: string };

/** The Named Credential a `callout:` literal names: directly, or through `'callout:' + CONSTANT` (or `Class.CONSTANT`). */
function calloutTarget(apex: ApexClass, literal: ApexLiteral, constants: Map<string, string>): CalloutTarget {
  const credentialOf = (endpoint: string): string => endpoint.split(/[/?]/)[0];
  const direct = credentialOf(literal.value.slice("callout:".length));
  if (direct !== "") return { name: direct, shown: `'${literal.value}'` };
  const operand = /^\s*\+\s*([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)?)/.exec(apex.lexed.code.slice(literal.end))?.[1];
  if (!operand) return { dynamic: `'${literal.value}'` };
  const value = constants.get((operand.includes(".") ? operand : `${apex.name}.${operand}`).toLowerCase());
  if (value === undefined) return { dynamic: `'callout:' + ${operand}` };
  return { name: credentialOf(value), shown: `'callout:' + ${operand} ('${value}')` };
}

if (isEntryPoint(import.meta.url)) {
  runGate("check:imports", () => checkImports(projectDir(parseArgs({ allowPositionals: true }).positionals)));
}
