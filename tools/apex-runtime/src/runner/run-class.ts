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

/** What a class's @TestSetup left: the store every test method starts from, or the error it failed with. */
interface ClassSetup {
  store: Store;
  adminUserId: string;
  error: { message: string; stack?: string } | null;
}

export class ClassRunner {
  /** @TestSetup results by class, kept for the runner's lifetime when `keepSetups` (a worker runs methods of a
   * class in any order, interleaved with other classes); otherwise dropped after run(). */
  private readonly setups = new Map<ClassInfo, ClassSetup>();

  constructor(
    private readonly project: Project,
    private readonly natives: Natives,
    private readonly options: RuntimeOptions,
    readonly coverage: Map<string, Set<number>>,
    private readonly keepSetups = false,
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

  /** Seeds a fresh store and runs the class's @TestSetup methods once; later calls return the same result. */
  setup(cls: ClassInfo): ClassSetup {
    const known = this.setups.get(cls);
    if (known) return known;
    const data = this.project.data;
    data.seed();
    let error: ClassSetup["error"] = null;
    for (const name of setupMethods(cls)) {
      const ip = this.interpreter();
      try {
        this.call(ip, cls, findMethod(cls, name));
      } catch (err) {
        error = describeError(err);
      }
    }
    const done: ClassSetup = { store: data.store.snapshot(), adminUserId: data.adminUserId, error };
    this.setups.set(cls, done);
    return done;
  }

  /** Runs one test method in its own transaction, starting from the class's @TestSetup data. */
  runMethod(cls: ClassInfo, name: string): TestResult {
    const setup = this.setup(cls);
    const start = performance.now();
    // an unsupported construct fails its own class; a compile error anywhere fails every test, as the org
    // would refuse to deploy the code
    const unsupported = this.project.problems.filter(
      (p) => (p.file === cls.file && p.message.startsWith("unsupported")) || p.message.startsWith("compile error"),
    );
    if (unsupported.length)
      return {
        className: cls.name,
        method: name,
        passed: false,
        ms: 0,
        message: unsupported.map((u) => u.message).join("\n"),
      };
    if (setup.error)
      return {
        className: cls.name,
        method: name,
        passed: false,
        ms: 0,
        message: `@TestSetup failed: ${setup.error.message}`,
        stack: setup.error.stack,
      };
    const data = this.project.data;
    data.store.restore(setup.store);
    // per-test state outside the store starts empty, as on the platform, so a method's outcome never depends
    // on which methods ran before it in this process
    data.adminUserId = setup.adminUserId;
    data.sentEmails = [];
    data.restContext = { request: null, response: null };
    data.recordErrors = new WeakMap();
    const ip = this.interpreter();
    try {
      this.call(ip, cls, findMethod(cls, name));
      return { className: cls.name, method: name, passed: true, ms: performance.now() - start };
    } catch (err) {
      return { className: cls.name, method: name, passed: false, ms: performance.now() - start, ...describeError(err) };
    }
  }

  /** Runs the class's test methods (all, or those named in `only`) in declaration order. */
  run(cls: ClassInfo, only: string[] | null): TestResult[] {
    this.setup(cls);
    const results = selectedMethods(cls, only).map((name) => this.runMethod(cls, name));
    if (!this.keepSetups) this.setups.delete(cls);
    return results;
  }
}

/** The test methods of cls that the filter selects, in declaration order. */
export function selectedMethods(cls: ClassInfo, only: string[] | null): string[] {
  return testMethods(cls).filter((n) => !only || only.some((o) => o.toLowerCase() === n.toLowerCase()));
}
