/** JS-level carriers for Apex control flow that crosses frames: thrown Apex exceptions and runtime faults. */
import type { ApexObject } from "./values";

/** An Apex exception in flight. `value` is the Apex exception object. */
export class ApexThrow extends Error {
  constructor(readonly value: ApexObject) {
    super("Apex exception");
  }
}

/**
 * A construct outside the runtime's declared subset (SUBSET.md). Never catchable from Apex: the test fails
 * with `unsupported: <feature> at <file>:<line>`.
 */
export class UnsupportedError extends Error {
  constructor(
    readonly feature: string,
    readonly file: string,
    readonly line: number,
  ) {
    super(`unsupported: ${feature} at ${file}:${line}`);
  }
}

/** A bug or impossible state inside the runtime itself (not an Apex exception). */
export class InternalError extends Error {}
