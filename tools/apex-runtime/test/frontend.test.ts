import { test } from "node:test";
import assert from "node:assert/strict";
import { parseSource, parseQuery } from "../src/frontend/parse";

function unit(src: string) {
  return parseSource("T.cls", src, "h");
}

test("classes convert to the typed AST", () => {
  const u = unit(`public virtual class A extends B implements C, D {
    public static final Integer X = 1;
    public String name { get; private set; }
    public A(Integer i) { this(); }
    public A() { super(); }
    public virtual Integer f(List<String> xs) { return xs.size(); }
    public enum Color { RED, GREEN }
    public class Inner {}
  }`);
  assert.deepEqual(u.syntaxErrors, []);
  const t = u.type!;
  assert.equal(t.name, "A");
  assert.deepEqual(t.extendsType?.names, ["B"]);
  assert.equal(t.implementsTypes.length, 2);
  assert.equal(t.fields[0].mods.isStatic, true);
  assert.equal(t.properties[0].setter?.mods.access, "private");
  assert.equal(t.ctors.length, 2);
  assert.deepEqual(t.methods[0].params[0].type, { names: ["List"], args: [{ names: ["String"], args: [] }] });
  assert.deepEqual(
    t.inner.map((i) => i.kind),
    ["enum", "class"],
  );
});

test("unsupported constructs are reported with their line", () => {
  const cases: [string, string][] = [
    ["public class T { void f() { List<List<SObject>> r = [FIND 'x' IN ALL FIELDS RETURNING Account]; } }", "SOSL"],
    ["public class T { void f(Account a, Account b) {\n merge a b; } }", "merge statement"],
  ];
  for (const [src, feature] of cases) {
    const u = unit(src);
    assert.equal(u.unsupported[0]?.feature, feature, src);
  }
});

test("SOQL converts with binds, order and limits", () => {
  const r = parseQuery(
    "SELECT Id, Account.Name, (SELECT Id FROM Contacts) FROM Account WHERE Name LIKE :p AND (Industry = null OR Rating NOT IN ('Hot')) ORDER BY Name DESC NULLS LAST LIMIT 5 OFFSET 2",
  );
  assert.deepEqual(r.errors, []);
  const q = r.query;
  assert.equal(q.from, "Account");
  assert.equal(q.select.length, 3);
  assert.equal(q.where?.k, "and");
  assert.equal(q.orderBy[0].desc, true);
  assert.equal(q.orderBy[0].nullsFirst, false);
  assert.deepEqual(q.limit, { k: "number", text: "5" });
});

test("executable lines are the statements", () => {
  const u = unit(
    "public class T {\n  public Integer f() {\n    Integer a = 1;\n    if (a > 0) {\n      a++;\n    }\n    return a;\n  }\n}",
  );
  assert.deepEqual(u.executableLines, [3, 4, 5, 7]);
});
