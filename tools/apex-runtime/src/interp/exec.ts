/**
 * Statement execution: blocks, loops, switch on, try/catch/finally, DML statements, System.runAs.
 * Statements are compiled once into closures (see eval.ts). Block scopes are marks on the frame's variable
 * stack (frame.ts): a block sets `n` back when it completes; when an exception leaves blocks, the `catch` that
 * handles it sets `n` back to its own mark, so the handler never sees the variables of the aborted blocks.
 */
import * as heap from "./heap";
import type { Stmt, WhenLiteral } from "../frontend/ast";
import * as collections from "./collections";
import { ApexThrow, InternalError, UnsupportedError } from "./errors";
import * as evalModule from "./eval";
import type { EvalFn } from "./eval";
import * as frame from "./frame";
import type { Completion, Frame } from "./frame";
import type { Interpreter } from "./interpreter";
import * as invoke from "./invoke";
import * as ops from "./ops";
import * as runtimeTypes from "./runtime-types";
import * as values from "./values";
import type { Value } from "./values";

// tsx runs this as CommonJS, where every use of an imported name calls esbuild's re-export getter (one
// shared `from[key]` closure, megamorphic): the hot paths read their imports once, as module constants.
const { tickHeap } = heap;
const { iterate } = collections;
const { assignTo, compileAll, compileExpr, evalArgs, lower, typeOf } = evalModule;
const { BREAK, CONTINUE, RETURN } = frame;
const { resolveType } = invoke;
const { equals } = ops;
const { coerce, instanceOf } = runtimeTypes;
const { ApexObject, EnumValue, SObject } = values;

export type StmtFn = (ip: Interpreter, f: Frame) => Completion;

const stmtFns = new WeakMap<Stmt, StmtFn>();
const bodyFns = new WeakMap<Stmt, StmtFn>();

export function compileStmt(s: Stmt): StmtFn {
  let fn = stmtFns.get(s);
  if (fn === undefined) stmtFns.set(s, (fn = withPrologue(s, buildStmt(s))));
  return fn;
}

export function execStmt(ip: Interpreter, s: Stmt, f: Frame): Completion {
  return compileStmt(s)(ip, f);
}

/** Runs a block's statements in the current scope (method bodies already have their parameter scope). */
export function execBlockBody(ip: Interpreter, s: Stmt, f: Frame): Completion {
  return compileBody(s)(ip, f);
}

/** The compiled form of execBlockBody(s). */
export function compileBody(s: Stmt): StmtFn {
  let fn = bodyFns.get(s);
  if (fn === undefined) {
    if (s.k !== "block") fn = compileStmt(s);
    else {
      const body = s.body.map(compileStmt);
      fn = (ip2, f2) => {
        for (const st of body) {
          const c = st(ip2, f2);
          if (c !== undefined) return c;
        }
        return undefined;
      };
    }
    bodyFns.set(s, fn);
  }
  return fn;
}

/** Every statement records its line (stack traces, coverage) and counts towards the heap check. */
function withPrologue(s: Stmt, run: StmtFn): StmtFn {
  const line = s.line;
  // the coverage set this statement was last added to: adding again would change nothing
  let covered: Set<number> | null = null;
  return (ip, f) => {
    f.line = line;
    const cov = f.covered;
    if (cov !== null && cov !== covered) {
      cov.add(line);
      covered = cov;
    }
    tickHeap(ip);
    return run(ip, f);
  };
}

function truthy(ip: Interpreter, v: Value): boolean {
  if (v === null) ip.npe();
  return v === true;
}

function whenMatcher(lit: WhenLiteral): (v: Value) => boolean {
  switch (lit.k) {
    case "null":
      return (v) => v === null;
    case "string": {
      const text = lit.text;
      return (v) => v === text; // switch on String is case-sensitive
    }
    case "int": {
      const n = lit.negative ? "-" + lit.text : lit.text;
      const num = Number(n);
      let big: bigint | null = null;
      return (v) => {
        if (v === null) return false;
        if (typeof v === "bigint") return v === (big ??= BigInt(n));
        return v === num;
      };
    }
    case "enum": {
      const name = lit.names[lit.names.length - 1].toLowerCase();
      return (v) => v instanceof EnumValue && lower(v.name) === name;
    }
  }
}

function optional(s: Stmt | null): StmtFn | null {
  return s ? compileStmt(s) : null;
}

function buildStmt(s: Stmt): StmtFn {
  switch (s.k) {
    case "block": {
      const body = s.body.map(compileStmt);
      return (ip, f) => {
        const mark = f.n;
        for (const st of body) {
          const c = st(ip, f);
          if (c !== undefined) {
            f.n = mark;
            return c;
          }
        }
        f.n = mark;
        return undefined;
      };
    }
    case "expr": {
      const e = compileExpr(s.expr);
      return (ip, f) => {
        e(ip, f);
        return undefined;
      };
    }
    case "local": {
      const type = typeOf(s.type);
      const decls = s.decls.map((d) => ({
        lname: lower(d.name),
        init: d.init ? compileExpr(d.init) : null,
        line: d.line,
      }));
      return (ip, f) => {
        const t = type(ip, f.cls);
        for (const d of decls) {
          f.line = d.line;
          f.declare(d.lname, d.init ? coerce(d.init(ip, f), t, ip.fail) : null, t);
        }
        return undefined;
      };
    }
    case "if": {
      const test = compileExpr(s.test);
      const then = compileStmt(s.then);
      const other = optional(s.else);
      return (ip, f) => {
        if (truthy(ip, test(ip, f))) return then(ip, f);
        return other ? other(ip, f) : undefined;
      };
    }
    case "while": {
      const test = compileExpr(s.test);
      const body = optional(s.body);
      return (ip, f) => {
        while (truthy(ip, test(ip, f))) {
          if (!body) continue;
          const c = body(ip, f);
          if (c === BREAK) break;
          if (c === RETURN) return c;
        }
        return undefined;
      };
    }
    case "doWhile": {
      const test = compileExpr(s.test);
      const body = compileStmt(s.body);
      return (ip, f) => {
        do {
          const c = body(ip, f);
          if (c === BREAK) break;
          if (c === RETURN) return c;
        } while (truthy(ip, test(ip, f)));
        return undefined;
      };
    }
    case "for":
      return compileFor(s);
    case "forEach": {
      const type = typeOf(s.type);
      const iterable = compileExpr(s.iterable);
      const lname = lower(s.name);
      const body = optional(s.body);
      return (ip, f) => {
        const t = type(ip, f.cls);
        const items = iterate(ip, iterable(ip, f));
        const mark = f.n;
        for (const item of items) {
          f.n = mark;
          f.declare(lname, coerce(item, t, ip.fail), t);
          if (!body) continue;
          const c = body(ip, f);
          if (c === BREAK) break;
          if (c === RETURN) {
            f.n = mark;
            return c;
          }
        }
        f.n = mark;
        return undefined;
      };
    }
    case "switch": {
      const subject = compileExpr(s.expr);
      const whens = s.whens.map((w) => {
        const body = compileStmt(w.body);
        const v = w.value;
        if (v.k === "else") return { body, matches: null, type: null, lname: "" };
        if (v.k === "values") return { body, matches: v.values.map(whenMatcher), type: null, lname: "" };
        return { body, matches: null, type: typeOf(v.type), lname: lower(v.name) };
      });
      return (ip, f) => {
        const v = subject(ip, f);
        const mark = f.n;
        for (const w of whens) {
          let hit = false;
          if (w.type) {
            const t = w.type(ip, f.cls);
            if (instanceOf(v, t)) {
              hit = true;
              f.declare(w.lname, v, t);
            }
          } else hit = w.matches === null || w.matches.some((m) => m(v));
          if (hit) {
            const c = w.body(ip, f);
            f.n = mark;
            return c;
          }
        }
        return undefined;
      };
    }
    case "try":
      return compileTry(s);
    case "return": {
      const e = s.expr ? compileExpr(s.expr) : null;
      return (ip, f) => {
        f.returnValue = e ? e(ip, f) : null;
        return RETURN;
      };
    }
    case "throw": {
      const e = compileExpr(s.expr);
      return (ip, f) => {
        const v = e(ip, f);
        if (v === null) ip.npe();
        if (!(v instanceof ApexObject) || !v.cls.isException) throw new InternalError("throw of a non-exception");
        throw new ApexThrow(v);
      };
    }
    case "break":
      return () => BREAK;
    case "continue":
      return () => CONTINUE;
    case "dml": {
      const e = compileExpr(s.expr);
      const op = s.op;
      const asUser = s.access === "user";
      const field = s.field ? s.field.join(".") : null;
      return (ip, f) => {
        const v = e(ip, f);
        ip.data.dmlStatement(ip, op, v, asUser, field);
        return undefined;
      };
    }
    case "runAs": {
      const argExprs = s.args;
      const argFns = compileAll(argExprs);
      const body = compileStmt(s.body);
      return (ip, f) => {
        const args = evalArgs(ip, argExprs, f, argFns);
        const user = args[0];
        if (!(user instanceof SObject)) {
          // runAs(Version) only changes package version context: run the block as is
          return body(ip, f);
        }
        ip.tx.runAsStack.push(user);
        try {
          return body(ip, f);
        } finally {
          ip.tx.runAsStack.pop();
        }
      };
    }
    case "unsupported":
      return (_ip, f) => {
        throw new UnsupportedError(s.feature, f.unit?.file ?? "?", s.line);
      };
  }
}

function compileFor(s: Extract<Stmt, { k: "for" }>): StmtFn {
  const init = s.init;
  const type = init?.k === "local" ? typeOf(init.type) : null;
  const decls =
    init?.k === "local"
      ? init.decls.map((d) => ({ lname: lower(d.name), init: d.init ? compileExpr(d.init) : null }))
      : [];
  const initExprs: EvalFn[] = init?.k === "exprs" ? compileAll(init.exprs) : [];
  const test = s.test ? compileExpr(s.test) : null;
  const update = compileAll(s.update);
  const body = optional(s.body);
  const line = s.line;
  return (ip, f) => {
    const mark = f.n;
    if (type) {
      const t = type(ip, f.cls);
      for (const d of decls) f.declare(d.lname, d.init ? coerce(d.init(ip, f), t, ip.fail) : null, t);
    } else for (const e of initExprs) e(ip, f);
    while (!test || truthy(ip, test(ip, f))) {
      if (body) {
        const c = body(ip, f);
        if (c === BREAK) break;
        if (c === RETURN) {
          f.n = mark;
          return c;
        }
      }
      for (const u of update) u(ip, f);
      f.line = line;
    }
    f.n = mark;
    return undefined;
  };
}

function compileTry(s: Extract<Stmt, { k: "try" }>): StmtFn {
  const body = compileStmt(s.body);
  const final = optional(s.final);
  const catches = s.catches.map((c) => ({ type: c.type, lname: lower(c.name), body: compileStmt(c.body) }));
  return (ip, f) => {
    const mark = f.n;
    let completion: Completion;
    try {
      completion = body(ip, f);
    } catch (err) {
      f.n = mark;
      if (
        !(err instanceof ApexThrow) ||
        err.value.cls.lname === "limitexception" ||
        err.value.cls.lname === "assertexception"
      ) {
        throw err; // runtime faults, LimitException and assertion failures are never catchable
      }
      const ex = err.value;
      const handler = catches.find((c) => instanceOf(ex, resolveType(ip, c.type, f.cls)));
      if (!handler) {
        if (final) {
          const fc = final(ip, f);
          if (fc !== undefined) return fc;
        }
        throw err;
      }
      try {
        f.declare(handler.lname, ex, resolveType(ip, handler.type, f.cls));
        completion = handler.body(ip, f);
      } catch (inner) {
        // as in a scope that is still open: the finally block runs with the catch variable declared
        f.n = Math.min(f.n, mark + 1);
        if (final) {
          const fc = final(ip, f);
          if (fc !== undefined) {
            f.n = mark;
            return fc;
          }
        }
        f.n = mark;
        throw inner;
      }
      f.n = mark;
    }
    if (final) {
      const fc = final(ip, f);
      if (fc !== undefined) return fc;
    }
    return completion;
  };
}

export { assignTo, equals };
