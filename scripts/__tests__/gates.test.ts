/**
 * The quality gates pass a clean project and fail on seeded defects, with messages that name the file and
 * the offending name. Each case is fixtures/clean (which passes every gate) copied to a temporary folder with
 * the files of fixtures/<case>/ laid over it, so a failure can only come from the seeded defect.
 * Gates run as commands, as npm runs them: exit code, `path:line: message` lines and the summary line.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, describe, it } from "node:test";

const SCRIPTS = join(import.meta.dirname, "..");
const FIXTURES = join(import.meta.dirname, "fixtures");
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

type Gate = "check-apex" | "scan-apex" | "check-metadata" | "check-imports";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const projects: string[] = [];
after(() => projects.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A temporary copy of the clean project, with the case's files laid over it. */
function project(seededCase?: string): string {
  const dir = mkdtempSync(join(tmpdir(), `tandem-gates-${seededCase ?? "clean"}-`));
  projects.push(dir);
  cpSync(join(FIXTURES, "clean"), dir, { recursive: true });
  if (seededCase) cpSync(join(FIXTURES, seededCase), dir, { recursive: true });
  return dir;
}

/** Runs a gate script on the project, from inside it, so findings print project-relative paths. */
function gate(script: Gate, dir: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", TSX, join(SCRIPTS, `${script}.ts`), dir], { cwd: dir });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function assertPassed(run: Run, summary: RegExp): void {
  assert.equal(run.code, 0, `expected a pass:\n${run.stdout}${run.stderr}`);
  assert.match(run.stdout, summary);
}

function assertFailed(run: Run, finding: RegExp): void {
  assert.equal(run.code, 1, `expected findings (exit 1):\n${run.stdout}${run.stderr}`);
  assert.match(run.stdout, finding);
}

/** The 1-based line of the first line of `file` containing `text`. */
function lineOf(file: string, text: string): number {
  return (
    readFileSync(file, "utf8")
      .split("\n")
      .findIndex((line) => line.includes(text)) + 1
  );
}

// The Java gates dominate; running cases side by side roughly halves the wall time on two cores.
describe("quality gates", { concurrency: 3 }, () => {
  describe("a clean project", () => {
    const dir = project();

    it("passes check:apex", async () => {
      assertPassed(await gate("check-apex", dir), /^check:apex: 0 issues in 3 classes$/m);
    });

    it("passes scan:apex with the AppExchange rules loaded, printing lower priorities as warnings", async () => {
      const run = await gate("scan-apex", dir);
      assertPassed(run, /^scan:apex: 0 issues in 3 classes \(\d+ rules, 13 of them AppExchange\), 1 warning$/m);
      assert.match(
        run.stdout,
        /^force-app\/main\/default\/classes\/WidgetClient\.cls:3: warning: AvoidHardcodedCredentialsInFieldDecls/m,
      );
    });

    it("passes check:metadata and converts the source", async () => {
      assertPassed(await gate("check-metadata", dir), /^check:metadata: 0 issues in 12 XML files \(10 references\)$/m);
      assert.ok(existsSync(join(dir, ".build", "mdapi", "package.xml")), "converted package.xml");
      assert.ok(existsSync(join(dir, ".build", "mdapi", "classes", "WidgetController.cls")), "converted class");
    });

    it("passes check:imports, noting the Named Credential chosen at run time", async () => {
      const run = await gate("check-imports", dir);
      assertPassed(run, /^check:imports: 0 issues in 2 Apex imports and 3 callouts, 1 note$/m);
      assert.match(
        run.stdout,
        /WidgetClient\.cls:\d+: note: 'callout:' \+ namedCredential: Named Credential chosen at run time/,
      );
    });
  });

  it("check:apex fails on an Apex class naming an unknown field", async () => {
    const run = await gate("check-apex", project("apex-unknown-field"));
    assertFailed(
      run,
      /^force-app\/main\/default\/classes\/WidgetPainter\.cls:4: Missing: Unknown field 'Colour__c' on SObject 'Schema\.tandem__Widget__c'$/m,
    );
    assert.match(run.stdout, /^check:apex: 1 issue in 4 classes$/m);
  });

  it("scan:apex fails on user input concatenated into dynamic SOQL", async () => {
    const run = await gate("scan-apex", project("apex-soql-injection"));
    assertFailed(
      run,
      /^force-app\/main\/default\/classes\/AccountSearchController\.cls:5: ApexSOQLInjection \(priority 2\)/m,
    );
    assert.match(run.stdout, /^scan:apex: 1 issue in 4 classes/m);
  });

  describe("check:metadata", () => {
    it("fails on malformed object XML, and does not convert", async () => {
      const dir = project("metadata-broken-object");
      const run = await gate("check-metadata", dir);
      assertFailed(
        run,
        /^force-app\/main\/default\/objects\/Widget__c\/Widget__c\.object-meta\.xml:10: malformed XML: Expected closing tag 'nameField'/m,
      );
      assert.ok(!existsSync(join(dir, ".build", "mdapi")), "no conversion after a failed check");
    });

    it("fails on a class without its meta file", async () => {
      const run = await gate("check-metadata", project("metadata-class-without-meta"));
      assertFailed(
        run,
        /^force-app\/main\/default\/classes\/WidgetSorter\.cls:1: WidgetSorter\.cls has no WidgetSorter\.cls-meta\.xml$/m,
      );
    });

    it("fails on a permission set naming a missing field", async () => {
      const dir = project("metadata-missing-field");
      const file = join(dir, "force-app/main/default/permissionsets/Widget_Admin.permissionset-meta.xml");
      const run = await gate("check-metadata", dir);
      const line = lineOf(file, "Widget__c.Weight__c");
      assertFailed(
        run,
        new RegExp(
          `^force-app/main/default/permissionsets/Widget_Admin\\.permissionset-meta\\.xml:${line}: field 'Widget__c\\.Weight__c' does not exist`,
          "m",
        ),
      );
      assert.match(run.stdout, /^check:metadata: 1 issue in/m);
    });
  });

  describe("check:imports", () => {
    it("fails on an LWC import of a missing or non-@AuraEnabled Apex method", async () => {
      const run = await gate("check-imports", project("imports-missing-method"));
      assertFailed(
        run,
        /^lwc-ts-src\/widgetCount\/widgetCount\.ts:3: @salesforce\/apex\/WidgetController\.getWidgetCount: class 'WidgetController' has no method 'getWidgetCount'$/m,
      );
      assert.match(
        run.stdout,
        /^lwc-ts-src\/widgetCount\/widgetCount\.ts:4: @salesforce\/apex\/WidgetController\.countWidgets: 'WidgetController\.countWidgets' must be static and @AuraEnabled/m,
      );
      assert.match(run.stdout, /^check:imports: 2 issues in 4 Apex imports/m);
    });

    it("fails on a callout to a Named Credential the project does not define, named directly or by a constant", async () => {
      const run = await gate("check-imports", project("imports-unknown-named-credential"));
      assertFailed(
        run,
        /^force-app\/main\/default\/classes\/GadgetClient\.cls:8: 'callout:Gadget_API\/v1\/gadgets': no Named Credential 'Gadget_API' in the project/m,
      );
      assert.match(
        run.stdout,
        /^force-app\/main\/default\/classes\/GadgetClient\.cls:15: 'callout:' \+ LEGACY_CREDENTIAL \('Gadget_Legacy'\): no Named Credential 'Gadget_Legacy'/m,
      );
    });
  });
});
