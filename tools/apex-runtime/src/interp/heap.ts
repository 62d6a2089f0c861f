/**
 * Approximate Apex heap (Apex Developer Guide, "Execution Governors and Limits": total heap size 6 MB
 * synchronous, 12 MB asynchronous). The platform's exact accounting is not documented, so the live heap is
 * approximated by walking every value reachable from static variables and the local variables, `this` and
 * return values of the active frames, counting each object once:
 *   String: 1 byte per character (+ 0); Integer, Boolean, null: 4; Long, Double, Date, Datetime, Time: 8;
 *   Decimal: 16; Id: 18; Blob: its byte length; List/Set/Map: 4 + their elements (keys and values);
 *   SObject and Apex objects: 8 + their field values; enum values and other natives: 4.
 * The limit is checked every 256 statements or more (16 × the values visited by the last walk, so a
 * walk costs at most one value visit per 16 statements), at the next statement after a String of 64 KB or more is built, and by
 * Limits.getHeapSize(); past the limit the running code fails with an
 * uncatchable `LimitException: Apex heap size too large: <bytes>`.
 */
import type { Interpreter } from "./interpreter";
import * as decimalModule from "./decimal";
import * as values from "./values";
import type { Value } from "./values";

// tsx runs this as CommonJS, where every use of an imported name calls esbuild's re-export getter (one
// shared `from[key]` closure, megamorphic): the hot paths read their imports once, as module constants.
const { ApexDate, ApexDatetime, ApexDouble, ApexId, ApexList, ApexMap, ApexObject, ApexSet, ApexTime, Blob, SObject } =
  values;
const { Decimal } = decimalModule;

export const HEAP_LIMIT_SYNC = 6_000_000;
export const HEAP_LIMIT_ASYNC = 12_000_000;
const MIN_INTERVAL = 256;
/** Statements between walks per value visited by the last walk: at 4, walks took ~8% of bulk tests. */
const INTERVAL_PER_VALUE = 16;

export function heapLimit(ip: Interpreter): number {
  return ip.tx.runningQueueable ? HEAP_LIMIT_ASYNC : HEAP_LIMIT_SYNC;
}

function sizeOf(root: Value, seen: Set<object>, counter: { nodes: number }): number {
  let total = 0;
  const stack: Value[] = [root];
  while (stack.length) {
    const v = stack.pop()!;
    counter.nodes++;
    if (v === null || typeof v === "boolean" || typeof v === "number") total += 4;
    else if (typeof v === "string") total += v.length;
    else if (typeof v === "bigint") total += 8;
    else if (typeof v !== "object") total += 4;
    else {
      // one hash operation instead of has() then add()
      const known = seen.size;
      seen.add(v);
      if (seen.size === known) continue;
      if (v instanceof ApexId) total += 18;
      else if (v instanceof Decimal) total += 16;
      else if (v instanceof ApexDouble || v instanceof ApexDate || v instanceof ApexDatetime || v instanceof ApexTime)
        total += 8;
      else if (v instanceof Blob) total += v.bytes.length;
      else if (v instanceof ApexList) {
        total += 4;
        for (const x of v.items) stack.push(x);
      } else if (v instanceof ApexSet) {
        total += 4;
        for (const x of v.map.values()) stack.push(x);
      } else if (v instanceof ApexMap) {
        total += 4;
        for (const e of v.map.values()) stack.push(e.key, e.value);
      } else if (v instanceof SObject) {
        total += 8;
        for (const x of v.fields.values()) stack.push(x);
        for (const x of v.related.values()) stack.push(x);
      } else if (v instanceof ApexObject) {
        total += 8;
        for (const x of v.fields.values()) stack.push(x);
      } else total += 4;
    }
  }
  return total;
}

/** The approximate live heap in bytes, and how many values the walk visited. */
export function measureHeap(ip: Interpreter): { bytes: number; nodes: number } {
  const seen = new Set<object>();
  const counter = { nodes: 0 };
  let bytes = 0;
  for (const vars of ip.tx.statics.values()) for (const v of vars.values()) bytes += sizeOf(v, seen, counter);
  for (const f of ip.frames) {
    for (const v of f.visible().values()) bytes += sizeOf(v.v, seen, counter);
    if (f.self) bytes += sizeOf(f.self, seen, counter);
    bytes += sizeOf(f.returnValue, seen, counter);
  }
  return { bytes, nodes: counter.nodes };
}

/** Measures the heap and throws LimitException past the limit; returns the size. */
export function checkHeap(ip: Interpreter): number {
  const { bytes, nodes } = measureHeap(ip);
  ip.tx.heapCheckAt = ip.tx.statements + Math.max(MIN_INTERVAL, nodes * INTERVAL_PER_VALUE);
  if (bytes > heapLimit(ip)) ip.throwApex("LimitException", `Apex heap size too large: ${bytes}`);
  return bytes;
}

/** A String of 64 KB or more was just built: measure the heap at the next statement. */
export function noteString(ip: Interpreter, text: string): string {
  if (text.length >= 65536) ip.tx.heapCheckAt = 0;
  return text;
}

/** Called once per executed statement: counts it and checks the heap when the interval is reached. */
export function tickHeap(ip: Interpreter): void {
  if (++ip.tx.statements >= ip.tx.heapCheckAt) checkHeap(ip);
}
