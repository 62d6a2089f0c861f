/**
 * The interpreter's state for one worker: the type registry, native library, the current transaction
 * (statics, limits, data, async queue) and the Apex call stack. Evaluation lives in eval.ts / exec.ts /
 * invoke.ts as functions over this object.
 */
import type { CompilationUnit } from "../frontend/ast";
import { ApexThrow, InternalError } from "./errors";
import { Frame } from "./frame";
import type { Natives } from "./natives";
import type { Registry } from "./registry";
import { ClassInfo } from "./types";
import { ApexObject, type Value } from "./values";
import type { Transaction } from "./transaction";
import type { DataRuntime } from "../data/runtime";

export interface RuntimeOptions {
  /** Mutation switch for the self-check: String == becomes case-sensitive. */
  caseSensitiveStringEquals: boolean;
  /** True when running outside an Apex test (a local preview): callouts go to local HTTP servers. */
  outsideTests?: boolean;
  /** Named Credential → local base URL; when absent, read from the environment and callouts.json. */
  namedCredentials?: Record<string, string>;
}

export const MAX_STACK_DEPTH = 1000;

export class Interpreter {
  readonly frames: Frame[] = [];
  /** file → covered lines */
  coverage = new Map<string, Set<number>>();
  readonly debugLog: string[] = [];

  constructor(
    readonly reg: Registry,
    readonly natives: Natives,
    readonly data: DataRuntime,
    public tx: Transaction,
    readonly options: RuntimeOptions,
  ) {}

  get frame(): Frame {
    return this.frames[this.frames.length - 1];
  }

  coveredSet(unit: CompilationUnit | null): Set<number> | null {
    if (!unit) return null;
    let s = this.coverage.get(unit.file);
    if (!s) this.coverage.set(unit.file, (s = new Set()));
    return s;
  }

  pushFrame(f: Frame): void {
    if (this.frames.length >= MAX_STACK_DEPTH) {
      this.throwApex("LimitException", `Maximum stack depth reached: ${this.frames.length + 1}`);
    }
    this.frames.push(f);
  }

  popFrame(): void {
    this.frames.pop();
  }

  stackTrace(): string {
    const lines: string[] = [];
    for (let i = this.frames.length - 1; i >= 0; i--) lines.push(this.frames[i].describe());
    return lines.join("\n");
  }

  exceptionClass(name: string): ClassInfo {
    const t = this.reg.types.get(name.toLowerCase());
    if (!(t instanceof ClassInfo)) throw new InternalError(`no exception type ${name}`);
    return t;
  }

  /** Creates a built-in exception object with message, stack trace and line captured now. */
  newException(name: string, message: string | null, cause: ApexObject | null = null): ApexObject {
    const ex = new ApexObject(this.exceptionClass(name));
    this.initException(ex, message, cause);
    return ex;
  }

  initException(ex: ApexObject, message: string | null, cause: ApexObject | null): void {
    ex.native.message = message;
    ex.native.cause = cause;
    ex.native.stack = this.stackTrace();
    ex.native.line = this.frames.length ? this.frame.line : 0;
  }

  throwApex(name: string, message: string | null): never {
    throw new ApexThrow(this.newException(name, message));
  }

  /** Bound form of throwApex for helpers that only need to fail. */
  readonly fail = (name: string, message: string): never => this.throwApex(name, message);

  npe(): never {
    return this.throwApex("NullPointerException", "Attempt to de-reference a null object");
  }

  debug(level: string, text: string): void {
    this.debugLog.push(`${level}|${text}`);
    if (process.env.APEX_DEBUG) process.stderr.write(`[${level}] ${text}\n`);
  }

  checkNotNull<T extends Value>(v: T | null): T {
    if (v === null) this.npe();
    return v;
  }
}
