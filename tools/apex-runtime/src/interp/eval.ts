/** Expression evaluation, including Apex name resolution (variable → field → type) and safe navigation. */
import { rememberArgExprs } from "./static-types";
import { asText } from "./text";
import type { Expr } from "../frontend/ast";
import { Decimal } from "./decimal";
import { InternalError, UnsupportedError } from "./errors";
import type { Frame } from "./frame";
import type { Interpreter } from "./interpreter";
import {
  backingField,
  callObjectMethod,
  construct,
  ensureStaticInit,
  findMember,
  invokeMethod,
  methodsOf,
  readMember,
  resolveType,
  selectOverload,
  writeMember,
  type Callable,
} from "./invoke";
import { binaryOp, equals, toNumber } from "./ops";
import { coerce, instanceOf, runtimeType } from "./runtime-types";
import { ClassInfo, EnumInfo, OBJECT, typeName, type RType } from "./types";
import { NATIVE_TYPES } from "./registry";
import {
  ApexDouble,
  ApexId,
  ApexList,
  ApexMap,
  ApexObject,
  ApexSet,
  ApexDate,
  ApexDatetime,
  ApexTime,
  Blob,
  EnumValue,
  NativeObject,
  SObject,
  TypeValue,
  type Value,
} from "./values";
import { iterate, listFrom, mapPut, setAdd } from "./collections";
import type { MethodDecl } from "../frontend/ast";

/** Marks a safe-navigation chain that hit null: the rest of the chain is skipped and the chain yields null. */
const SHORT = Symbol("short-circuit");
type Chain = Value | typeof SHORT;

/** A name used as an expression resolves to a value or to a type (for static access). */
export type Ref = { v: Value } | { t: RType };

const literalCache = new WeakMap<Expr, Value>();

function literal(ip: Interpreter, e: Extract<Expr, { k: "lit" }>): Value {
  switch (e.type) {
    case "Integer": {
      const n = Number(e.text);
      // as the Apex compiler: the literal's magnitude must fit before any minus sign applies
      if (Math.abs(n) > 2147483647) throw new InternalError(`Illegal integer ${e.text}`);
      return n;
    }
    case "String":
      return e.text;
    case "Boolean":
      return e.text === "true";
    case "Null":
      return null;
    case "Long": {
      const b = BigInt(e.text);
      if ((b < 0n ? -b : b) > 9223372036854775807n) throw new InternalError(`Illegal long ${e.text}`);
      return b;
    }
    case "Double":
      return new ApexDouble(Number(e.text));
    case "Decimal": {
      let d = literalCache.get(e);
      if (d === undefined) literalCache.set(e, (d = Decimal.parse(e.text)));
      return d;
    }
  }
}

export function evalExpr(ip: Interpreter, e: Expr, f: Frame): Value {
  const v = evalChain(ip, e, f);
  return v === SHORT ? null : v;
}

export function evalArgs(ip: Interpreter, args: Expr[], f: Frame): Value[] {
  const out = new Array<Value>(args.length);
  for (let i = 0; i < args.length; i++) out[i] = evalExpr(ip, args[i], f);
  if (args.length > 0) rememberArgExprs(out, args, f);
  return out;
}

function evalChain(ip: Interpreter, e: Expr, f: Frame): Chain {
  switch (e.k) {
    case "lit":
      return literal(ip, e);
    case "name": {
      const r = resolveName(ip, e.name, f);
      if (r && "v" in r) return r.v;
      throw new InternalError(`Variable does not exist: ${e.name} (line ${e.line})`);
    }
    case "dot": {
      const r = resolveDot(ip, e, f);
      if (r === SHORT) return SHORT;
      if ("v" in r) return r.v;
      throw new InternalError(`Variable does not exist: ${e.name} (line ${e.line})`);
    }
    case "call":
      return evalCall(ip, e, f);
    case "index": {
      const target = evalChain(ip, e.target, f);
      if (target === SHORT) return SHORT;
      const idx = evalExpr(ip, e.index, f);
      return indexGet(ip, target, idx);
    }
    case "binary":
      return evalBinary(ip, e, f);
    case "assign":
      return evalAssign(ip, e, f);
    case "unary": {
      const v = evalExpr(ip, e.expr, f);
      if (e.op === "!") {
        if (v === null) ip.npe();
        return !v;
      }
      if (v === null) ip.npe();
      if (e.op === "+") return v;
      if (e.op === "~") return typeof v === "bigint" ? ~v : ~(v as number);
      return binaryOp(
        ip,
        "-",
        typeof v === "bigint"
          ? 0n
          : v instanceof Decimal
            ? Decimal.fromInt(0)
            : v instanceof ApexDouble
              ? new ApexDouble(0)
              : 0,
        v,
      );
    }
    case "incdec": {
      const old = evalExpr(ip, e.target, f);
      if (old === null) ip.npe();
      const one: Value = typeof old === "bigint" ? 1n : 1;
      const nv = binaryOp(ip, e.op === "++" ? "+" : "-", old, one);
      assignTo(ip, e.target, nv, f);
      return e.prefix ? nv : old;
    }
    case "cond": {
      const t = evalExpr(ip, e.test, f);
      if (t === null) ip.npe();
      return t ? evalExpr(ip, e.then, f) : evalExpr(ip, e.else, f);
    }
    case "instanceof": {
      const v = evalExpr(ip, e.expr, f);
      return instanceOf(v, resolveType(ip, e.type, f.cls));
    }
    case "cast": {
      const v = evalExpr(ip, e.expr, f);
      return cast(ip, v, resolveType(ip, e.type, f.cls));
    }
    case "new":
      return evalNew(ip, e, f);
    case "newSObject": {
      const t = resolveType(ip, e.type, f.cls);
      if (t.k !== "sobject") throw new InternalError(`name=value constructor on non-SObject ${typeName(t)}`);
      const so = ip.data.newSObject(ip, t.name);
      for (const p of e.pairs) ip.data.putField(ip, so, p.field, evalExpr(ip, p.value, f));
      return so;
    }
    case "newArray": {
      const t = resolveType(ip, e.type, f.cls);
      if (e.items) return listFrom(ip, t, evalArgs(ip, e.items, f));
      const n = e.size ? (evalExpr(ip, e.size, f) as number) : 0;
      return new ApexList(t, new Array<Value>(n).fill(null));
    }
    case "newCollection": {
      const t = resolveType(ip, e.type, f.cls);
      const items = evalArgs(ip, e.items, f);
      if (t.k === "list") return listFrom(ip, t.elem, items);
      if (t.k === "set") {
        const s = new ApexSet(t.elem);
        for (const i of items) setAdd(ip, s, i);
        return s;
      }
      if (t.k === "map") return new ApexMap(t.key, t.value);
      if (t.k === "sobject") return ip.data.newSObject(ip, t.name);
      if (t.k === "class" && items.length === 0) return construct(ip, t.cls, [], e.line);
      throw new InternalError(`initializer on ${typeName(t)}`);
    }
    case "newMap": {
      const t = resolveType(ip, e.type, f.cls);
      if (t.k !== "map") throw new InternalError("map initializer on non-map");
      const m = new ApexMap(t.key, t.value);
      for (const p of e.pairs) mapPut(ip, m, evalExpr(ip, p.key, f), evalExpr(ip, p.value, f));
      return m;
    }
    case "this":
      if (!f.self) throw new InternalError("this in static context");
      return f.self;
    case "super":
      throw new InternalError("super used as a value");
    case "classLit":
      return new TypeValue(e.type ? resolveType(ip, e.type, f.cls) : { k: "void" });
    case "soql":
      return ip.data.runQuery(ip, e.query, f, null);
    case "ctorCall":
      throw new InternalError("this()/super() outside the first statement of a constructor");
    case "unsupported":
      throw new UnsupportedError(e.feature, f.unit?.file ?? "?", e.line);
  }
}

function evalBinary(ip: Interpreter, e: Extract<Expr, { k: "binary" }>, f: Frame): Value {
  if (e.op === "&&") {
    const a = evalExpr(ip, e.left, f);
    if (a === null) ip.npe();
    if (!a) return false;
    const b = evalExpr(ip, e.right, f);
    if (b === null) ip.npe();
    return b;
  }
  if (e.op === "||") {
    const a = evalExpr(ip, e.left, f);
    if (a === null) ip.npe();
    if (a) return true;
    const b = evalExpr(ip, e.right, f);
    if (b === null) ip.npe();
    return b;
  }
  if (e.op === "??") {
    const a = evalExpr(ip, e.left, f);
    return a ?? evalExpr(ip, e.right, f);
  }
  return binaryOp(ip, e.op, evalExpr(ip, e.left, f), evalExpr(ip, e.right, f));
}

function evalAssign(ip: Interpreter, e: Extract<Expr, { k: "assign" }>, f: Frame): Value {
  let v: Value;
  if (e.op === "=") v = evalExpr(ip, e.value, f);
  else {
    const old = evalExpr(ip, e.target, f);
    const rhs = evalExpr(ip, e.value, f);
    const op = e.op.slice(0, -1) as "+";
    if (old === null && op !== "+") ip.npe();
    v = binaryOp(ip, op, old, rhs);
  }
  return assignTo(ip, e.target, v, f);
}

export function cast(ip: Interpreter, v: Value, t: RType): Value {
  if (v === null) return null;
  if (instanceOf(v, t)) return coerce(v, t, ip.fail);
  // (Id) of a String validates the text: StringException "Invalid id: …" (Apex Reference > Id Class)
  if (typeof v === "string" && t.k === "prim" && t.name.toLowerCase() === "id") return coerce(v, t, ip.fail);
  return ip.throwApex(
    "TypeException",
    `Invalid conversion from runtime type ${typeName(runtimeType(v))} to ${typeName(t)}`,
  );
}

// ---------------------------------------------------------------- names

/** Resolves a bare identifier: local variable, property backing field, member, outer static, then type. */
export function resolveName(ip: Interpreter, name: string, f: Frame): Ref | null {
  const lname = name.toLowerCase();
  const local = f.lookup(lname);
  if (local) return { v: local.v };
  if (f.accessor === lname) return { v: backingField(ip, f, lname).get() };
  for (let c = f.cls; c; c = c.outer) {
    const m = findMember(ip, c, lname);
    if (m && (m.isStatic || (c === f.cls && f.self)))
      return { v: readMember(ip, m, m.isStatic ? null : f.self, lname) };
  }
  const t = resolveTypeName(ip, [name], f.cls);
  return t ? { t } : null;
}

function resolveTypeName(ip: Interpreter, names: string[], ctx: ClassInfo | null): RType | null {
  const named = ip.reg.lookupName(names, ctx);
  if (named instanceof ClassInfo) return { k: "class", cls: named };
  if (named instanceof EnumInfo) return { k: "enum", info: named };
  const joined = names.join(".").toLowerCase();
  const so = ip.reg.sobjectNames.get(joined);
  if (so) return { k: "sobject", name: so };
  if (ip.natives.hasStaticClass(joined)) return { k: "native", name: joined };
  const nt = NATIVE_TYPES.get(joined);
  if (nt) return { k: "native", name: nt };
  if (
    joined === "system" ||
    joined === "schema" ||
    joined === "tandem" ||
    joined === "connectapi" ||
    joined === "cache"
  )
    return { k: "native", name: joined };
  return null;
}

/** Names that resolved to a type (not a variable or field), per AST node and class. */
const typeNameCache = new WeakMap<Expr, { cls: ClassInfo | null; t: RType }>();

function resolveRef(ip: Interpreter, e: Expr, f: Frame): Ref | typeof SHORT {
  if (e.k === "name") {
    const cached = typeNameCache.get(e);
    if (cached?.cls === f.cls && cached && !f.lookup(e.name.toLowerCase())) return { t: cached.t };
    const r = resolveName(ip, e.name, f);
    if (r && "t" in r) typeNameCache.set(e, { cls: f.cls, t: r.t });
    if (!r) throw new InternalError(`Variable does not exist: ${e.name} (line ${e.line})`);
    return r;
  }
  if (e.k === "dot") return resolveDot(ip, e, f);
  const v = evalChain(ip, e, f);
  return v === SHORT ? SHORT : { v };
}

function resolveDot(ip: Interpreter, e: Extract<Expr, { k: "dot" }>, f: Frame): Ref | typeof SHORT {
  const target = resolveRef(ip, e.target, f);
  if (target === SHORT) return SHORT;
  if ("v" in target) {
    if (target.v === null) {
      if (e.safe) return SHORT;
      ip.npe();
    }
    return { v: getProperty(ip, target.v, e.name) };
  }
  return staticDot(ip, target.t, e.name, f);
}

function staticDot(ip: Interpreter, t: RType, name: string, f: Frame): Ref {
  const lname = name.toLowerCase();
  if (t.k === "class") {
    const m = findMember(ip, t.cls, lname);
    if (m?.isStatic) return { v: readMember(ip, m, null, lname) };
    const inner = t.cls.inner.get(lname);
    if (inner instanceof ClassInfo) return { t: { k: "class", cls: inner } };
    if (inner instanceof EnumInfo) return { t: { k: "enum", info: inner } };
    throw new InternalError(`Variable does not exist: ${t.cls.fullName}.${name}`);
  }
  if (t.k === "enum") {
    const v = t.info.byName.get(lname);
    if (!v) throw new InternalError(`no enum constant ${t.info.fullName}.${name}`);
    return { v };
  }
  if (t.k === "sobject") return { v: ip.data.sobjectStatic(ip, t.name, name) };
  if (t.k === "native") {
    if (t.name.toLowerCase() === "sobjecttype" && ip.reg.sobjectNames.has(lname)) {
      return { v: ip.natives.getStatic("schema", "__sobjecttypeprop")!(ip, [name]) };
    }
    const g = ip.natives.getStaticProp(t.name, lname);
    if (g) return { v: g(ip) };
    const nested = resolveTypeName(ip, [t.name, name], f.cls) ?? resolveTypeName(ip, [name], f.cls);
    if (nested) return { t: nested };
    throw new InternalError(`Variable does not exist: ${t.name}.${name}`);
  }
  throw new InternalError(`static access on ${typeName(t)}`);
}

export function getProperty(ip: Interpreter, v: Value, name: string): Value {
  const lname = name.toLowerCase();
  if (v instanceof SObject) return ip.data.getField(ip, v, name);
  if (v instanceof ApexObject) {
    const m = findMember(ip, v.cls, lname);
    if (m) return readMember(ip, m, m.isStatic ? null : v, lname);
    throw new InternalError(`Variable does not exist: ${name} on ${v.cls.fullName}`);
  }
  if (v instanceof NativeObject) {
    if (v.state.bag instanceof Map) return (v.state.bag as Map<string, Value>).get(lname) ?? null;
    const g = ip.natives.getMethod(v.className.toLowerCase(), "prop:" + lname);
    if (g) return g(ip, v, []);
    const any = ip.natives.getMethod(v.className.toLowerCase(), "prop:*");
    if (any) return any(ip, v, [name]);
  }
  if (v instanceof ApexList && v.elemType.k === "sobject") return getProperty(ip, singleRow(ip, v), name);
  throw new InternalError(`Variable does not exist: ${name} on ${typeName(runtimeType(v))}`);
}

/** A SOQL result used where one SObject is expected: exactly one row or a QueryException. */
export function singleRow(ip: Interpreter, l: ApexList): SObject {
  if (l.items.length === 0) ip.throwApex("QueryException", "List has no rows for assignment to SObject");
  if (l.items.length > 1) ip.throwApex("QueryException", "List has more than 1 row for assignment to SObject");
  return l.items[0] as SObject;
}

function indexGet(ip: Interpreter, target: Value, idx: Value): Value {
  if (target === null) ip.npe();
  if (target instanceof ApexList) {
    const i = idx as number;
    if (idx === null) ip.npe();
    if (i < 0 || i >= target.items.length) ip.throwApex("ListException", `List index out of bounds: ${i}`);
    return target.items[i];
  }
  if (target instanceof ApexMap) return ip.natives.getMethod("map", "get")!(ip, target, [idx]);
  throw new InternalError("[] on a non-list");
}

// ---------------------------------------------------------------- assignment

export function assignTo(ip: Interpreter, target: Expr, v: Value, f: Frame): Value {
  if (target.k === "name") {
    const lname = target.name.toLowerCase();
    const local = f.lookup(lname);
    if (local) {
      local.v = coerce(v, local.t, ip.fail);
      return local.v;
    }
    if (f.accessor === lname) {
      backingField(ip, f, lname).set(v);
      return v;
    }
    for (let c = f.cls; c; c = c.outer) {
      const m = findMember(ip, c, lname);
      if (m && (m.isStatic || (c === f.cls && f.self))) {
        writeMember(ip, m, m.isStatic ? null : f.self, lname, v);
        return v;
      }
    }
    throw new InternalError(`Variable does not exist: ${target.name}`);
  }
  if (target.k === "dot") {
    const lname = target.name.toLowerCase();
    const obj = resolveRef(ip, target.target, f);
    if (obj === SHORT) ip.npe();
    if ("t" in obj) {
      if (obj.t.k === "class") {
        const m = findMember(ip, obj.t.cls, lname);
        if (m?.isStatic) {
          writeMember(ip, m, null, lname, v);
          return v;
        }
      }
      if (obj.t.k === "native") {
        const setter = ip.natives.getStatic(obj.t.name, "set:" + lname);
        if (setter) {
          setter(ip, [v]);
          return v;
        }
      }
      throw new InternalError(`cannot assign ${typeName(obj.t)}.${target.name}`);
    }
    const o = obj.v;
    if (o === null) ip.npe();
    if (o instanceof SObject) {
      ip.data.putField(ip, o, target.name, v);
      return v;
    }
    if (o instanceof ApexObject) {
      const m = findMember(ip, o.cls, lname);
      if (!m) throw new InternalError(`Variable does not exist: ${target.name}`);
      writeMember(ip, m, m.isStatic ? null : o, lname, v);
      return v;
    }
    if (o instanceof NativeObject) {
      if (o.state.bag instanceof Map) {
        (o.state.bag as Map<string, Value>).set(lname, v);
        return v;
      }
      const s = ip.natives.getMethod(o.className.toLowerCase(), "set:" + lname);
      if (s) {
        s(ip, o, [v]);
        return v;
      }
      const any = ip.natives.getMethod(o.className.toLowerCase(), "set:*");
      if (any) {
        any(ip, o, [target.name, v]);
        return v;
      }
    }
    throw new InternalError(`cannot assign field ${target.name}`);
  }
  if (target.k === "index") {
    const list = evalExpr(ip, target.target, f);
    const idx = evalExpr(ip, target.index, f);
    if (list === null || idx === null) ip.npe();
    if (list instanceof ApexList) {
      const i = idx as number;
      if (i < 0 || i >= list.items.length) ip.throwApex("ListException", `List index out of bounds: ${i}`);
      list.items[i] = coerce(v, list.elemType, ip.fail);
      return v;
    }
    if (list instanceof ApexMap) {
      mapPut(ip, list, idx, v);
      return v;
    }
  }
  throw new InternalError("invalid assignment target");
}

// ---------------------------------------------------------------- calls

function valueKind(v: Value): string {
  switch (typeof v) {
    case "string":
      return "string";
    case "number":
      return "integer";
    case "bigint":
      return "long";
    case "boolean":
      return "boolean";
  }
  if (v instanceof Decimal) return "decimal";
  if (v instanceof ApexDouble) return "double";
  if (v instanceof ApexId) return "id";
  if (v instanceof ApexList) return "list";
  if (v instanceof ApexMap) return "map";
  if (v instanceof ApexSet) return "set";
  if (v instanceof SObject) return "sobject";
  if (v instanceof ApexDate) return "date";
  if (v instanceof ApexDatetime) return "datetime";
  if (v instanceof ApexTime) return "time";
  if (v instanceof Blob) return "blob";
  if (v instanceof EnumValue) return "enum";
  if (v instanceof TypeValue) return "type";
  if (v instanceof NativeObject) return v.className.toLowerCase();
  return "object";
}

export function callValueMethod(ip: Interpreter, v: Value, name: string, args: Value[]): Value {
  if (v === null) return ip.npe();
  const lname = name.toLowerCase();
  if (v instanceof ApexObject) {
    const r = callObjectMethod(ip, v, lname, args);
    if (r !== undefined) return r;
    if (v.cls.isException) {
      const nf = ip.natives.getMethod("exception", lname);
      if (nf) return nf(ip, v, args);
    }
    const of = ip.natives.getMethod("object", lname);
    if (of) return of(ip, v, args);
    throw new InternalError(`Method does not exist: ${v.cls.fullName}.${name}(${args.length} args)`);
  }
  const kind = valueKind(v);
  const fn =
    ip.natives.getMethod(kind, lname) ??
    (kind === "id" ? ip.natives.getMethod("string", lname) : undefined) ??
    ip.natives.getMethod("object", lname);
  if (!fn) throw new InternalError(`Method does not exist: ${kind}.${name}(${args.length} args)`);
  return fn(ip, kind === "id" && !ip.natives.getMethod("id", lname) ? (v as ApexId).value : v, args);
}

function callStatic(ip: Interpreter, t: RType, name: string, args: Value[], f: Frame): Value {
  const lname = name.toLowerCase();
  if (t.k === "class") {
    const m = selectOverload(ip, methodsOf(t.cls, lname, true), args);
    if (m) {
      ensureStaticInit(ip, m.owner);
      return invokeMethod(ip, m.owner, m.decl as MethodDecl, null, args);
    }
    throw new InternalError(`Method does not exist: ${t.cls.fullName}.${name}`);
  }
  if (t.k === "enum") {
    if (lname === "values") return new ApexList({ k: "enum", info: t.info }, [...t.info.values]);
    if (lname === "valueof") {
      const v = t.info.byName.get(asText(args[0]).toLowerCase());
      return v ?? null;
    }
  }
  if (t.k === "native") {
    const fn = ip.natives.getStatic(t.name, lname);
    if (fn) return fn(ip, args);
  }
  if (t.k === "prim") {
    const fn = ip.natives.getStatic(t.name, lname);
    if (fn) return fn(ip, args);
  }
  if (t.k === "sobject") {
    const fn = ip.natives.getStatic("sobjectstatic", lname);
    if (fn) return fn(ip, [t.name, ...args]);
  }
  throw new InternalError(`Method does not exist: ${typeName(t)}.${name}(${args.length} args) (line ${f.line})`);
}

function evalCall(ip: Interpreter, e: Extract<Expr, { k: "call" }>, f: Frame): Chain {
  const lname = e.name.toLowerCase();
  if (e.target === null) {
    const args = evalArgs(ip, e.args, f);
    for (let c = f.cls; c; c = c.outer) {
      const cands: Callable[] = methodsOf(c, lname, c !== f.cls || !f.self);
      const m = selectOverload(ip, cands, args);
      if (m) {
        const decl = m.decl as MethodDecl;
        if (decl.mods.isStatic) {
          ensureStaticInit(ip, m.owner);
          return invokeMethod(ip, m.owner, decl, null, args);
        }
        // virtual dispatch on this
        return callObjectMethod(ip, f.self!, lname, args) ?? null;
      }
    }
    throw new InternalError(`Method does not exist: ${e.name}(${args.length} args) (line ${e.line})`);
  }
  if (e.target.k === "super") {
    const args = evalArgs(ip, e.args, f);
    const sup = f.cls?.superclass;
    if (!sup || !f.self) throw new InternalError("super call without superclass");
    if (sup.builtin) return callValueMethodFromException(ip, f.self, lname, args);
    const r = callObjectMethod(ip, f.self, lname, args, sup);
    if (r === undefined) return callValueMethodFromException(ip, f.self, lname, args);
    return r;
  }
  const target = resolveRef(ip, e.target, f);
  if (target === SHORT) return SHORT;
  if ("v" in target) {
    if (target.v === null && e.safe) return SHORT;
    const args = evalArgs(ip, e.args, f);
    return callValueMethod(ip, target.v, e.name, args);
  }
  const args = evalArgs(ip, e.args, f);
  return callStatic(ip, target.t, e.name, args, f);
}

function callValueMethodFromException(ip: Interpreter, self: ApexObject, lname: string, args: Value[]): Value {
  const nf = ip.natives.getMethod("exception", lname) ?? ip.natives.getMethod("object", lname);
  if (!nf) throw new InternalError(`super.${lname} does not exist`);
  return nf(ip, self, args);
}

function evalNew(ip: Interpreter, e: Extract<Expr, { k: "new" }>, f: Frame): Value {
  const t = resolveType(ip, e.type, f.cls);
  const args = evalArgs(ip, e.args, f);
  switch (t.k) {
    case "class":
      return construct(ip, t.cls, args, e.line);
    case "list": {
      if (args.length === 0) return new ApexList(t.elem);
      if (typeof args[0] === "number") return new ApexList(t.elem);
      return listFrom(ip, t.elem, iterate(ip, args[0]));
    }
    case "set": {
      const s = new ApexSet(t.elem);
      if (args.length > 0) for (const i of iterate(ip, args[0])) setAdd(ip, s, i);
      return s;
    }
    case "map": {
      const m = new ApexMap(t.key, t.value);
      const src = args[0];
      if (src instanceof ApexMap) for (const en of src.map.values()) mapPut(ip, m, en.key, en.value);
      else if (src instanceof ApexList) {
        for (const so of src.items) {
          if (!(so instanceof SObject)) throw new InternalError("Map constructor needs SObjects");
          mapPut(ip, m, ip.data.getField(ip, so, "Id"), so);
        }
      } else if (src === null && args.length > 0) ip.npe();
      return m;
    }
    case "sobject": {
      const so = ip.data.newSObject(ip, t.name);
      return so;
    }
    case "native": {
      const c = ip.natives.getCtor(t.name);
      if (!c && t.name.startsWith("ConnectApi.")) return new NativeObject(t.name, { bag: new Map<string, Value>() });
      if (!c) throw new InternalError(`no constructor for ${t.name}`);
      return c(ip, args);
    }
    default:
      throw new InternalError(`cannot construct ${typeName(t)}`);
  }
}

export { equals, toNumber, OBJECT, iterate };
