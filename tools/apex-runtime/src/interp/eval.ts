/**
 * Expression evaluation, including Apex name resolution (variable → field → type) and safe navigation.
 * Each expression node is compiled once into a closure (cached per node): names are lower-cased, literals
 * parsed, operators and node kinds dispatched at compile time, and call sites keep small inline caches
 * (member, method candidates, native function, resolved type) keyed by what they depend on (class, registry,
 * receiver kind). A tree-walking `switch` over the AST paid all of that again on every evaluation.
 */
import { asText } from "./text";
import type { BinaryOp, Expr, TypeRef } from "../frontend/ast";
import * as decimalModule from "./decimal";
import { InternalError, UnsupportedError } from "./errors";
import type { Frame } from "./frame";
import type { Interpreter } from "./interpreter";
import type { Natives, InstanceFn } from "./natives";
import type { Registry } from "./registry";
import * as invoke from "./invoke";
import type { Callable, Member } from "./invoke";
import * as ops from "./ops";
import * as runtimeTypes from "./runtime-types";
import * as types from "./types";
import type { RType } from "./types";
import { NATIVE_TYPES } from "./registry";
import * as values from "./values";
import type { Value } from "./values";
import * as collections from "./collections";
import type { MethodDecl } from "../frontend/ast";

// tsx runs this as CommonJS, where every use of an imported name calls esbuild's re-export getter (one
// shared `from[key]` closure, megamorphic): the hot paths read their imports once, as module constants.
const {
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
  settledStatics,
  writeMember,
} = invoke;
const { binaryOp, equals, toNumber } = ops;
const { coerce, instanceOf, runtimeType } = runtimeTypes;
const { ClassInfo, EnumInfo, OBJECT, typeName } = types;
const {
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
} = values;
const { iterate, listFrom, mapGet, mapPut, setAdd } = collections;
const { Decimal } = decimalModule;
type ClassInfo = types.ClassInfo;
type Decimal = decimalModule.Decimal;
type ApexId = values.ApexId;
type ApexList = values.ApexList;
type ApexObject = values.ApexObject;
type SObject = values.SObject;

/** Marks a safe-navigation chain that hit null: the rest of the chain is skipped and the chain yields null. */
const SHORT = Symbol("short-circuit");
type Chain = Value | typeof SHORT;

/** A name or dotted name that denotes a type; never a Value, so `instanceof TypeHit` tells the two apart. */
class TypeHit {
  constructor(readonly t: RType) {}
}
type RefResult = Value | TypeHit | typeof SHORT;

export type EvalFn = (ip: Interpreter, f: Frame) => Value;
type ChainFn = (ip: Interpreter, f: Frame) => Chain;
type RefFn = (ip: Interpreter, f: Frame) => RefResult;
type AssignFn = (ip: Interpreter, f: Frame, v: Value) => Value;

const lowered = new Map<string, string>();

/** Lower-cased name, one string per spelling, so frame lookups mostly compare identical strings. */
export function lower(name: string): string {
  let l = lowered.get(name);
  if (l === undefined) {
    l = name.toLowerCase();
    const same = lowered.get(l);
    if (same !== undefined) l = same;
    else lowered.set(l, l);
    lowered.set(name, l);
  }
  return l;
}

// ---------------------------------------------------------------- entry points

const valueFns = new WeakMap<Expr, EvalFn>();
const chainFns = new WeakMap<Expr, ChainFn>();
const refFns = new WeakMap<Expr, RefFn>();
const assignFns = new WeakMap<Expr, AssignFn>();

/** The compiled form of an expression (its value; a short-circuited safe navigation yields null). */
export function compileExpr(e: Expr): EvalFn {
  let fn = valueFns.get(e);
  if (fn === undefined) {
    const chain = compileChain(e);
    fn = canShort(e)
      ? (ip, f) => {
          const v = chain(ip, f);
          return v === SHORT ? null : v;
        }
      : (chain as EvalFn);
    valueFns.set(e, fn);
  }
  return fn;
}

export function compileAll(es: Expr[]): EvalFn[] {
  return es.map(compileExpr);
}

export function evalExpr(ip: Interpreter, e: Expr, f: Frame): Value {
  return compileExpr(e)(ip, f);
}

export function evalArgs(ip: Interpreter, args: Expr[], f: Frame, fns: EvalFn[] = compileAll(args)): Value[] {
  const out = new Array<Value>(args.length);
  for (let i = 0; i < args.length; i++) out[i] = fns[i](ip, f);
  return out;
}

export function assignTo(ip: Interpreter, target: Expr, v: Value, f: Frame): Value {
  return compileAssign(target)(ip, f, v);
}

/** Can the chain yield SHORT: is there a `?.` in it (member access, calls and indexing pass it on)? */
function canShort(e: Expr): boolean {
  switch (e.k) {
    case "dot":
      return e.safe || canShort(e.target);
    case "call":
      return e.safe || (e.target !== null && canShort(e.target));
    case "index":
      return canShort(e.target);
    default:
      return false;
  }
}

function compileChain(e: Expr): ChainFn {
  let fn = chainFns.get(e);
  if (fn === undefined) chainFns.set(e, (fn = buildChain(e)));
  return fn;
}

function compileRef(e: Expr): RefFn {
  let fn = refFns.get(e);
  if (fn === undefined) {
    if (e.k === "name") fn = nameRef(e);
    else if (e.k === "dot") fn = dotRef(e);
    else fn = compileChain(e);
    refFns.set(e, fn);
  }
  return fn;
}

function compileAssign(e: Expr): AssignFn {
  let fn = assignFns.get(e);
  if (fn === undefined) assignFns.set(e, (fn = buildAssign(e)));
  return fn;
}

/** A type reference resolved in the frame's class, cached for the last (registry, class) it was resolved in. */
export function typeOf(ref: TypeRef): (ip: Interpreter, ctx: ClassInfo | null) => RType {
  let reg: Registry | null = null;
  let cls: ClassInfo | null = null;
  let t: RType | null = null;
  return (ip, ctx) => {
    if (t !== null && reg === ip.reg && cls === ctx) return t;
    const r = resolveType(ip, ref, ctx);
    reg = ip.reg;
    cls = ctx;
    t = r;
    return r;
  };
}

// ---------------------------------------------------------------- compilation

function literal(e: Extract<Expr, { k: "lit" }>): ChainFn {
  switch (e.type) {
    case "Integer": {
      const n = Number(e.text);
      // as the Apex compiler: the literal's magnitude must fit before any minus sign applies
      if (Math.abs(n) > 2147483647)
        return () => {
          throw new InternalError(`Illegal integer ${e.text}`);
        };
      return () => n;
    }
    case "String": {
      const s = e.text;
      return () => s;
    }
    case "Boolean": {
      const b = e.text === "true";
      return () => b;
    }
    case "Null":
      return () => null;
    case "Long": {
      let b: bigint | null = null;
      return () => {
        if (b === null) {
          const n = BigInt(e.text);
          if ((n < 0n ? -n : n) > 9223372036854775807n) throw new InternalError(`Illegal long ${e.text}`);
          b = n;
        }
        return b;
      };
    }
    case "Double": {
      const n = Number(e.text);
      return () => new ApexDouble(n);
    }
    case "Decimal": {
      // Decimals are immutable: one value per literal
      let d: Decimal | null = null;
      return () => (d ??= Decimal.parse(e.text));
    }
  }
}

function buildChain(e: Expr): ChainFn {
  switch (e.k) {
    case "lit":
      return literal(e);
    case "name":
      return nameValue(e);
    case "dot": {
      const ref = compileRef(e);
      return (ip, f) => {
        const r = ref(ip, f);
        if (r instanceof TypeHit) throw new InternalError(`Variable does not exist: ${e.name} (line ${e.line})`);
        return r;
      };
    }
    case "call":
      return compileCall(e);
    case "index": {
      const target = compileChain(e.target);
      const index = compileExpr(e.index);
      return (ip, f) => {
        const t = target(ip, f);
        if (t === SHORT) return SHORT;
        return indexGet(ip, t, index(ip, f));
      };
    }
    case "binary":
      return compileBinary(e);
    case "assign":
      return compileAssignExpr(e);
    case "unary":
      return compileUnary(e);
    case "incdec": {
      const get = compileExpr(e.target);
      const set = compileAssign(e.target);
      const op = e.op === "++" ? "+" : "-";
      const step = e.op === "++" ? 1 : -1;
      const prefix = e.prefix;
      const local = e.target.k === "name" ? lower(e.target.name) : null;
      return (ip, f) => {
        if (local !== null) {
          // an Integer local: the same as reading, adding with 32-bit wrap-around and assigning it
          const i = f.find(local);
          const old = i >= 0 ? f.vals[i] : null;
          if (typeof old === "number") {
            const nv = (old + step) | 0;
            f.vals[i] = coerce(nv, f.types[i], ip.fail);
            return prefix ? nv : old;
          }
        }
        const old = get(ip, f);
        if (old === null) ip.npe();
        const nv = binaryOp(ip, op, old, typeof old === "bigint" ? 1n : 1);
        set(ip, f, nv);
        return prefix ? nv : old;
      };
    }
    case "cond": {
      const test = compileExpr(e.test);
      const then = compileExpr(e.then);
      const other = compileExpr(e.else);
      return (ip, f) => {
        const t = test(ip, f);
        if (t === null) ip.npe();
        return t ? then(ip, f) : other(ip, f);
      };
    }
    case "instanceof": {
      const v = compileExpr(e.expr);
      const type = typeOf(e.type);
      return (ip, f) => {
        const x = v(ip, f);
        return instanceOf(x, type(ip, f.cls));
      };
    }
    case "cast": {
      const v = compileExpr(e.expr);
      const type = typeOf(e.type);
      return (ip, f) => {
        const x = v(ip, f);
        return cast(ip, x, type(ip, f.cls));
      };
    }
    case "new":
      return compileNew(e);
    case "newSObject": {
      const type = typeOf(e.type);
      const pairs = e.pairs.map((p) => ({ field: p.field, value: compileExpr(p.value) }));
      return (ip, f) => {
        const t = type(ip, f.cls);
        if (t.k !== "sobject") throw new InternalError(`name=value constructor on non-SObject ${typeName(t)}`);
        const so = ip.data.newSObject(ip, t.name);
        for (const p of pairs) ip.data.putField(ip, so, p.field, p.value(ip, f));
        return so;
      };
    }
    case "newArray": {
      const type = typeOf(e.type);
      const items = e.items;
      const itemFns = items ? compileAll(items) : null;
      const size = e.size ? compileExpr(e.size) : null;
      return (ip, f) => {
        const t = type(ip, f.cls);
        if (items) return listFrom(ip, t, evalArgs(ip, items, f, itemFns!));
        const n = size ? (size(ip, f) as number) : 0;
        return new ApexList(t, new Array<Value>(n).fill(null));
      };
    }
    case "newCollection": {
      const type = typeOf(e.type);
      const items = e.items;
      const itemFns = compileAll(items);
      return (ip, f) => {
        const t = type(ip, f.cls);
        const vals = evalArgs(ip, items, f, itemFns);
        if (t.k === "list") return listFrom(ip, t.elem, vals);
        if (t.k === "set") {
          const s = new ApexSet(t.elem);
          for (const i of vals) setAdd(ip, s, i);
          return s;
        }
        if (t.k === "map") return new ApexMap(t.key, t.value);
        if (t.k === "sobject") return ip.data.newSObject(ip, t.name);
        if (t.k === "class" && vals.length === 0) return construct(ip, t.cls, [], e.line, e);
        throw new InternalError(`initializer on ${typeName(t)}`);
      };
    }
    case "newMap": {
      const type = typeOf(e.type);
      const pairs = e.pairs.map((p) => ({ key: compileExpr(p.key), value: compileExpr(p.value) }));
      return (ip, f) => {
        const t = type(ip, f.cls);
        if (t.k !== "map") throw new InternalError("map initializer on non-map");
        const m = new ApexMap(t.key, t.value);
        for (const p of pairs) {
          const k = p.key(ip, f);
          mapPut(ip, m, k, p.value(ip, f));
        }
        return m;
      };
    }
    case "this":
      return (_ip, f) => {
        if (!f.self) throw new InternalError("this in static context");
        return f.self;
      };
    case "super":
      return () => {
        throw new InternalError("super used as a value");
      };
    case "classLit": {
      const type = e.type ? typeOf(e.type) : null;
      return (ip, f) => new TypeValue(type ? type(ip, f.cls) : { k: "void" });
    }
    case "soql": {
      const q = e.query;
      return (ip, f) => ip.data.runQuery(ip, q, f, null);
    }
    case "ctorCall":
      return () => {
        throw new InternalError("this()/super() outside the first statement of a constructor");
      };
    case "unsupported":
      return (_ip, f) => {
        throw new UnsupportedError(e.feature, f.unit?.file ?? "?", e.line);
      };
  }
}

function compileUnary(e: Extract<Expr, { k: "unary" }>): ChainFn {
  const v = compileExpr(e.expr);
  switch (e.op) {
    case "!":
      return (ip, f) => {
        const x = v(ip, f);
        if (x === null) ip.npe();
        return !x;
      };
    case "+":
      return (ip, f) => {
        const x = v(ip, f);
        if (x === null) ip.npe();
        return x;
      };
    case "~":
      return (ip, f) => {
        const x = v(ip, f);
        if (x === null) ip.npe();
        return typeof x === "bigint" ? ~x : ~(x as number);
      };
    case "-":
      return (ip, f) => {
        const x = v(ip, f);
        if (x === null) ip.npe();
        return binaryOp(
          ip,
          "-",
          typeof x === "bigint"
            ? 0n
            : x instanceof Decimal
              ? Decimal.fromInt(0)
              : x instanceof ApexDouble
                ? new ApexDouble(0)
                : 0,
          x,
        );
      };
  }
}

function compileBinary(e: Extract<Expr, { k: "binary" }>): ChainFn {
  const left = compileExpr(e.left);
  const right = compileExpr(e.right);
  const op = e.op;
  switch (op) {
    case "&&":
      return (ip, f) => {
        const a = left(ip, f);
        if (a === null) ip.npe();
        if (!a) return false;
        const b = right(ip, f);
        if (b === null) ip.npe();
        return b;
      };
    case "||":
      return (ip, f) => {
        const a = left(ip, f);
        if (a === null) ip.npe();
        if (a) return true;
        const b = right(ip, f);
        if (b === null) ip.npe();
        return b;
      };
    case "??":
      return (ip, f) => left(ip, f) ?? right(ip, f);
  }
  const fast = intFastPath(op);
  if (fast)
    return (ip, f) => {
      const a = left(ip, f);
      const b = right(ip, f);
      // two Integers: the same result binaryOp computes (ops.ts), without its dispatch
      if (typeof a === "number" && typeof b === "number") return fast(a, b);
      return binaryOp(ip, op, a, b);
    };
  return (ip, f) => {
    const a = left(ip, f);
    return binaryOp(ip, op, a, right(ip, f));
  };
}

/** Integer-only forms of the operators whose Integer result needs no check (no division, no shifts). */
function intFastPath(op: BinaryOp): ((a: number, b: number) => Value) | null {
  switch (op) {
    case "+":
      return (a, b) => (a + b) | 0;
    case "-":
      return (a, b) => (a - b) | 0;
    case "*":
      return (a, b) => Math.imul(a, b);
    case "<":
      return (a, b) => a < b;
    case ">":
      return (a, b) => a > b;
    case "<=":
      return (a, b) => a <= b;
    case ">=":
      return (a, b) => a >= b;
    case "==":
    case "===":
      return (a, b) => a === b;
    case "!=":
    case "!==":
      return (a, b) => a !== b;
    default:
      return null;
  }
}

function compileAssignExpr(e: Extract<Expr, { k: "assign" }>): ChainFn {
  const value = compileExpr(e.value);
  const set = compileAssign(e.target);
  if (e.op === "=") return (ip, f) => set(ip, f, value(ip, f));
  const get = compileExpr(e.target);
  const op = e.op.slice(0, -1) as BinaryOp;
  const fast = intFastPath(op);
  const local = e.target.k === "name" ? lower(e.target.name) : null;
  return (ip, f) => {
    if (local !== null) {
      // a local variable: read, combine and assign its slot (evaluating the value cannot declare variables)
      const i = f.find(local);
      if (i >= 0) {
        const old = f.vals[i];
        const rhs = value(ip, f);
        if (old === null && op !== "+") ip.npe();
        const nv =
          fast !== null && typeof old === "number" && typeof rhs === "number"
            ? fast(old, rhs)
            : binaryOp(ip, op, old, rhs);
        return (f.vals[i] = coerce(nv, f.types[i], ip.fail));
      }
    }
    const old = get(ip, f);
    const rhs = value(ip, f);
    if (old === null && op !== "+") ip.npe();
    return set(ip, f, binaryOp(ip, op, old, rhs));
  };
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

const NOT_FOUND = Symbol("not-found");

/** A bare name that is not a local variable: property backing field, member, outer static; NOT_FOUND else. */
function nonLocal(ip: Interpreter, f: Frame, lname: string): Value | typeof NOT_FOUND {
  if (f.accessor === lname) return backingField(ip, f, lname).get();
  for (let c = f.cls; c; c = c.outer) {
    const m = findMember(ip, c, lname);
    if (m && (m.isStatic || (c === f.cls && f.self))) return readMember(ip, m, m.isStatic ? null : f.self, lname);
  }
  return NOT_FOUND;
}

/**
 * The member a bare name resolves to from cls when no local variable has the name, if it is a plain field
 * (or a property without a getter body) found first along cls and its outers and readable in any frame of cls:
 * a static one, or an instance one of cls itself (read in an instance frame). Null when resolution must run
 * in full each time (properties with getters, instance members of outer classes, no member).
 */
function plainField(ip: Interpreter, cls: ClassInfo | null, lname: string): Member | null {
  for (let c = cls; c; c = c.outer) {
    const m = findMember(ip, c, lname);
    if (!m) continue;
    if (m.k === "prop" && m.prop.getter?.body) return null;
    return m.isStatic || c === cls ? m : null;
  }
  return null;
}

/** Reads a bare name that is not a local variable, with what it resolves to cached (see plainField). */
function nonLocalReader(lname: string): (ip: Interpreter, f: Frame) => Value | typeof NOT_FOUND {
  // what the name resolves to for the last class seen, and the statics of the last transaction seen
  let cls: ClassInfo | null | undefined = undefined;
  let field: Member | null = null;
  let tx: Interpreter["tx"] | null = null;
  let statics: Map<string, Value> | null = null;
  return (ip, f) => {
    if (f.accessor !== lname) {
      if (cls !== f.cls) {
        field = plainField(ip, f.cls, lname);
        cls = f.cls;
        tx = null;
      }
      if (field !== null) {
        if (field.isStatic) {
          if (tx !== ip.tx) {
            statics = settledStatics(ip, field.owner);
            tx = statics && ip.tx;
          }
          if (statics !== null) return statics.get(lname) ?? null;
        } else if (f.self) return f.self.fields.get(lname) ?? null;
      }
    }
    return nonLocal(ip, f, lname);
  };
}

function nameValue(e: Extract<Expr, { k: "name" }>): ChainFn {
  const lname = lower(e.name);
  const rest = nonLocalReader(lname);
  return (ip, f) => {
    const i = f.find(lname);
    if (i >= 0) return f.vals[i];
    const v = rest(ip, f);
    if (v !== NOT_FOUND) return v;
    throw new InternalError(`Variable does not exist: ${e.name} (line ${e.line})`);
  };
}

/** A bare name as the target of `.`: also a type (for static access), cached per class and registry. */
function nameRef(e: Extract<Expr, { k: "name" }>): RefFn {
  const lname = lower(e.name);
  const rest = nonLocalReader(lname);
  let reg: Registry | null = null;
  let cls: ClassInfo | null = null;
  let hit: TypeHit | null = null;
  return (ip, f) => {
    const i = f.find(lname);
    if (i >= 0) return f.vals[i];
    // a name that resolved to a type stays one: the members of a class do not change
    if (hit !== null && reg === ip.reg && cls === f.cls) return hit;
    const v = rest(ip, f);
    if (v !== NOT_FOUND) return v;
    const t = resolveTypeName(ip, [e.name], f.cls);
    if (!t) throw new InternalError(`Variable does not exist: ${e.name} (line ${e.line})`);
    reg = ip.reg;
    cls = f.cls;
    return (hit = new TypeHit(t));
  };
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

function dotRef(e: Extract<Expr, { k: "dot" }>): RefFn {
  const target = compileRef(e.target);
  const name = e.name;
  const lname = lower(name);
  const prop = propertyReader(name, lname);
  // static access whose result is a type (Outer.Inner, Schema.Account) is the same for the same target type
  let typeIn: TypeHit | null = null;
  let typeOut: TypeHit | null = null;
  // Class.FIELD for a plain static field: read from the statics of the last transaction seen
  let fieldIn: TypeHit | null = null;
  let field: Member | null = null;
  let tx: Interpreter["tx"] | null = null;
  let statics: Map<string, Value> | null = null;
  return (ip, f) => {
    const t = target(ip, f);
    if (t === SHORT) return SHORT;
    if (t instanceof TypeHit) {
      if (t === typeIn) return typeOut!;
      if (t !== fieldIn && t.t.k === "class") {
        const m = findMember(ip, t.t.cls, lname);
        field = m?.isStatic && !(m.k === "prop" && m.prop.getter?.body) ? m : null;
        fieldIn = t;
        tx = null;
      }
      if (t === fieldIn && field !== null) {
        if (tx !== ip.tx) {
          statics = settledStatics(ip, field.owner);
          tx = statics && ip.tx;
        }
        if (statics !== null) return statics.get(lname) ?? null;
      }
      const r = staticDot(ip, t.t, name, lname, f);
      if (r instanceof TypeHit) {
        typeIn = t;
        typeOut = r;
      }
      return r;
    }
    if (t === null) {
      if (e.safe) return SHORT;
      ip.npe();
    }
    return prop(ip, t);
  };
}

function staticDot(ip: Interpreter, t: RType, name: string, lname: string, f: Frame): Value | TypeHit {
  if (t.k === "class") {
    const m = findMember(ip, t.cls, lname);
    if (m?.isStatic) return readMember(ip, m, null, lname);
    const inner = t.cls.inner.get(lname);
    if (inner instanceof ClassInfo) return new TypeHit({ k: "class", cls: inner });
    if (inner instanceof EnumInfo) return new TypeHit({ k: "enum", info: inner });
    throw new InternalError(`Variable does not exist: ${t.cls.fullName}.${name}`);
  }
  if (t.k === "enum") {
    const v = t.info.byName.get(lname);
    if (!v) throw new InternalError(`no enum constant ${t.info.fullName}.${name}`);
    return v;
  }
  if (t.k === "sobject") return ip.data.sobjectStatic(ip, t.name, name);
  if (t.k === "native") {
    if (t.name.toLowerCase() === "sobjecttype" && ip.reg.sobjectNames.has(lname)) {
      return ip.natives.getStatic("schema", "__sobjecttypeprop")!(ip, [name]);
    }
    const g = ip.natives.getStaticProp(t.name, lname);
    if (g) return g(ip);
    const nested = resolveTypeName(ip, [t.name, name], f.cls) ?? resolveTypeName(ip, [name], f.cls);
    if (nested) return new TypeHit(nested);
    throw new InternalError(`Variable does not exist: ${t.name}.${name}`);
  }
  throw new InternalError(`static access on ${typeName(t)}`);
}

/** Reads `value.name`, with the member of the last Apex class seen cached. */
function propertyReader(name: string, lname: string): (ip: Interpreter, v: Value) => Value {
  let cls: ClassInfo | null = null;
  let member: Member | null = null;
  return (ip, v) => {
    if (v instanceof SObject) return ip.data.getField(ip, v, name);
    if (v instanceof ApexObject) {
      if (v.cls !== cls) {
        member = findMember(ip, v.cls, lname);
        cls = v.cls;
      }
      const m = member;
      if (m) return readMember(ip, m, m.isStatic ? null : v, lname);
      throw new InternalError(`Variable does not exist: ${name} on ${v.cls.fullName}`);
    }
    return otherProperty(ip, v, name, lname);
  };
}

function getProperty(ip: Interpreter, v: Value, name: string): Value {
  const lname = lower(name);
  if (v instanceof SObject) return ip.data.getField(ip, v, name);
  if (v instanceof ApexObject) {
    const m = findMember(ip, v.cls, lname);
    if (m) return readMember(ip, m, m.isStatic ? null : v, lname);
    throw new InternalError(`Variable does not exist: ${name} on ${v.cls.fullName}`);
  }
  return otherProperty(ip, v, name, lname);
}

function otherProperty(ip: Interpreter, v: Value, name: string, lname: string): Value {
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
function singleRow(ip: Interpreter, l: ApexList): SObject {
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
  if (target instanceof ApexMap) return mapGet(ip, target, idx);
  throw new InternalError("[] on a non-list");
}

// ---------------------------------------------------------------- assignment

function buildAssign(target: Expr): AssignFn {
  if (target.k === "name") {
    const lname = lower(target.name);
    return (ip, f, v) => {
      const i = f.find(lname);
      if (i >= 0) return (f.vals[i] = coerce(v, f.types[i], ip.fail));
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
    };
  }
  if (target.k === "dot") {
    const name = target.name;
    const lname = lower(name);
    const obj = compileRef(target.target);
    let cls: ClassInfo | null = null;
    let member: Member | null = null;
    return (ip, f, v) => {
      const o = obj(ip, f);
      if (o === SHORT) ip.npe();
      if (o instanceof TypeHit) {
        const t = o.t;
        if (t.k === "class") {
          const m = findMember(ip, t.cls, lname);
          if (m?.isStatic) {
            writeMember(ip, m, null, lname, v);
            return v;
          }
        }
        if (t.k === "native") {
          const setter = ip.natives.getStatic(t.name, "set:" + lname);
          if (setter) {
            setter(ip, [v]);
            return v;
          }
        }
        throw new InternalError(`cannot assign ${typeName(t)}.${name}`);
      }
      if (o === null) ip.npe();
      if (o instanceof SObject) {
        ip.data.putField(ip, o, name, v);
        return v;
      }
      if (o instanceof ApexObject) {
        if (o.cls !== cls) {
          member = findMember(ip, o.cls, lname);
          cls = o.cls;
        }
        const m = member;
        if (!m) throw new InternalError(`Variable does not exist: ${name}`);
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
          any(ip, o, [name, v]);
          return v;
        }
      }
      throw new InternalError(`cannot assign field ${name}`);
    };
  }
  if (target.k === "index") {
    const listFn = compileExpr(target.target);
    const indexFn = compileExpr(target.index);
    return (ip, f, v) => {
      const list = listFn(ip, f);
      const idx = indexFn(ip, f);
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
      throw new InternalError("invalid assignment target");
    };
  }
  return () => {
    throw new InternalError("invalid assignment target");
  };
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
  // the usual receivers first (the classes are disjoint, so the order changes nothing else)
  if (v instanceof ApexList) return "list";
  if (v instanceof ApexMap) return "map";
  if (v instanceof SObject) return "sobject";
  if (v instanceof ApexSet) return "set";
  if (v instanceof ApexId) return "id";
  if (v instanceof Decimal) return "decimal";
  if (v instanceof ApexDouble) return "double";
  if (v instanceof ApexDate) return "date";
  if (v instanceof ApexDatetime) return "datetime";
  if (v instanceof ApexTime) return "time";
  if (v instanceof Blob) return "blob";
  if (v instanceof EnumValue) return "enum";
  if (v instanceof TypeValue) return "type";
  if (v instanceof NativeObject) return v.className.toLowerCase();
  return "object";
}

/** The library method for a receiver kind; `unwrapId` when an Id receiver is handled as its String. */
interface NativeTarget {
  fn: InstanceFn<Value>;
  unwrapId: boolean;
}

function nativeTarget(natives: Natives, kind: string, lname: string): NativeTarget | null {
  const fn =
    natives.getMethod(kind, lname) ??
    (kind === "id" ? natives.getMethod("string", lname) : undefined) ??
    natives.getMethod("object", lname);
  if (!fn) return null;
  return { fn, unwrapId: kind === "id" && !natives.getMethod("id", lname) };
}

function objectMethod(
  ip: Interpreter,
  v: ApexObject,
  name: string,
  lname: string,
  args: Value[],
  site: Expr | null,
): Value {
  const r = callObjectMethod(ip, v, lname, args, undefined, site);
  if (r !== undefined) return r;
  if (v.cls.isException) {
    const nf = ip.natives.getMethod("exception", lname);
    if (nf) return nf(ip, v, args);
  }
  const of = ip.natives.getMethod("object", lname);
  if (of) return of(ip, v, args);
  throw new InternalError(`Method does not exist: ${v.cls.fullName}.${name}(${args.length} args)`);
}

/** `value.name(args)` with the library method of the last receiver kind cached. */
function valueMethodCaller(site: Extract<Expr, { k: "call" }>): (ip: Interpreter, v: Value, args: Value[]) => Value {
  const name = site.name;
  const lname = lower(name);
  let natives: Natives | null = null;
  let kind = "";
  let target: NativeTarget | null = null;
  return (ip, v, args) => {
    if (v === null) return ip.npe();
    if (v instanceof ApexObject) return objectMethod(ip, v, name, lname, args, site);
    const k = valueKind(v);
    if (k !== kind || natives !== ip.natives || target === null) {
      target = nativeTarget(ip.natives, k, lname);
      if (!target) throw new InternalError(`Method does not exist: ${k}.${name}(${args.length} args)`);
      natives = ip.natives;
      kind = k;
    }
    return target.fn(ip, target.unwrapId ? (v as ApexId).value : v, args);
  };
}

/** `Type.name(args)`, with the class's candidates or the library function of the last type cached. */
function staticCaller(
  site: Extract<Expr, { k: "call" }>,
): (ip: Interpreter, t: RType, args: Value[], f: Frame) => Value {
  const name = site.name;
  const lname = lower(name);
  let lastT: RType | null = null;
  let natives: Natives | null = null;
  let cands: Callable[] = [];
  let fn: ((ip: Interpreter, args: Value[]) => Value) | undefined = undefined;
  return (ip, t, args, f) => {
    if (t.k === "class") {
      if (t !== lastT) {
        cands = methodsOf(t.cls, lname, true);
        lastT = t;
      }
      const m = selectOverload(ip, cands, args, site);
      if (m) {
        ensureStaticInit(ip, m.owner);
        return invokeMethod(ip, m.owner, m.decl as MethodDecl, null, args);
      }
      throw new InternalError(`Method does not exist: ${t.cls.fullName}.${name}`);
    }
    if (t.k === "native" || t.k === "prim") {
      if (t !== lastT || natives !== ip.natives) {
        fn = ip.natives.getStatic(t.name, lname);
        lastT = t;
        natives = ip.natives;
      }
      if (fn) return fn(ip, args);
    }
    return callStatic(ip, t, name, lname, args, f, site);
  };
}

function callStatic(
  ip: Interpreter,
  t: RType,
  name: string,
  lname: string,
  args: Value[],
  f: Frame,
  site: Expr,
): Value {
  if (t.k === "class") {
    const m = selectOverload(ip, methodsOf(t.cls, lname, true), args, site);
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

function compileCall(e: Extract<Expr, { k: "call" }>): ChainFn {
  const name = e.name;
  const lname = lower(name);
  const argExprs = e.args;
  const argFns = compileAll(argExprs);
  if (e.target === null) {
    // candidates along the class and its outers, for an instance or a static frame of the last class seen
    let cls: ClassInfo | null | undefined = undefined;
    let withSelf = false;
    let chain: Callable[][] = [];
    return (ip, f) => {
      const args = evalArgs(ip, argExprs, f, argFns);
      if (cls !== f.cls || withSelf !== !!f.self) {
        chain = [];
        for (let c = f.cls; c; c = c.outer) chain.push(methodsOf(c, lname, c !== f.cls || !f.self));
        cls = f.cls;
        withSelf = !!f.self;
      }
      for (const cands of chain) {
        const m = selectOverload(ip, cands, args, e);
        if (m) {
          const decl = m.decl as MethodDecl;
          if (decl.mods.isStatic) {
            ensureStaticInit(ip, m.owner);
            return invokeMethod(ip, m.owner, decl, null, args);
          }
          // virtual dispatch on this
          return callObjectMethod(ip, f.self!, lname, args, undefined, e) ?? null;
        }
      }
      // an abstract class may call a method of its interface that only a subclass implements
      const viaSubclass = f.self ? callObjectMethod(ip, f.self, lname, args, undefined, e) : undefined;
      if (viaSubclass !== undefined) return viaSubclass;
      throw new InternalError(`Method does not exist: ${name}(${args.length} args) (line ${e.line})`);
    };
  }
  if (e.target.k === "super")
    return (ip, f) => {
      const args = evalArgs(ip, argExprs, f, argFns);
      const sup = f.cls?.superclass;
      if (!sup || !f.self) throw new InternalError("super call without superclass");
      if (sup.builtin) return callValueMethodFromException(ip, f.self, lname, args);
      const r = callObjectMethod(ip, f.self, lname, args, sup, e);
      if (r === undefined) return callValueMethodFromException(ip, f.self, lname, args);
      return r;
    };
  const target = compileRef(e.target);
  const onValue = valueMethodCaller(e);
  const onType = staticCaller(e);
  const safe = e.safe;
  return (ip, f) => {
    const t = target(ip, f);
    if (t === SHORT) return SHORT;
    if (t instanceof TypeHit) return onType(ip, t.t, evalArgs(ip, argExprs, f, argFns), f);
    if (t === null && safe) return SHORT;
    return onValue(ip, t, evalArgs(ip, argExprs, f, argFns));
  };
}

function callValueMethodFromException(ip: Interpreter, self: ApexObject, lname: string, args: Value[]): Value {
  const nf = ip.natives.getMethod("exception", lname) ?? ip.natives.getMethod("object", lname);
  if (!nf) throw new InternalError(`super.${lname} does not exist`);
  return nf(ip, self, args);
}

function compileNew(e: Extract<Expr, { k: "new" }>): ChainFn {
  const type = typeOf(e.type);
  const argExprs = e.args;
  const argFns = compileAll(argExprs);
  return (ip, f) => {
    const t = type(ip, f.cls);
    const args = evalArgs(ip, argExprs, f, argFns);
    switch (t.k) {
      case "class":
        return construct(ip, t.cls, args, e.line, e);
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
  };
}

export { equals, toNumber, OBJECT, iterate };
