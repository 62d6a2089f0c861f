/** Converts ANTLR expression contexts into AST expressions. */
import {
  Arth1ExpressionContext,
  Arth2ExpressionContext,
  ArrayExpressionContext,
  AssignExpressionContext,
  BitAndExpressionContext,
  BitExpressionContext,
  BitNotExpressionContext,
  BitOrExpressionContext,
  CastExpressionContext,
  CmpExpressionContext,
  CoalExpressionContext,
  CondExpressionContext,
  DotExpressionContext,
  EqualityExpressionContext,
  IdPrimaryContext,
  InstanceOfExpressionContext,
  LiteralPrimaryContext,
  LogAndExpressionContext,
  LogOrExpressionContext,
  MethodCallExpressionContext,
  NegExpressionContext,
  NewExpressionContext,
  PostOpExpressionContext,
  PreOpExpressionContext,
  PrimaryExpressionContext,
  SoqlPrimaryContext,
  SoslPrimaryContext,
  SubExpressionContext,
  SuperPrimaryContext,
  ThisPrimaryContext,
  TypeRefPrimaryContext,
  VoidPrimaryContext,
} from "@apexdevtools/apex-parser";
import type {
  CreatorContext,
  ExpressionContext,
  ExpressionListContext,
  LiteralContext,
  MethodCallContext,
} from "@apexdevtools/apex-parser";
import type { AssignOp, BinaryOp, Expr, TypeRef } from "./ast";
import { ConvertContext, lineOf, opt, unquote } from "./convert-context";
import { convertTypeList, convertTypeRef } from "./convert-types";
import { convertQuery } from "./convert-soql";

export function convertExprList(cx: ConvertContext, list: ExpressionListContext | null): Expr[] {
  return list ? list.expression_list().map((e) => convertExpr(cx, e)) : [];
}

export function convertLiteral(ctx: LiteralContext): Expr {
  const line = lineOf(ctx);
  if (opt(ctx.IntegerLiteral())) return { k: "lit", line, type: "Integer", text: ctx.getText() };
  if (opt(ctx.LongLiteral())) return { k: "lit", line, type: "Long", text: ctx.getText().replace(/[lL]$/, "") };
  if (opt(ctx.NumberLiteral())) {
    const t = ctx.getText();
    if (/[dD]$/.test(t)) return { k: "lit", line, type: "Double", text: t.slice(0, -1) };
    return { k: "lit", line, type: "Decimal", text: t };
  }
  if (opt(ctx.StringLiteral())) return { k: "lit", line, type: "String", text: unquote(ctx.getText()) };
  if (opt(ctx.MultilineStringLiteral())) {
    const t = ctx.getText();
    return { k: "lit", line, type: "String", text: unquote(t.slice(2, -2)) };
  }
  if (opt(ctx.BooleanLiteral())) return { k: "lit", line, type: "Boolean", text: ctx.getText().toLowerCase() };
  return { k: "lit", line, type: "Null", text: "null" };
}

function binary(
  cx: ConvertContext,
  ctx: { expression(i: number): ExpressionContext },
  op: BinaryOp,
  line: number,
): Expr {
  return { k: "binary", line, op, left: convertExpr(cx, ctx.expression(0)), right: convertExpr(cx, ctx.expression(1)) };
}

export function convertMethodCall(cx: ConvertContext, mc: MethodCallContext): Expr {
  const line = lineOf(mc);
  const args = convertExprList(cx, opt(mc.expressionList()));
  if (opt(mc.THIS())) return { k: "ctorCall", line, which: "this", args };
  if (opt(mc.SUPER())) return { k: "ctorCall", line, which: "super", args };
  return { k: "call", line, target: null, name: mc.id().getText(), args, safe: false };
}

function convertCreator(cx: ConvertContext, ctx: CreatorContext, line: number): Expr {
  const pairs = ctx.createdName().idCreatedNamePair_list();
  const names = pairs.map((p) => p.anyId().getText());
  const last = pairs[pairs.length - 1];
  const tl = opt(last.typeList());
  const type: TypeRef = { names, args: tl ? convertTypeList(tl) : [] };
  const classRest = opt(ctx.classCreatorRest());
  if (classRest) {
    const argList = classRest.arguments().expressionList();
    const exprs = argList ? argList.expression_list() : [];
    const allNamed =
      exprs.length > 0 &&
      exprs.every(
        (e) =>
          e instanceof AssignExpressionContext &&
          opt(e.ASSIGN()) !== null &&
          e.expression(0) instanceof PrimaryExpressionContext &&
          (e.expression(0) as PrimaryExpressionContext).primary() instanceof IdPrimaryContext,
      );
    if (allNamed) {
      return {
        k: "newSObject",
        line,
        type,
        pairs: exprs.map((e) => {
          const a = e as AssignExpressionContext;
          return { field: a.expression(0).getText(), value: convertExpr(cx, a.expression(1)) };
        }),
      };
    }
    return { k: "new", line, type, args: exprs.map((e) => convertExpr(cx, e)) };
  }
  const arrayRest = opt(ctx.arrayCreatorRest());
  if (arrayRest) {
    const sizeExpr = opt(arrayRest.expression());
    const init = opt(arrayRest.arrayInitializer());
    return {
      k: "newArray",
      line,
      type,
      size: sizeExpr ? convertExpr(cx, sizeExpr) : null,
      items: init ? init.expression_list().map((e) => convertExpr(cx, e)) : null,
    };
  }
  const mapRest = opt(ctx.mapCreatorRest());
  if (mapRest) {
    return {
      k: "newMap",
      line,
      type,
      pairs: mapRest.mapCreatorRestPair_list().map((p) => ({
        key: convertExpr(cx, p.expression(0)),
        value: convertExpr(cx, p.expression(1)),
      })),
    };
  }
  const setRest = opt(ctx.setCreatorRest());
  if (setRest)
    return { k: "newCollection", line, type, items: setRest.expression_list().map((e) => convertExpr(cx, e)) };
  return { k: "newCollection", line, type, items: [] }; // noRest: `new List<String>{}`
}

const ASSIGN_OPS: [string, AssignOp][] = [
  ["ASSIGN", "="],
  ["ADD_ASSIGN", "+="],
  ["SUB_ASSIGN", "-="],
  ["MUL_ASSIGN", "*="],
  ["DIV_ASSIGN", "/="],
  ["AND_ASSIGN", "&="],
  ["OR_ASSIGN", "|="],
  ["XOR_ASSIGN", "^="],
  ["RSHIFT_ASSIGN", ">>="],
  ["URSHIFT_ASSIGN", ">>>="],
  ["LSHIFT_ASSIGN", "<<="],
];

export function convertExpr(cx: ConvertContext, ctx: ExpressionContext): Expr {
  const line = lineOf(ctx);
  if (ctx instanceof PrimaryExpressionContext) {
    const p = ctx.primary();
    if (p instanceof LiteralPrimaryContext) return convertLiteral(p.literal());
    if (p instanceof IdPrimaryContext) return { k: "name", line, name: p.id().getText() };
    if (p instanceof ThisPrimaryContext) return { k: "this", line };
    if (p instanceof SuperPrimaryContext) return { k: "super", line };
    if (p instanceof TypeRefPrimaryContext) return { k: "classLit", line, type: convertTypeRef(p.typeRef()) };
    if (p instanceof VoidPrimaryContext) return { k: "classLit", line, type: null };
    if (p instanceof SoqlPrimaryContext) return { k: "soql", line, query: convertQuery(cx, p.soqlLiteral().query()) };
    if (p instanceof SoslPrimaryContext) {
      cx.unsupportedAt("SOSL", line);
      return { k: "unsupported", line, feature: "SOSL" };
    }
  }
  if (ctx instanceof DotExpressionContext) {
    const target = convertExpr(cx, ctx.expression());
    const safe = opt(ctx.QUESTIONDOT()) !== null;
    const dmc = opt(ctx.dotMethodCall());
    if (dmc) {
      return {
        k: "call",
        line: lineOf(dmc),
        target,
        name: dmc.anyId().getText(),
        args: convertExprList(cx, opt(dmc.expressionList())),
        safe,
      };
    }
    return { k: "dot", line, target, name: ctx.anyId().getText(), safe };
  }
  if (ctx instanceof MethodCallExpressionContext) return convertMethodCall(cx, ctx.methodCall());
  if (ctx instanceof ArrayExpressionContext) {
    return { k: "index", line, target: convertExpr(cx, ctx.expression(0)), index: convertExpr(cx, ctx.expression(1)) };
  }
  if (ctx instanceof NewExpressionContext) return convertCreator(cx, ctx.creator(), line);
  if (ctx instanceof CastExpressionContext) {
    return { k: "cast", line, type: convertTypeRef(ctx.typeRef()), expr: convertExpr(cx, ctx.expression()) };
  }
  if (ctx instanceof SubExpressionContext) return convertExpr(cx, ctx.expression());
  if (ctx instanceof PostOpExpressionContext) {
    return {
      k: "incdec",
      line,
      op: opt(ctx.INC()) ? "++" : "--",
      prefix: false,
      target: convertExpr(cx, ctx.expression()),
    };
  }
  if (ctx instanceof PreOpExpressionContext) {
    const e = convertExpr(cx, ctx.expression());
    if (opt(ctx.INC())) return { k: "incdec", line, op: "++", prefix: true, target: e };
    if (opt(ctx.DEC())) return { k: "incdec", line, op: "--", prefix: true, target: e };
    if (opt(ctx.SUB())) {
      // fold `-2147483648` and friends into the literal so the sign is part of the number
      if (e.k === "lit" && (e.type === "Integer" || e.type === "Long" || e.type === "Decimal" || e.type === "Double")) {
        return { ...e, text: "-" + e.text };
      }
      return { k: "unary", line, op: "-", expr: e };
    }
    return { k: "unary", line, op: "+", expr: e };
  }
  if (ctx instanceof NegExpressionContext) {
    return { k: "unary", line, op: opt(ctx.BANG()) ? "!" : "~", expr: convertExpr(cx, ctx.expression()) };
  }
  if (ctx instanceof Arth1ExpressionContext) return binary(cx, ctx, opt(ctx.MUL()) ? "*" : "/", line);
  if (ctx instanceof Arth2ExpressionContext) return binary(cx, ctx, opt(ctx.ADD()) ? "+" : "-", line);
  if (ctx instanceof BitExpressionContext) {
    const lts = ctx.LT_list().length;
    const gts = ctx.GT_list().length;
    return binary(cx, ctx, lts === 2 ? "<<" : gts === 3 ? ">>>" : ">>", line);
  }
  if (ctx instanceof CmpExpressionContext) {
    const eq = opt(ctx.ASSIGN()) !== null;
    const op: BinaryOp = opt(ctx.GT()) ? (eq ? ">=" : ">") : eq ? "<=" : "<";
    return binary(cx, ctx, op, line);
  }
  if (ctx instanceof InstanceOfExpressionContext) {
    return { k: "instanceof", line, expr: convertExpr(cx, ctx.expression()), type: convertTypeRef(ctx.typeRef()) };
  }
  if (ctx instanceof EqualityExpressionContext) {
    const op: BinaryOp = opt(ctx.TRIPLEEQUAL())
      ? "==="
      : opt(ctx.TRIPLENOTEQUAL())
        ? "!=="
        : opt(ctx.EQUAL())
          ? "=="
          : "!=";
    return binary(cx, ctx, op, line);
  }
  if (ctx instanceof BitAndExpressionContext) return binary(cx, ctx, "&", line);
  if (ctx instanceof BitNotExpressionContext) return binary(cx, ctx, "^", line);
  if (ctx instanceof BitOrExpressionContext) return binary(cx, ctx, "|", line);
  if (ctx instanceof LogAndExpressionContext) return binary(cx, ctx, "&&", line);
  if (ctx instanceof LogOrExpressionContext) return binary(cx, ctx, "||", line);
  if (ctx instanceof CoalExpressionContext) return binary(cx, ctx, "??", line);
  if (ctx instanceof CondExpressionContext) {
    return {
      k: "cond",
      line,
      test: convertExpr(cx, ctx.expression(0)),
      then: convertExpr(cx, ctx.expression(1)),
      else: convertExpr(cx, ctx.expression(2)),
    };
  }
  if (ctx instanceof AssignExpressionContext) {
    let op: AssignOp = "=";
    const anyCtx = ctx as unknown as Record<string, () => unknown>; // token accessors looked up by name
    for (const [tok, o] of ASSIGN_OPS) if (opt(anyCtx[tok].call(ctx))) op = o;
    return {
      k: "assign",
      line,
      op,
      target: convertExpr(cx, ctx.expression(0)),
      value: convertExpr(cx, ctx.expression(1)),
    };
  }
  cx.unsupportedAt(`expression ${ctx.constructor.name}`, line);
  return { k: "unsupported", line, feature: `expression ${ctx.getText()}` };
}
