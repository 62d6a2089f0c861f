/** Test harness: compile Apex class sources in memory and call a static method. */
import { parseSource } from "../src/frontend/parse";
import { hashSource } from "../src/frontend/cache";
import { DataRuntime } from "../src/data/runtime";
import { Interpreter, type RuntimeOptions } from "../src/interp/interpreter";
import { invokeMethod } from "../src/interp/invoke";
import { Registry } from "../src/interp/registry";
import { Transaction } from "../src/interp/transaction";
import { ClassInfo } from "../src/interp/types";
import type { Value } from "../src/interp/values";
import { buildNatives } from "../src/lib/index";
import { str } from "../src/interp/stringify";

export interface Harness {
  ip: Interpreter;
  call(cls: string, method: string): Value;
  /** Runs `return <expr>;` in a fresh static method and returns String.valueOf of the result. */
  show(expr: string): string;
}

export function harness(
  sources: string[],
  options: RuntimeOptions = { caseSensitiveStringEquals: false },
  /** A folder of custom-object XML (objects/<Name>/...) for tests that need their own objects. */
  objectsDir?: string,
): Harness {
  const reg = new Registry();
  const data = new DataRuntime();
  if (objectsDir) data.schema.loadObjectsDir(objectsDir);
  for (const o of data.schema.objects.values()) reg.addSObject(o.name);
  const all = [...sources];
  for (const src of all) {
    const unit = parseSource("Inline.cls", src, hashSource(src));
    if (unit.syntaxErrors.length) throw new Error(unit.syntaxErrors.join("\n"));
    reg.addUnit(unit);
  }
  reg.link();
  data.seed();
  const ip = new Interpreter(reg, buildNatives(), data, new Transaction(), options);
  const call = (cls: string, method: string): Value => {
    const c = reg.types.get(cls.toLowerCase()) as ClassInfo;
    const m = c.decl.methods.find((x) => x.name.toLowerCase() === method.toLowerCase());
    if (!m) throw new Error(`no method ${method}`);
    return invokeMethod(ip, c, m, null, []);
  };
  let n = 0;
  const show = (expr: string): string => {
    const name = `Expr${n++}`;
    const unit = parseSource(
      `${name}.cls`,
      `public class ${name} { public static Object run() { return ${expr}; } }`,
      String(n),
    );
    if (unit.syntaxErrors.length) throw new Error(unit.syntaxErrors.join("\n"));
    reg.addUnit(unit);
    reg.link();
    return str(ip, call(name, "run"));
  };
  return { ip, call, show };
}
