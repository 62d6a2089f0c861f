/**
 * The evaluator compiles each AST node once and caches name resolution per class and per transaction
 * (eval.ts, exec.ts, frame.ts): these cases pin the behaviour those caches must keep — scoping of locals,
 * statics per transaction, inheritance, a superclass initialiser touching a subclass's statics.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { Transaction } from "../src/interp/transaction";
import { harness } from "./harness";

test("block scopes: a local hides a field only where it is declared", () => {
  const h = harness([
    `public class Scopes {
       static String name = 'field';
       public static String run() {
         List<String> seen = new List<String>();
         seen.add(name);
         if (true) {
           String name = 'block';
           seen.add(name);
         }
         seen.add(name);
         for (Integer i = 0; i < 2; i++) {
           String name = 'loop' + i;
           seen.add(name);
         }
         seen.add(name);
         try {
           String name = 'try';
           seen.add(name);
           throw new IllegalArgumentException('x');
         } catch (Exception e) {
           seen.add(name);
         } finally {
           seen.add(name);
         }
         switch on 1 {
           when 1 {
             String name = 'when';
             seen.add(name);
           }
         }
         seen.add(name);
         return String.join(seen, ',');
       }
     }`,
  ]);
  assert.equal(h.show("Scopes.run()"), "field,block,field,loop0,loop1,field,try,field,field,when,field");
});

test("a catch variable is gone after its handler, in finally and after the try", () => {
  const h = harness([
    `public class CatchScope {
       static String e = 'field';
       public static String run() {
         List<String> seen = new List<String>();
         try {
           throw new IllegalArgumentException('first');
         } catch (IllegalArgumentException e) {
           seen.add(e.getMessage());
         } finally {
           seen.add(e);
         }
         seen.add(e);
         return String.join(seen, ',');
       }
     }`,
  ]);
  assert.equal(h.show("CatchScope.run()"), "first,field,field");
});

test("statics are read per transaction, through bare names and Class.FIELD", () => {
  const h = harness([
    `public class Counter {
       public static Integer count = 0;
       public static Integer bump() { count = count + 1; return count; }
       public static Integer read() { return Counter.count; }
     }`,
  ]);
  assert.equal(h.show("Counter.bump() + Counter.bump()"), "3");
  assert.equal(h.show("Counter.read()"), "2");
  h.ip.tx = new Transaction();
  assert.equal(h.show("Counter.read()"), "0");
  assert.equal(h.show("Counter.bump()"), "1");
});

test("inherited fields, outer statics and overriding members resolve per class", () => {
  const h = harness([
    `public virtual class Base {
       public static String kind = 'base';
       protected String label = 'base label';
       public virtual String describe() { return kind + '/' + label; }
     }`,
    `public class Derived extends Base {
       public Derived() { label = 'derived label'; }
       public override String describe() { return 'derived:' + super.describe() + '/' + kind; }
     }`,
    `public class Outer {
       static String shared = 'outer static';
       public class Inner {
         public String read() { return shared; }
       }
       public static String run() {
         return new Base().describe() + '|' + new Derived().describe() + '|' + new Inner().read();
       }
     }`,
  ]);
  assert.equal(h.show("Outer.run()"), "base/base label|derived:base/derived label/base|outer static");
});

test("a superclass's static initialiser may read its subclass's statics", () => {
  const h = harness([
    `public virtual class Parent {
       public static String seen = Child.value;
     }`,
    `public class Child extends Parent {
       public static String value = 'set';
       public static String run() { return Parent.seen + '/' + value + '/' + Child.value; }
     }`,
  ]);
  assert.equal(h.show("Child.run()"), "null/set/set");
});

test("safe navigation yields null for the whole chain, plain navigation throws", () => {
  const h = harness([
    `public class Nav {
       public Nav next;
       public String name = 'n';
       public static String run() {
         Nav a = new Nav();
         String s = a.next?.next.name;
         Integer n = a.next?.name.length();
         try {
           String t = a.next.name;
           return 'no exception';
         } catch (NullPointerException e) {
           return s + '/' + n;
         }
       }
     }`,
  ]);
  assert.equal(h.show("Nav.run()"), "null/null");
});
