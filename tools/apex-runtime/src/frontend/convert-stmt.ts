/** Converts statements and blocks; records executable lines for coverage. */
import type {
  BlockContext,
  LocalVariableDeclarationContext,
  StatementContext,
  WhenLiteralContext,
  WhenValueContext,
} from "@apexdevtools/apex-parser";
import type { DmlOp, Stmt, VarDecl, WhenLiteral, WhenValue } from "./ast";
import { ConvertContext, lineOf, opt, unquote } from "./convert-context";
import { convertExpr, convertExprList } from "./convert-expr";
import { convertTypeRef } from "./convert-types";

export function convertBlock(cx: ConvertContext, ctx: BlockContext): Stmt {
  return { k: "block", line: lineOf(ctx), body: ctx.statement_list().map((s) => convertStmt(cx, s)) };
}

export function convertLocal(
  cx: ConvertContext,
  ctx: LocalVariableDeclarationContext,
): { type: ReturnType<typeof convertTypeRef>; decls: VarDecl[] } {
  const type = convertTypeRef(ctx.typeRef());
  const decls = ctx
    .variableDeclarators()
    .variableDeclarator_list()
    .map((d) => {
      const e = opt(d.expression());
      return { name: d.id().getText(), init: e ? convertExpr(cx, e) : null, line: lineOf(d) };
    });
  return { type, decls };
}

function whenLiteral(ctx: WhenLiteralContext): WhenLiteral {
  const inner = opt(ctx.whenLiteral());
  if (inner) return whenLiteral(inner);
  const negative = ctx.SUB_list().length % 2 === 1;
  const il = opt(ctx.IntegerLiteral());
  if (il) return { k: "int", text: il.getText(), negative, long: false };
  const ll = opt(ctx.LongLiteral());
  if (ll) return { k: "int", text: ll.getText().replace(/[lL]$/, ""), negative, long: true };
  const sl = opt(ctx.StringLiteral());
  if (sl) return { k: "string", text: unquote(sl.getText()) };
  if (opt(ctx.NULL())) return { k: "null" };
  return {
    k: "enum",
    names: ctx
      .qualifiedName()
      .id_list()
      .map((i) => i.getText()),
  };
}

function whenValue(ctx: WhenValueContext): WhenValue {
  if (opt(ctx.ELSE())) return { k: "else" };
  const tr = opt(ctx.typeRef());
  if (tr) return { k: "type", type: convertTypeRef(tr), name: ctx.id().getText() };
  return { k: "values", values: ctx.whenLiteral_list().map(whenLiteral) };
}

export function convertStmt(cx: ConvertContext, ctx: StatementContext): Stmt {
  const line = lineOf(ctx);
  const b = opt(ctx.block());
  if (b) return convertBlock(cx, b);
  cx.executable(line);
  const ifs = opt(ctx.ifStatement());
  if (ifs) {
    const stmts = ifs.statement_list();
    return {
      k: "if",
      line,
      test: convertExpr(cx, ifs.parExpression().expression()),
      then: convertStmt(cx, stmts[0]),
      else: stmts.length > 1 ? convertStmt(cx, stmts[1]) : null,
    };
  }
  const sw = opt(ctx.switchStatement());
  if (sw) {
    return {
      k: "switch",
      line,
      expr: convertExpr(cx, sw.expression()),
      whens: sw
        .whenControl_list()
        .map((w) => ({ value: whenValue(w.whenValue()), body: convertBlock(cx, w.block()), line: lineOf(w) })),
    };
  }
  const fs = opt(ctx.forStatement());
  if (fs) {
    const body = opt(fs.statement()) ? convertStmt(cx, fs.statement()) : null;
    const fc = fs.forControl();
    const en = opt(fc.enhancedForControl());
    if (en) {
      return {
        k: "forEach",
        line,
        type: convertTypeRef(en.typeRef()),
        name: en.id().getText(),
        iterable: convertExpr(cx, en.expression()),
        body,
      };
    }
    const fi = opt(fc.forInit());
    let init: Extract<Stmt, { k: "for" }>["init"] = null;
    if (fi) {
      const lv = opt(fi.localVariableDeclaration());
      init = lv
        ? { k: "local", ...convertLocal(cx, lv) }
        : { k: "exprs", exprs: convertExprList(cx, fi.expressionList()) };
    }
    const test = opt(fc.expression());
    const upd = opt(fc.forUpdate());
    return {
      k: "for",
      line,
      init,
      test: test ? convertExpr(cx, test) : null,
      update: upd ? convertExprList(cx, upd.expressionList()) : [],
      body,
    };
  }
  const ws = opt(ctx.whileStatement());
  if (ws) {
    return {
      k: "while",
      line,
      test: convertExpr(cx, ws.parExpression().expression()),
      body: opt(ws.statement()) ? convertStmt(cx, ws.statement()) : null,
    };
  }
  const dw = opt(ctx.doWhileStatement());
  if (dw)
    return {
      k: "doWhile",
      line,
      test: convertExpr(cx, dw.parExpression().expression()),
      body: convertBlock(cx, dw.block()),
    };
  const ts = opt(ctx.tryStatement());
  if (ts) {
    const fb = opt(ts.finallyBlock());
    return {
      k: "try",
      line,
      body: convertBlock(cx, ts.block()),
      catches: ts.catchClause_list().map((c) => ({
        type: {
          names: c
            .qualifiedName()
            .id_list()
            .map((i) => i.getText()),
          args: [],
        },
        name: c.id().getText(),
        body: convertBlock(cx, c.block()),
        line: lineOf(c),
      })),
      final: fb ? convertBlock(cx, fb.block()) : null,
    };
  }
  const rs = opt(ctx.returnStatement());
  if (rs) return { k: "return", line, expr: opt(rs.expression()) ? convertExpr(cx, rs.expression()) : null };
  const th = opt(ctx.throwStatement());
  if (th) return { k: "throw", line, expr: convertExpr(cx, th.expression()) };
  if (opt(ctx.breakStatement())) return { k: "break", line };
  if (opt(ctx.continueStatement())) return { k: "continue", line };
  const dmls: [
    DmlOp,
    (
      | ReturnType<StatementContext["insertStatement"]>
      | ReturnType<StatementContext["updateStatement"]>
      | ReturnType<StatementContext["deleteStatement"]>
      | ReturnType<StatementContext["undeleteStatement"]>
    ),
  ][] = [
    ["insert", ctx.insertStatement()],
    ["update", ctx.updateStatement()],
    ["delete", ctx.deleteStatement()],
    ["undelete", ctx.undeleteStatement()],
  ];
  for (const [op, d] of dmls) {
    if (opt(d)) {
      const al = opt(d.accessLevel());
      return {
        k: "dml",
        line,
        op,
        access: al ? (opt(al.USER()) ? "user" : "system") : null,
        expr: convertExpr(cx, d.expression()),
        extra: null,
        field: null,
      };
    }
  }
  const us = opt(ctx.upsertStatement());
  if (us) {
    const al = opt(us.accessLevel());
    const qn = opt(us.qualifiedName());
    return {
      k: "dml",
      line,
      op: "upsert",
      access: al ? (opt(al.USER()) ? "user" : "system") : null,
      expr: convertExpr(cx, us.expression()),
      extra: null,
      field: qn ? qn.id_list().map((i) => i.getText()) : null,
    };
  }
  const ms = opt(ctx.mergeStatement());
  if (ms) {
    cx.unsupportedAt("merge statement", line);
    return { k: "unsupported", line, feature: "merge statement" };
  }
  const ra = opt(ctx.runAsStatement());
  if (ra)
    return {
      k: "runAs",
      line,
      args: convertExprList(cx, opt(ra.expressionList())),
      body: convertBlock(cx, ra.block()),
    };
  const lv = opt(ctx.localVariableDeclarationStatement());
  if (lv) {
    const { type, decls } = convertLocal(cx, lv.localVariableDeclaration());
    return { k: "local", line, type, decls };
  }
  const es = opt(ctx.expressionStatement());
  if (es) return { k: "expr", line, expr: convertExpr(cx, es.expression()) };
  cx.unsupportedAt("statement", line);
  return { k: "unsupported", line, feature: "statement " + ctx.getText().slice(0, 40) };
}
