/**
 * Statements: declares locals in block scopes as the interpreter does (src/interp/exec.ts: a block pushes
 * a scope, so do `for`, each for-each iteration, each `when` and each `catch`) and types every expression.
 */
import type { Stmt } from "../frontend/ast";
import type { ExprChecker } from "./expr";
import type { Body } from "./scope";
import { UNKNOWN } from "./stype";

export function checkStmt(x: ExprChecker, s: Stmt, b: Body): void {
  switch (s.k) {
    case "block":
      b.scope.push();
      for (const st of s.body) checkStmt(x, st, b);
      b.scope.pop();
      return;
    case "local": {
      const t = x.typeRef(s.type, b, s.line);
      for (const d of s.decls) {
        if (d.init) x.value(d.init, b);
        b.scope.declare(d.name, t ?? UNKNOWN);
      }
      return;
    }
    case "expr":
      x.expr(s.expr, b);
      return;
    case "if":
      x.value(s.test, b);
      checkStmt(x, s.then, b);
      if (s.else) checkStmt(x, s.else, b);
      return;
    case "while":
    case "doWhile":
      x.value(s.test, b);
      if (s.body) checkStmt(x, s.body, b);
      return;
    case "for":
      b.scope.push();
      if (s.init?.k === "local") {
        const t = x.typeRef(s.init.type, b, s.line);
        for (const d of s.init.decls) {
          if (d.init) x.value(d.init, b);
          b.scope.declare(d.name, t ?? UNKNOWN);
        }
      } else if (s.init) for (const e of s.init.exprs) x.expr(e, b);
      if (s.test) x.value(s.test, b);
      for (const u of s.update) x.expr(u, b);
      if (s.body) checkStmt(x, s.body, b);
      b.scope.pop();
      return;
    case "forEach": {
      const t = x.typeRef(s.type, b, s.line);
      x.value(s.iterable, b);
      b.scope.push();
      b.scope.declare(s.name, t ?? UNKNOWN);
      if (s.body) checkStmt(x, s.body, b);
      b.scope.pop();
      return;
    }
    case "switch":
      x.value(s.expr, b);
      for (const w of s.whens) {
        b.scope.push();
        if (w.value.k === "type") {
          const t = x.typeRef(w.value.type, b, w.line);
          b.scope.declare(w.value.name, t ?? UNKNOWN);
        }
        checkStmt(x, w.body, b);
        b.scope.pop();
      }
      return;
    case "try":
      checkStmt(x, s.body, b);
      for (const c of s.catches) {
        const t = x.typeRef(c.type, b, c.line);
        b.scope.push();
        b.scope.declare(c.name, t ?? UNKNOWN);
        checkStmt(x, c.body, b);
        b.scope.pop();
      }
      if (s.final) checkStmt(x, s.final, b);
      return;
    case "return":
    case "throw":
    case "dml":
      if (s.expr) x.value(s.expr, b);
      if (s.k === "dml" && s.extra) x.value(s.extra, b);
      return;
    case "runAs":
      for (const a of s.args) x.value(a, b);
      checkStmt(x, s.body, b);
      return;
    case "break":
    case "continue":
    case "unsupported":
      return;
  }
}
