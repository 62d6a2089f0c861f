import { test } from "node:test";
import assert from "node:assert/strict";
import { harness } from "./harness";

test("operators follow Apex semantics", () => {
  const h = harness([]);
  const cases: [string, string][] = [
    ["'abc' == 'ABC'", "true"],
    ["'abc'.equals('ABC')", "false"],
    ["'a' + null", "anull"],
    ["2147483647 + 1", "-2147483648"],
    ["9223372036854775807L + 1", "-9223372036854775808"],
    ["-2147483647 - 1", "-2147483648"],
    ["7 / 2", "3"],
    ["1.10 + 2.205", "3.305"],
    ["3 + 1.5", "4.5"],
    ["1.0 == 1", "true"],
    ["(Id) '001000000000001' == '001000000000001AAA'", "true"],
    ["new List<Integer>{1, 2} == new List<Integer>{1, 2}", "true"],
    ["new Map<String, Integer>{'a' => 1}.containsKey('A')", "false"],
    ["new Set<String>{'a', 'A'}.size()", "2"],
    ["String.valueOf(null)", "null"],
    ["Math.max(2, 5)", "5"],
    ["JSON.serialize(new Map<String, Object>{'a' => 1.50})", '{"a":1.50}'],
  ];
  for (const [expr, want] of cases) assert.equal(h.show(expr), want, expr);
});

test("the mutation switch makes String == case-sensitive", () => {
  const h = harness([], { caseSensitiveStringEquals: true });
  assert.equal(h.show("'abc' == 'ABC'"), "false");
});

test("classes: inheritance, statics, properties and initialisation order", () => {
  const h = harness([
    `public class Order {
       public static List<String> log = new List<String>();
       static { log.add('static'); }
       public String name { get; set { name = value.toUpperCase(); } }
       public Integer doubled { get { return size * 2; } }
       public Integer size = 2;
       { log.add('instance ' + size); }
       public Order() { log.add('ctor'); }
       public static String run() {
         Order o = new Order();
         o.name = 'x';
         return String.join(log, ',') + '|' + o.name + '|' + o.doubled;
       }
     }`,
    `public abstract class Base {
       public abstract String kind();
       public virtual String describe() { return 'I am ' + kind(); }
     }`,
    `public class Child extends Base {
       public override String kind() { return 'child'; }
       public override String describe() { return super.describe() + '!'; }
       public static String run() { Base b = new Child(); return b.describe(); }
     }`,
  ]);
  assert.equal(h.call("Order", "run"), "static,instance 2,ctor|X|4");
  assert.equal(h.call("Child", "run"), "I am child!");
});

test("an abstract class calls an interface method that only its subclass implements", () => {
  const h = harness([
    `public interface Named { String name(); }`,
    `public abstract class Greeter implements Named {
       public String greet() { return 'Hello, ' + name(); }
     }`,
    `public class World extends Greeter {
       public String name() { return 'world'; }
       public static String run() { return new World().greet(); }
     }`,
  ]);
  assert.equal(h.call("World", "run"), "Hello, world");
});

test("exceptions carry type, message and are caught by supertype", () => {
  const h = harness([
    `public class Ex {
       public class MyException extends Exception {}
       public static String run() {
         try { throw new MyException('boom'); }
         catch (Exception e) { return e.getTypeName() + ':' + e.getMessage(); }
       }
       public static String npe() {
         String s;
         try { return s.length() + ''; } catch (NullPointerException e) { return 'npe'; }
       }
     }`,
  ]);
  assert.equal(h.call("Ex", "run"), "Ex.MyException:boom");
  assert.equal(h.call("Ex", "npe"), "npe");
});
