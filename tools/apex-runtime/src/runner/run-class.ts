/**
 * Runs the test methods of one class, each in its own transaction: statics reset, the store restored
 * to what @TestSetup left (or freshly seeded), limits zeroed. Failures carry the Apex stack trace.
 */
import { asText } from "../interp/text";
import type { MethodDecl } from "../frontend/ast";
import { ApexThrow, UnsupportedError } from "../interp/errors";
import { Interpreter, type RuntimeOptions } from "../interp/interpreter";
import { construct, invokeMethod } from "../interp/invoke";
import type { Natives } from "../interp/natives";
import { exceptionTypeName } from "../interp/stringify";
import { Transaction } from "../interp/transaction";
import type { ClassInfo } from "../interp/types";
import type { Store } from "../data/store";
import { runPendingAsync } from "../lib/async";
import { setupMethods, testMethods, type Project } from "./project";

export interface TestResult {
  className: string;
  method: string;
  passed: boolean;
  ms: number;
  message?: string;
  stack?: string;
}

function describeError(err: unknown): { message: string; stack?: string } {
  if (err instanceof ApexThrow) {
    const ex = err.value;
    const msg = (ex.native.message as string | null) ?? "";
    return { message: `${exceptionTypeName(ex)}: ${msg}`, stack: asText(ex.native.stack ?? "") };
  }
  if (err instanceof UnsupportedError) return { message: err.message };
  if (err instanceof Error)
    return {
      message: `runtime error: ${err.message}`,
      stack: process.env.APEX_RUNTIME_JS_STACK ? err.stack : undefined,
    };
  return { message: `runtime error: ${String(err)}` };
}

function findMethod(cls: ClassInfo, name: string): MethodDecl {
  return cls.decl.methods.find((m) => m.name === name)!;
}

export class ClassRunner {
  constructor(
    private readonly project: Project,
    private readonly natives: Natives,
    private readonly options: RuntimeOptions,
    readonly coverage: Map<string, Set<number>>,
  ) {}

  private interpreter(): Interpreter {
    const ip = new Interpreter(this.project.reg, this.natives, this.project.data, new Transaction(), this.options);
    // share one coverage map across every test of the worker
    ip.coverage = this.coverage;
    return ip;
  }

  private call(ip: Interpreter, cls: ClassInfo, m: MethodDecl): void {
    const self = m.mods.isStatic ? null : construct(ip, cls, [], m.line);
    invokeMethod(ip, cls, m, self, []);
    runPendingAsync(ip, "end");
  }

  run(cls: ClassInfo, only: string[] | null): TestResult[] {
    const results: TestResult[] = [];
    const data = this.project.data;
    data.seed();
    let setupStore: Store | null = null;
    let setupError: { message: string; stack?: string } | null = null;
    const unsupported = this.project.problems.filter((p) => p.file === cls.file && p.message.startsWith("unsupported"));
    for (const name of setupMethods(cls)) {
      const ip = this.interpreter();
      try {
        this.call(ip, cls, findMethod(cls, name));
      } catch (err) {
        setupError = describeError(err);
      }
    }
    setupStore = data.store.snapshot();
    const names = testMethods(cls).filter((n) => !only || only.some((o) => o.toLowerCase() === n.toLowerCase()));
    for (const name of names) {
      const start = performance.now();
      if (unsupported.length) {
        results.push({
          className: cls.name,
          method: name,
          passed: false,
          ms: 0,
          message: unsupported.map((u) => u.message).join("\n"),
        });
        continue;
      }
      if (setupError) {
        results.push({
          className: cls.name,
          method: name,
          passed: false,
          ms: 0,
          message: `@TestSetup failed: ${setupError.message}`,
          stack: setupError.stack,
        });
        continue;
      }
      data.store.restore(setupStore);
      const ip = this.interpreter();
      try {
        this.call(ip, cls, findMethod(cls, name));
        results.push({ className: cls.name, method: name, passed: true, ms: performance.now() - start });
      } catch (err) {
        results.push({
          className: cls.name,
          method: name,
          passed: false,
          ms: performance.now() - start,
          ...describeError(err),
        });
      }
    }
    return results;
  }
}
