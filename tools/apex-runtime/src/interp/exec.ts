/** Statement execution: blocks, loops, switch on, try/catch/finally, DML statements, System.runAs. */
import { tickHeap } from "./heap";
import type { Stmt, WhenLiteral } from "../frontend/ast";
import { iterate } from "./collections";
import { ApexThrow, InternalError, UnsupportedError } from "./errors";
import { assignTo, evalArgs, evalExpr } from "./eval";
import { BREAK, CONTINUE, RETURN, type Completion, type Frame } from "./frame";
import type { Interpreter } from "./interpreter";
import { resolveType } from "./invoke";
import { equals } from "./ops";
import { coerce, instanceOf } from "./runtime-types";
import { ApexObject, EnumValue, SObject, type Value } from "./values";

/** Runs a block's statements in the current scope (method bodies already have their parameter scope). */
export function execBlockBody(ip: Interpreter, s: Stmt, f: Frame): Completion {
  if (s.k !== "block") return execStmt(ip, s, f);
  for (const st of s.body) {
    const c = execStmt(ip, st, f);
    if (c !== undefined) return c;
  }
  return undefined;
}

function truthy(ip: Interpreter, v: Value): boolean {
  if (v === null) ip.npe();
  return v === true;
}

function whenMatches(ip: Interpreter, lit: WhenLiteral, v: Value): boolean {
  switch (lit.k) {
    case "null":
      return v === null;
    case "string":
      return v === lit.text; // switch on String is case-sensitive
    case "int": {
      if (v === null) return false;
      const n = lit.negative ? "-" + lit.text : lit.text;
      return typeof v === "bigint" ? v === BigInt(n) : v === Number(n);
    }
    case "enum":
      return v instanceof EnumValue && v.name.toLowerCase() === lit.names[lit.names.length - 1].toLowerCase();
  }
}

export function execStmt(ip: Interpreter, s: Stmt, f: Frame): Completion {
  f.line = s.line;
  if (f.covered) f.covered.add(s.line);
  tickHeap(ip);
  switch (s.k) {
    case "block": {
      f.push();
      try {
        for (const st of s.body) {
          const c = execStmt(ip, st, f);
          if (c !== undefined) return c;
        }
        return undefined;
      } finally {
        f.pop();
      }
    }
    case "expr":
      evalExpr(ip, s.expr, f);
      return undefined;
    case "local": {
      const t = resolveType(ip, s.type, f.cls);
      for (const d of s.decls) {
        f.line = d.line;
        f.declare(d.name.toLowerCase(), d.init ? coerce(evalExpr(ip, d.init, f), t, ip.fail) : null, t);
      }
      return undefined;
    }
    case "if":
      if (truthy(ip, evalExpr(ip, s.test, f))) return execStmt(ip, s.then, f);
      return s.else ? execStmt(ip, s.else, f) : undefined;
    case "while":
      while (truthy(ip, evalExpr(ip, s.test, f))) {
        if (!s.body) continue;
        const c = execStmt(ip, s.body, f);
        if (c === BREAK) break;
        if (c === RETURN) return c;
      }
      return undefined;
    case "doWhile":
      do {
        const c = execStmt(ip, s.body, f);
        if (c === BREAK) break;
        if (c === RETURN) return c;
      } while (truthy(ip, evalExpr(ip, s.test, f)));
      return undefined;
    case "for": {
      f.push();
      try {
        if (s.init?.k === "local") {
          const t = resolveType(ip, s.init.type, f.cls);
          for (const d of s.init.decls)
            f.declare(d.name.toLowerCase(), d.init ? coerce(evalExpr(ip, d.init, f), t, ip.fail) : null, t);
        } else if (s.init) evalArgs(ip, s.init.exprs, f);
        while (!s.test || truthy(ip, evalExpr(ip, s.test, f))) {
          if (s.body) {
            const c = execStmt(ip, s.body, f);
            if (c === BREAK) break;
            if (c === RETURN) return c;
          }
          for (const u of s.update) evalExpr(ip, u, f);
          f.line = s.line;
        }
        return undefined;
      } finally {
        f.pop();
      }
    }
    case "forEach": {
      const t = resolveType(ip, s.type, f.cls);
      const items = iterate(ip, evalExpr(ip, s.iterable, f));
      const lname = s.name.toLowerCase();
      for (const item of items) {
        f.push();
        try {
          f.declare(lname, coerce(item, t, ip.fail), t);
          if (!s.body) continue;
          const c = execStmt(ip, s.body, f);
          if (c === BREAK) break;
          if (c === RETURN) return c;
        } finally {
          f.pop();
        }
      }
      return undefined;
    }
    case "switch": {
      const v = evalExpr(ip, s.expr, f);
      for (const w of s.whens) {
        let hit = false;
        f.push();
        try {
          if (w.value.k === "else") hit = true;
          else if (w.value.k === "values") hit = w.value.values.some((l) => whenMatches(ip, l, v));
          else {
            const t = resolveType(ip, w.value.type, f.cls);
            if (instanceOf(v, t)) {
              hit = true;
              f.declare(w.value.name.toLowerCase(), v, t);
            }
          }
          if (hit) return execStmt(ip, w.body, f);
        } finally {
          f.pop();
        }
      }
      return undefined;
    }
    case "try":
      return execTry(ip, s, f);
    case "return":
      f.returnValue = s.expr ? evalExpr(ip, s.expr, f) : null;
      return RETURN;
    case "throw": {
      const v = evalExpr(ip, s.expr, f);
      if (v === null) ip.npe();
      if (!(v instanceof ApexObject) || !v.cls.isException) throw new InternalError("throw of a non-exception");
      throw new ApexThrow(v);
    }
    case "break":
      return BREAK;
    case "continue":
      return CONTINUE;
    case "dml": {
      const v = evalExpr(ip, s.expr, f);
      ip.data.dmlStatement(ip, s.op, v, s.access === "user", s.field ? s.field.join(".") : null);
      return undefined;
    }
    case "runAs": {
      const args = evalArgs(ip, s.args, f);
      const user = args[0];
      if (!(user instanceof SObject)) {
        // runAs(Version) only changes package version context: run the block as is
        return execStmt(ip, s.body, f);
      }
      ip.tx.runAsStack.push(user);
      try {
        return execStmt(ip, s.body, f);
      } finally {
        ip.tx.runAsStack.pop();
      }
    }
    case "unsupported":
      throw new UnsupportedError(s.feature, f.unit?.file ?? "?", s.line);
  }
}

function execTry(ip: Interpreter, s: Extract<Stmt, { k: "try" }>, f: Frame): Completion {
  let completion: Completion;
  try {
    completion = execStmt(ip, s.body, f);
  } catch (err) {
    if (
      !(err instanceof ApexThrow) ||
      err.value.cls.lname === "limitexception" ||
      err.value.cls.lname === "assertexception"
    ) {
      throw err; // runtime faults, LimitException and assertion failures are never catchable
    }
    const ex = err.value;
    const handler = s.catches.find((c) => instanceOf(ex, resolveType(ip, c.type, f.cls)));
    if (!handler) {
      if (s.final) {
        const fc = execStmt(ip, s.final, f);
        if (fc !== undefined) return fc;
      }
      throw err;
    }
    f.push();
    try {
      f.declare(handler.name.toLowerCase(), ex, resolveType(ip, handler.type, f.cls));
      completion = execStmt(ip, handler.body, f);
    } catch (inner) {
      if (s.final) {
        const fc = execStmt(ip, s.final, f);
        if (fc !== undefined) return fc;
      }
      throw inner;
    } finally {
      f.pop();
    }
  }
  if (s.final) {
    const fc = execStmt(ip, s.final, f);
    if (fc !== undefined) return fc;
  }
  return completion;
}

export { assignTo, equals };
