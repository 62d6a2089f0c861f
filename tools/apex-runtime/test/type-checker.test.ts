/**
 * The load-time type checker (src/check): compile errors and unsupported library members are reported
 * with file and line before anything runs, overloads are chosen from static types, and the package and
 * the conformance suite load without a single problem.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkProject, type CheckStats } from "../src/check/index";
import { hashSource } from "../src/frontend/cache";
import { parseSource } from "../src/frontend/parse";
import { DataRuntime } from "../src/data/runtime";
import { Interpreter } from "../src/interp/interpreter";
import { invokeMethod } from "../src/interp/invoke";
import { Registry } from "../src/interp/registry";
import { Transaction } from "../src/interp/transaction";
import type { ClassInfo } from "../src/interp/types";
import type { Value } from "../src/interp/values";
import { buildNatives } from "../src/lib/index";
import { consoleReport } from "../src/runner/report";
import { loadProject } from "../src/runner/project";
import { rootDir, runSession } from "../src/runner/session";

interface Loaded {
  problems: string[];
  stats: CheckStats;
  call(cls: string, method: string): Value;
}

/** Loads classes (file name → source) as the runner does, type checker included. */
function load(files: Record<string, string>): Loaded {
  const reg = new Registry();
  const data = new DataRuntime();
  for (const o of data.schema.objects.values()) reg.addSObject(o.name);
  reg.addSObject("AggregateResult");
  const units = Object.entries(files).map(([file, src]) => {
    const unit = parseSource(file, src, hashSource(src));
    if (unit.syntaxErrors.length) throw new Error(unit.syntaxErrors.join("\n"));
    if (unit.trigger) data.addTrigger(unit);
    else reg.addUnit(unit);
    return unit;
  });
  reg.link();
  const natives = buildNatives();
  const { problems, stats } = checkProject(reg, data.schema, natives, units);
  data.seed();
  const ip = new Interpreter(reg, natives, data, new Transaction(), { caseSensitiveStringEquals: false });
  return {
    problems: problems.map((p) => p.message),
    stats,
    call: (cls, method) => {
      const c = reg.types.get(cls.toLowerCase()) as ClassInfo;
      const m = c.decl.methods.find((x) => x.name.toLowerCase() === method.toLowerCase())!;
      return invokeMethod(ip, c, m, null, []);
    },
  };
}

/** A class Bad whose method run() has `body` on its line 3. */
function bad(body: string, members = ""): Record<string, string> {
  return {
    "Bad.cls": `public class Bad {\n  public static void run() {\n    ${body}\n  }\n${members}\n}`,
    "Other.cls": `public class Other {\n  public Integer n;\n  public void act() {}\n  public Integer twice(Integer i) { return i * 2; }\n}`,
  };
}

test("compile errors and unsupported members are reported with file and line", () => {
  const cases: [string, Record<string, string>, string][] = [
    [
      "unknown variable",
      bad("Integer x = missing + 1;"),
      "compile error: Variable does not exist: missing at Bad.cls:3",
    ],
    [
      "unknown type",
      bad("Widget w = null;"),
      "compile error: Invalid type: Widget (neither a type of the project nor one the runtime implements) at Bad.cls:3",
    ],
    [
      "unknown type argument",
      bad("List<Widget> ws = null;"),
      "compile error: Invalid type: Widget (neither a type of the project nor one the runtime implements) at Bad.cls:3",
    ],
    [
      "method missing on a user class",
      bad("new Other().fly();"),
      "compile error: Method does not exist or incorrect signature: Other.fly(0 args) at Bad.cls:3",
    ],
    [
      "no overload of that arity",
      bad("Integer x = new Other().twice(1, 2);"),
      "compile error: Method does not exist or incorrect signature: Other.twice(2 args) at Bad.cls:3",
    ],
    [
      "unqualified call to nothing",
      bad("helper(1);"),
      "compile error: Method does not exist or incorrect signature: helper(1 args) at Bad.cls:3",
    ],
    [
      "unknown field on a user class",
      bad("Integer x = new Other().m;"),
      "compile error: Variable does not exist: m on Other at Bad.cls:3",
    ],
    [
      "unknown field on a known SObject",
      bad("Account a = new Account(); String s = a.Nickname__c;"),
      "compile error: Invalid field Nickname__c for Account at Bad.cls:3",
    ],
    [
      "unknown field in an SObject constructor",
      bad("Account a = new Account(Nickname__c = 'x');"),
      "compile error: Invalid field Nickname__c for Account at Bad.cls:3",
    ],
    [
      "unknown field token",
      bad("Object f = Account.Nickname__c;"),
      "compile error: Invalid field Nickname__c for Account at Bad.cls:3",
    ],
    [
      "constructor of that arity missing",
      bad("Other o = new Other(1);"),
      "compile error: Constructor not defined: Other(1 args) at Bad.cls:3",
    ],
    [
      "void method used as a value",
      bad("Object o = new Other().act();"),
      "compile error: void method used as a value: act() at Bad.cls:3",
    ],
    [
      "library member not implemented",
      bad("String s = 'x'.frobnicate();"),
      "unsupported: String.frobnicate at Bad.cls:3",
    ],
    [
      "static library member not implemented",
      bad("Object o = Url.getOrgDomainUrl();"),
      "unsupported: Url.getOrgDomainUrl at Bad.cls:3",
    ],
    ["platform type not implemented", bad("System.Widget w = null;"), "unsupported: type System.Widget at Bad.cls:3"],
  ];
  for (const [what, files, want] of cases) assert.deepEqual(load(files).problems, [want], what);
});

test("names resolve as the interpreter resolves them: no false positives", () => {
  const { problems } = load({
    "Names.cls": `public virtual class Names {
      public static final Integer LIMIT_SIZE = 5;
      protected Integer count = 0;
      public String label { get { return label == null ? 'none' : label; } set { label = value.trim(); } }
      public enum Color { RED, GREEN }
      public class Inner {
        public Integer outerStatic() { return LIMIT_SIZE + helper(); }
      }
      static Integer helper() { return 1; }
      public Integer run(List<Account> accounts) {
        Integer total = count;
        for (Account a : accounts) { total += a.Name.length(); }
        for (Integer i = 0; i < LIMIT_SIZE; i++) { total += i; }
        switch on Color.RED { when RED { total++; } when else { total--; } }
        Object o = accounts;
        switch on o { when List<Account> typed { total += typed.size(); } }
        try { insert accounts; } catch (DmlException e) { total += e.getNumDml(); }
        Id owner = [SELECT Id, Owner.Name FROM Account WHERE Id IN :accounts LIMIT 1].OwnerId;
        Integer n = [SELECT COUNT() FROM Account WHERE Name = :label];
        String t = Schema.SObjectType.Account.fields.Name.getLabel() + Account.Name + Account.SObjectType;
        Map<String, Object> m = new Map<String, Object>{ 'a' => Trigger.isExecuting };
        return total + n + Color.values().size() + (m.isEmpty() ? 0 : 1) + new Inner().outerStatic();
      }
    }`,
    "Child.cls": `public class Child extends Names {
      public Child() { super(); count = 2; }
      public Integer more() { return count + run(new List<Account>()) + super.run(null); }
    }`,
  });
  assert.deepEqual(problems, []);
});

test("overloads are chosen from static types, not runtime types", () => {
  const h = load({
    "Pick.cls": `public class Pick {
      public class Holder {
        public Object value;
        public Object getName() { return 'held'; }
      }
      static String f(Object o) { return 'Object'; }
      static String f(String s) { return 'String'; }
      static String g(SObject o) { return 'SObject'; }
      static String g(Account a) { return 'Account'; }
      static String k(Object o) { return 'Object'; }
      static String k(Integer i) { return 'Integer'; }
      static SObject anyRecord() { return new Account(Name = 'x'); }
      public static String methodResult() { return f(new Holder().getName()); }
      public static String sobjectResult() { return g(anyRecord()); }
      public static String fieldRead() { Holder h = new Holder(); h.value = 1; return k(h.value); }
      public static String exact() { return f('x') + g(new Account()) + k(1); }
    }`,
  });
  assert.deepEqual(h.problems, []);
  assert.equal(h.call("Pick", "methodResult"), "Object");
  assert.equal(h.call("Pick", "sobjectResult"), "SObject");
  assert.equal(h.call("Pick", "fieldRead"), "Object");
  assert.equal(h.call("Pick", "exact"), "StringAccountInteger");
  assert.equal(h.stats.runtimeSites.unknownArg + h.stats.runtimeSites.ambiguous, 0);
});

test("virtual dispatch runs the override of the statically chosen method", () => {
  const h = load({
    "Shape.cls": `public virtual class Shape {
      public virtual String describe(Object o) { return 'Shape.Object'; }
      public static String run() { Shape s = new Circle(); return s.describe('x'); }
    }`,
    "Circle.cls": `public class Circle extends Shape {
      public override String describe(Object o) { return 'Circle.Object'; }
      public String describe(String s) { return 'Circle.String'; }
    }`,
  });
  assert.deepEqual(h.problems, []);
  assert.equal(h.call("Shape", "run"), "Circle.Object");
});

test("the package and the conformance suite load with no problems, every overload chosen statically", () => {
  const root = rootDir();
  const project = loadProject({
    root,
    paths: [join(root, "tools", "apex-runtime", "conformance")],
    includePackage: true,
    useCache: true,
  });
  assert.deepEqual(project.problems, []);
  const { unknownArg, ambiguous, noneApplicable } = project.check.runtimeSites;
  assert.equal(unknownArg + ambiguous + noneApplicable, 0, "call sites left to runtime types");
  assert.ok(project.check.resolvedSites > 0);
});

test("a compile error fails every test of the run and is printed before the tests", () => {
  const dir = mkdtempSync(join(tmpdir(), "apex-check-"));
  try {
    writeFileSync(
      join(dir, "Calc.cls"),
      "public class Calc {\n  public static Integer add(Integer a, Integer b) {\n    return a + c;\n  }\n}\n",
    );
    writeFileSync(
      join(dir, "Unrelated_Tests.cls"),
      "@IsTest\nprivate class Unrelated_Tests {\n  @IsTest\n  static void passes() {\n    Assert.areEqual(2, 1 + 1);\n  }\n}\n",
    );
    const result = runSession({
      project: { root: dir, paths: [dir], includePackage: false, useCache: false },
      classes: [],
      share: null,
      options: { caseSensitiveStringEquals: false },
    });
    const error = "compile error: Variable does not exist: c at Calc.cls:3";
    assert.equal(result.results.length, 1);
    assert.equal(result.results[0].passed, false);
    assert.ok(result.results[0].message?.includes(error), result.results[0].message);
    const report = consoleReport(result, [], 0, false).split("\n");
    assert.ok(report.indexOf(error) > 0 && report.indexOf(error) < report.findIndex((l) => l.startsWith("FAIL")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
