/**
 * The LWC build and the type-check fail on seeded defects and pass on a good bundle.
 * Fixtures: scripts/__tests__/fixtures/build-*.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { after, describe, it } from "node:test";
import ts from "typescript";
import { buildLwc } from "../build-lwc";
import { findApexClasses, generateApexTypes } from "../generate-apex-types";
import { checkEmittedOutput } from "../lib/lwc-output-check";
import { transpileTs } from "../lib/lwc-transpile";

const ROOT = resolve(import.meta.dirname, "..", "..");
const FIXTURES = join(import.meta.dirname, "fixtures");
const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");

// Inside the repo (git-ignored .build) so tsconfigs there resolve node_modules types like the root one.
mkdirSync(join(ROOT, ".build"), { recursive: true });
const scratch = mkdtempSync(join(ROOT, ".build", "build-test-"));
after(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function outDir(name: string): string {
  return join(scratch, name, "lwc");
}

function build(fixture: string, tsconfigFixture = fixture) {
  return buildLwc({
    srcDir: join(FIXTURES, fixture, "src"),
    outDir: outDir(`${fixture}-${tsconfigFixture}`),
    tsconfigPath: join(FIXTURES, tsconfigFixture, "tsconfig.json"),
  });
}

interface TscRun {
  status: number;
  output: string;
}

/** Runs the real tsc; started eagerly and awaited in the tests, so the slow runs overlap. */
function tsc(tsconfigPath: string): Promise<TscRun> {
  return new Promise((done) => {
    execFile(process.execPath, [TSC, "-p", tsconfigPath, "--noEmit", "--pretty", "false"], (error, stdout, stderr) => {
      done({ status: typeof error?.code === "number" ? error.code : 0, output: `${stdout}${stderr}` });
    });
  });
}

describe("build: a good bundle", () => {
  const result = build("build-good");
  const out = outDir("build-good-build-good");
  const goodCard = (file: string) => readFileSync(join(out, "goodCard", file), "utf8");

  it("builds without errors", () => {
    assert.deepEqual(result.errors, []);
    assert.equal(result.bundles, 2);
  });

  it("keeps @api, @track and @wire verbatim and emits no source map", () => {
    const js = goodCard("goodCard.js");
    assert.match(js, /@api\s+recordId;/);
    assert.match(js, /@api\s+heading = "Records";/);
    assert.match(js, /@api\s+refresh\(\)/);
    assert.match(js, /@track\s+rows = \[\];/);
    assert.match(js, /@wire\(getRecord, \{ recordId: "\$recordId", fields: \[NAME_FIELD\] \}\)\s+record;/);
    assert.doesNotMatch(js, /sourceMappingURL|__decorate|__esDecorate/);
    // Uninitialised fields stay declared, so LWC still tracks them.
    assert.match(js, /^\s+error;$/m);
    // Type-only imports are elided; value imports stay as written.
    assert.doesNotMatch(js, /from "\.\/types"/);
    assert.match(js, /import \{ formatCount \} from "c\/formatUtil";/);
  });

  it("copies templates, styles, icons and metadata but not tests, declarations or typings", () => {
    for (const file of ["goodCard.html", "goodCard.css", "goodCard.svg", "goodCard.js-meta.xml"]) {
      assert.ok(existsSync(join(out, "goodCard", file)), file);
    }
    assert.ok(existsSync(join(out, "formatUtil", "formatUtil.js")));
    assert.ok(!existsSync(join(out, "goodCard", "__tests__")));
    assert.ok(!existsSync(join(out, "typings")));
    assert.equal(
      goodCard("goodCard.html"),
      readFileSync(join(FIXTURES, "build-good/src/goodCard/goodCard.html"), "utf8"),
    );
  });

  it("cleans the output first, so a removed bundle vanishes", () => {
    const stale = join(out, "removedBundle");
    mkdirSync(stale, { recursive: true });
    writeFileSync(join(stale, "removedBundle.js"), "export default 1;\n");
    assert.deepEqual(build("build-good").errors, []);
    assert.ok(!existsSync(stale));
  });
});

describe("build: output check", () => {
  const source = readFileSync(join(FIXTURES, "build-good/src/goodCard/goodCard.ts"), "utf8");
  const file = "goodCard/goodCard.ts";

  it("accepts what the project's options emit", () => {
    const { code } = transpileTs(source, file, { target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.ESNext });
    assert.deepEqual(checkEmittedOutput(file, source, code), []);
  });

  it("rejects tsc's legacy decorator helpers, naming the file", () => {
    const options = { target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.ESNext, experimentalDecorators: true };
    const { code } = transpileTs(source, file, options);
    const problems = checkEmittedOutput(file, source, code);
    assert.match(
      problems.join("\n"),
      /goodCard\/goodCard\.ts: decorators were rewritten into helper calls \(__decorate\)/,
    );
    assert.match(problems.join("\n"), /5 @api\/@track\/@wire decorator\(s\) in the source but 0 in the output/);
  });

  it("rejects standard decorators lowered for an older target", () => {
    const { code } = transpileTs(source, file, { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext });
    assert.match(checkEmittedOutput(file, source, code).join("\n"), /__esDecorate|__runInitializers/);
  });

  it("rejects Babel's decorator helpers and a dropped decorator even without helpers", () => {
    const babel = "var _initProto;\nclass A { static { [_initProto] = _applyDecs2311(this, [], []).e; } }\n";
    assert.match(checkEmittedOutput(file, source, babel).join("\n"), /_applyDecs2311/);
    const dropped = source.replace("@api recordId", "recordId");
    assert.match(checkEmittedOutput(file, source, dropped).join("\n"), /5 .* in the source but 4 in the output/);
  });

  it("does not count decorators named in comments or strings", () => {
    const code = '// @api is kept\nconst s = "@wire(x)";\n';
    assert.deepEqual(checkEmittedOutput("a.ts", "/* @track */\n", code), []);
  });

  it("rejects a source map", () => {
    assert.match(
      checkEmittedOutput(file, "", "export {};\n//# sourceMappingURL=data:application/json;base64,e30=\n").join(),
      /goodCard\/goodCard\.ts: the output contains a sourceMappingURL/,
    );
  });
});

describe("build: seeded defects fail end to end and write nothing", () => {
  it("fails when the tsconfig makes tsc rewrite decorators", () => {
    const result = build("build-good", "build-lowered");
    const errors = result.errors.join("\n");
    assert.match(errors, /goodCard\.ts: decorators were rewritten into helper calls \(__decorate\)/);
    assert.ok(!existsSync(outDir("build-good-build-lowered")));
  });

  it("fails when the tsconfig asks for inline source maps", () => {
    const result = build("build-good", "build-sourcemap");
    assert.match(result.errors.join("\n"), /goodCard\.ts: the output contains a sourceMappingURL/);
    assert.match(result.errors.join("\n"), /formatUtil\.ts: the output contains a sourceMappingURL/);
  });

  it("fails on a template the LWC compiler rejects, naming the file and the LWC error", () => {
    const result = build("build-template-error");
    assert.equal(result.errors.length, 1, result.errors.join("\n"));
    assert.match(
      result.errors[0] ?? "",
      /badTemplate[/\\]badTemplate\.html: LWC1043: Event handler should be an expression/,
    );
    assert.ok(!existsSync(outDir("build-template-error-build-template-error")));
  });
});

describe("typecheck", () => {
  const typeError = tsc(join(FIXTURES, "build-type-error", "tsconfig.json"));
  const good = tsc(join(FIXTURES, "build-good", "tsconfig.json"));

  it("fails on a TypeScript type error in a bundle", async () => {
    const { status, output } = await typeError;
    assert.equal(status, 2, output);
    assert.match(output, /typeError\.ts\(8,5\): error TS2322: Type 'string' is not assignable to type 'number'\./);
  });

  it("passes on the good fixture", async () => {
    const { status, output } = await good;
    assert.equal(status, 0, output);
  });
});

describe("generate-apex-types", () => {
  const classes = findApexClasses([join(FIXTURES, "build-apex", "classes")]);
  const generated = generateApexTypes(classes, "tandem");
  const dir = join(scratch, "apex");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "apex.d.ts"), generated.text);

  /** Type-checks consumer files against the shipped typings and a generated Apex declaration file. */
  function typecheckWith(name: string, dts: string, consumers: string[]) {
    writeFileSync(join(dir, `${name}.d.ts`), dts);
    const include = [
      join(ROOT, "lwc-ts-src/typings/*.d.ts"),
      join(dir, `${name}.d.ts`),
      ...consumers.map((consumer) => join(FIXTURES, "build-apex/consumer", consumer)),
    ];
    const tsconfig = join(dir, `tsconfig.${name}.json`);
    writeFileSync(
      tsconfig,
      JSON.stringify({ extends: join(ROOT, "tsconfig.json"), compilerOptions: { types: [] }, include, exclude: [] }),
    );
    return tsc(tsconfig);
  }
  // One run for all consumers: tsc names the file of every error, so each test reads its own.
  const consumers = typecheckWith("apex", generated.text, [
    "callsApex.ts",
    "callsMissingMethod.ts",
    "callsWithWrongParams.ts",
  ]);
  const emptyRun = typecheckWith("empty", generateApexTypes([], "tandem").text, []);
  const errorsIn = async (consumer: string) =>
    (await consumers).output.split("\n").filter((line) => line.includes(`consumer/${consumer}(`));

  it("declares static @AuraEnabled methods in any casing, and nothing else", () => {
    assert.deepEqual(generated.errors, []);
    const modules = [...generated.text.matchAll(/^declare module "(.+)"/gm)].map((m) => m[1]);
    assert.deepEqual(modules, [
      "@salesforce/apex/SyncController.getStatuses",
      "@salesforce/apex/SyncController.syncNow",
      "@salesforce/apex/SyncController.accountsByName",
      "@salesforce/apex/SyncController.ping",
      "@salesforce/apex/SyncController.connections",
    ]);
  });

  it("maps Apex types to the JSON LWC receives", () => {
    const text = generated.text;
    assert.match(
      text,
      /getStatuses: Apex\.CacheableMethod<\{ recordId: string; maxRows: number \}, Apex\.SyncStatus\[\]>/,
    );
    assert.match(
      text,
      /syncNow: Apex\.Method<\s*\{ recordId: string; options: Record<string, unknown>; fields: string\[\]; since: string \},\s*Apex\.SyncController\.SyncResult\s*>/,
    );
    assert.match(
      text,
      /accountsByName: Apex\.CacheableMethod<Record<never, never>, Record<string, Apex\.SObject\[\]>>/,
    );
    assert.match(text, /ping: Apex\.Method<Record<never, never>, void>/);
    assert.match(text, /connections: Apex\.Method<\{ csv: string; counts: number\[\] \}, Apex\.SObject\[\]>/);
    assert.match(text, /type Kind = "CREATE_RECORD" \| "UPDATE_RECORD";/);
    assert.match(
      text,
      /interface SyncResult \{\s+ok\?: boolean;\s+messages\?: string\[\];\s+kind\?: Apex\.Operations\.Kind;\s+amounts\?: number\[\];\s+finishedAt\?: string;\s+anything\?: unknown;\s+raw\?: unknown;\s+detail\?: Apex\.SyncController\.Detail;\s+\}/,
    );
    assert.doesNotMatch(text, /notSerialized|notExposed|instanceMethodIsNotCallable/);
    assert.deepEqual(generated.warnings, [
      "SyncController.SyncResult.raw: System.HttpResponse is not a primitive, an SObject or a package class; typed unknown",
    ]);
  });

  it("lets a component call and wire existing methods", async () => {
    assert.deepEqual(await errorsIn("callsApex.ts"), []);
    assert.equal((await consumers).status, 2, "the other consumers are meant to fail");
  });

  it("fails the type-check for a method that does not exist", async () => {
    assert.match(
      (await errorsIn("callsMissingMethod.ts")).join("\n"),
      /error TS2307: Cannot find module '@salesforce\/apex\/SyncController\.deleteEverything'/,
    );
  });

  it("fails the type-check for a misspelt parameter", async () => {
    assert.match(
      (await errorsIn("callsWithWrongParams.ts")).join("\n"),
      /error TS2561: Object literal may only specify known properties, but 'recordID' does not exist/,
    );
  });

  it("emits a valid file when no class has an @AuraEnabled method", async () => {
    assert.doesNotMatch(generateApexTypes([], "tandem").text, /^declare module/m);
    const { status, output } = await emptyRun;
    assert.equal(status, 0, output);
  });

  it("reports an Apex syntax error instead of silently dropping the class", () => {
    const broken = join(dir, "Broken.cls");
    writeFileSync(broken, "public class Broken { @AuraEnabled public static String go( { } }");
    const result = generateApexTypes([broken], "tandem");
    assert.equal(result.errors.length > 0, true);
    assert.match(result.errors[0] ?? "", /Broken\.cls:1:\d+/);
  });
});
