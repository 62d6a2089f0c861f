/** Converts inline and dynamic SOQL parse trees into the SOQL AST. */
import type {
  ConditionalExpressionContext,
  DateFormulaContext,
  FieldExpressionContext,
  FieldNameContext,
  LimitClauseContext,
  LogicalExpressionContext,
  OffsetClauseContext,
  QueryContext,
  SoqlFunctionContext,
  SubQueryContext,
  ValueContext,
  WhereConditionalExpressionContext,
  WhereLogicalExpressionContext,
} from "@apexdevtools/apex-parser";
import type { SoqlAggregate, SoqlCond, SoqlField, SoqlQuery, SoqlSelect, SoqlValue } from "./ast";
import { ConvertContext, lineOf, opt, unquote } from "./convert-context";
import { convertExpr } from "./convert-expr";

function path(ctx: FieldNameContext): string[] {
  return ctx.soqlId_list().map((s) => s.getText());
}

function field(ctx: FieldNameContext, alias: string | null): SoqlField {
  return { k: "field", path: path(ctx), alias };
}

function aggregate(cx: ConvertContext, ctx: SoqlFunctionContext, alias: string | null): SoqlAggregate {
  const fn = ctx.getChild(0).getText().toUpperCase();
  const known = ["COUNT", "COUNT_DISTINCT", "MIN", "MAX", "SUM", "AVG", "CALENDAR_YEAR", "CALENDAR_MONTH", "DAY_ONLY"];
  if (!known.includes(fn)) cx.unsupportedAt(`SOQL function ${fn}`, lineOf(ctx));
  const fnField = opt(ctx.fieldName());
  const dateField = opt(ctx.dateFieldName());
  const p = fnField ? path(fnField) : dateField && opt(dateField.fieldName()) ? path(dateField.fieldName()) : null;
  return { k: "agg", fn, path: p, alias };
}

function limitValue(cx: ConvertContext, ctx: LimitClauseContext | OffsetClauseContext | null): SoqlValue | null {
  if (!ctx) return null;
  const lit = opt(ctx.IntegerLiteral());
  if (lit) return { k: "number", text: lit.getText() };
  return bind(cx, ctx.boundExpression().expression());
}

function bind(cx: ConvertContext, e: Parameters<typeof convertExpr>[1]): SoqlValue {
  const expr = convertExpr(cx, e);
  return { k: "bind", expr, name: expr.k === "name" ? expr.name : null };
}

function dateFormula(ctx: DateFormulaContext): SoqlValue {
  const name = ctx.getChild(0).getText().toUpperCase();
  const si = opt(ctx.signedInteger());
  return { k: "dateLiteral", name, n: si ? parseInt(si.getText(), 10) : null };
}

function value(cx: ConvertContext, ctx: ValueContext): SoqlValue {
  if (opt(ctx.NULL())) return { k: "null" };
  if (opt(ctx.BooleanLiteral())) return { k: "bool", value: ctx.getText().toLowerCase() === "true" };
  if (opt(ctx.signedNumber())) return { k: "number", text: ctx.getText() };
  if (opt(ctx.StringLiteral())) return { k: "string", value: unquote(ctx.getText()) };
  if (opt(ctx.DateLiteral())) return { k: "date", text: ctx.getText() };
  if (opt(ctx.DateTimeLiteral())) return { k: "datetime", text: ctx.getText() };
  const df = opt(ctx.dateFormula());
  if (df) return dateFormula(df);
  const sq = opt(ctx.subQuery());
  if (sq) return { k: "sub", query: convertSubQuery(cx, sq) };
  const vl = opt(ctx.valueList());
  if (vl) return { k: "list", values: vl.value_list().map((v) => value(cx, v)) };
  const be = opt(ctx.boundExpression());
  if (be) return bind(cx, be.expression());
  cx.unsupportedAt(`SOQL value ${ctx.getText()}`, lineOf(ctx));
  return { k: "null" };
}

function comparison(cx: ConvertContext, fe: FieldExpressionContext): SoqlCond {
  const op = fe.comparisonOperator().getText().toUpperCase().replace(/\s+/g, " ").replace("NOTIN", "NOT IN");
  const fn = opt(fe.soqlFunction());
  const left = fn ? aggregate(cx, fn, null) : field(fe.fieldName(), null);
  return { k: "cmp", left, op, value: value(cx, fe.value()) };
}

type AnyLogical = LogicalExpressionContext | WhereLogicalExpressionContext;
type AnyConditional = ConditionalExpressionContext | WhereConditionalExpressionContext;

function conditional(cx: ConvertContext, ctx: AnyConditional): SoqlCond {
  if ("whereLogicalExpression" in ctx) {
    const inner = opt(ctx.whereLogicalExpression());
    if (inner) return logical(cx, inner);
    const wfe = ctx.whereFieldExpression();
    const fe = opt(wfe.fieldExpression());
    if (!fe) {
      cx.unsupportedAt("SOQL FORMULA", lineOf(wfe));
      return { k: "and", items: [] };
    }
    return comparison(cx, fe);
  }
  const inner = opt(ctx.logicalExpression());
  if (inner) return logical(cx, inner);
  return comparison(cx, ctx.fieldExpression());
}

function logical(cx: ConvertContext, ctx: AnyLogical): SoqlCond {
  const parts: AnyConditional[] =
    "whereConditionalExpression_list" in ctx ? ctx.whereConditionalExpression_list() : ctx.conditionalExpression_list();
  const items = parts.map((p) => conditional(cx, p));
  if (opt(ctx.NOT())) return { k: "not", item: items[0] };
  if (ctx.SOQLOR_list().length > 0) return { k: "or", items };
  if (items.length === 1) return items[0];
  return { k: "and", items };
}

function emptyQuery(from: string): SoqlQuery {
  return {
    select: [],
    from,
    where: null,
    withMode: null,
    groupBy: [],
    having: null,
    orderBy: [],
    limit: null,
    offset: null,
    forUpdate: false,
    allRows: false,
    unsupported: [],
  };
}

function selectEntry(
  cx: ConvertContext,
  e: {
    fieldName(): FieldNameContext;
    soqlId(): { getText(): string };
    soqlFunction(): SoqlFunctionContext;
    subQuery(): SubQueryContext;
    typeOf(): unknown;
  },
): SoqlSelect {
  const alias = opt(e.soqlId()) ? e.soqlId().getText() : null;
  if (opt(e.fieldName())) return field(e.fieldName(), alias);
  if (opt(e.soqlFunction())) {
    const fnCtx = e.soqlFunction();
    if (opt(fnCtx.FIELDS())) {
      cx.unsupportedAt("SOQL FIELDS()", lineOf(fnCtx));
      return { k: "unsupported", feature: "FIELDS()" };
    }
    return aggregate(cx, fnCtx, alias);
  }
  if (opt(e.subQuery())) return { k: "sub", query: convertSubQuery(cx, e.subQuery()) };
  return { k: "unsupported", feature: "TYPEOF" };
}

function orderBy(cx: ConvertContext, q: SoqlQuery, ctx: QueryContext | SubQueryContext): void {
  const ob = opt(ctx.orderByClause());
  if (!ob) return;
  for (const fo of ob.fieldOrderList().fieldOrder_list()) {
    const fn = opt(fo.soqlFunction());
    q.orderBy.push({
      left: fn ? aggregate(cx, fn, null) : field(fo.fieldName(), null),
      desc: opt(fo.DESC()) !== null,
      nullsFirst: opt(fo.NULLS()) ? opt(fo.FIRST()) !== null : null,
    });
  }
}

export function convertSubQuery(cx: ConvertContext, ctx: SubQueryContext): SoqlQuery {
  const q = emptyQuery(ctx.fromNameList().fieldName(0).getText());
  q.select = ctx
    .subFieldList()
    .subFieldEntry_list()
    .map((e) => selectEntry(cx, e));
  const wc = opt(ctx.whereClause());
  if (wc) q.where = logical(cx, wc.whereLogicalExpression());
  orderBy(cx, q, ctx);
  q.limit = limitValue(cx, opt(ctx.limitClause()));
  return q;
}

export function convertQuery(cx: ConvertContext, ctx: QueryContext): SoqlQuery {
  const fromList = ctx.fromNameList();
  const q = emptyQuery(fromList.fieldName(0).getText());
  if (fromList.fieldName_list().length > 1) cx.unsupportedAt("SOQL multiple FROM objects", lineOf(ctx));
  q.select = ctx
    .selectList()
    .selectEntry_list()
    .map((e) => selectEntry(cx, e));
  const wc = opt(ctx.whereClause());
  if (wc) q.where = logical(cx, wc.whereLogicalExpression());
  const w = opt(ctx.withClause());
  if (w) {
    if (opt(w.USER_MODE())) q.withMode = "USER_MODE";
    else if (opt(w.SYSTEM_MODE())) q.withMode = "SYSTEM_MODE";
    else if (opt(w.SECURITY_ENFORCED())) q.withMode = "SECURITY_ENFORCED";
    else cx.unsupportedAt("SOQL WITH filter", lineOf(w));
  }
  const gb = opt(ctx.groupByClause());
  if (gb) {
    if (opt(gb.ROLLUP()) || opt(gb.CUBE())) cx.unsupportedAt("SOQL GROUP BY ROLLUP/CUBE", lineOf(gb));
    for (const g of gb.fieldGroupByList().fieldGroupBy_list()) {
      const fn = opt(g.soqlFunction());
      q.groupBy.push(fn ? aggregate(cx, fn, null) : field(g.fieldName(), null));
    }
    const having = opt(gb.logicalExpression());
    if (having) q.having = logical(cx, having);
  }
  orderBy(cx, q, ctx);
  q.limit = limitValue(cx, opt(ctx.limitClause()));
  q.offset = limitValue(cx, opt(ctx.offsetClause()));
  q.allRows = opt(ctx.allRowsClause()) !== null;
  const fc = opt(ctx.forClauses());
  q.forUpdate = fc ? fc.UPDATE_list().length > 0 : false;
  if (opt(ctx.usingScope())) cx.unsupportedAt("SOQL USING SCOPE", lineOf(ctx));
  return q;
}
