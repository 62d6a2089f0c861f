/**
 * Classes at run time: static initialisation, instance construction (super constructor, then field
 * initialisers and instance blocks in source order, then the constructor body), fields, properties with
 * accessors, overload selection and virtual dispatch.
 */
import { assignable } from "../check/stype";
import { siteTypes } from "./static-types";
import type { CtorDecl, Expr, MethodDecl, Param, PropertyDecl, Stmt } from "../frontend/ast";
import { InternalError } from "./errors";
import * as evalModule from "./eval";
import * as exec from "./exec";
import type { StmtFn } from "./exec";
import * as frame from "./frame";
import type { Interpreter } from "./interpreter";
import * as runtimeTypes from "./runtime-types";
import * as types from "./types";
import type { RType } from "./types";
import * as values from "./values";
import type { Value } from "./values";

// tsx runs this as CommonJS, where every use of an imported name calls esbuild's re-export getter (one
// shared `from[key]` closure, megamorphic): the hot paths read their imports once, as module constants.
const { evalExpr, lower } = evalModule;
const { compileBody, execBlockBody } = exec;
const { Frame, RETURN } = frame;
const { coerce, instanceOf, runtimeType } = runtimeTypes;
const { OBJECT, sameType } = types;
const { ApexList, ApexObject, TypeValue } = values;
type ClassInfo = types.ClassInfo;
type ApexObject = values.ApexObject;
type Frame = frame.Frame;

export type Member =
  | { k: "field"; owner: ClassInfo; isStatic: boolean; type: RType }
  | { k: "prop"; owner: ClassInfo; isStatic: boolean; prop: PropertyDecl; type: RType };

const memberCache = new WeakMap<ClassInfo, Map<string, Member | null>>();

export function resolveType(
  ip: Interpreter,
  ref: Parameters<Interpreter["reg"]["resolve"]>[0],
  ctx: ClassInfo | null,
): RType {
  const t = ip.reg.resolve(ref, ctx);
  if (!t) throw new InternalError(`Invalid type: ${ref.names.join(".")}`);
  return t;
}

/** Finds a field or property declared on cls or a superclass. */
export function findMember(ip: Interpreter, cls: ClassInfo, lname: string): Member | null {
  let cache = memberCache.get(cls);
  if (!cache) memberCache.set(cls, (cache = new Map<string, Member | null>()));
  const hit = cache.get(lname);
  if (hit !== undefined) return hit;
  let found: Member | null = null;
  for (let c: ClassInfo | null = cls; c && !found; c = c.superclass) {
    const f = c.fieldDecls.get(lname);
    if (f) {
      found = { k: "field", owner: c, isStatic: f.mods.isStatic, type: resolveType(ip, f.type, c) };
      break;
    }
    const p = c.props.get(lname);
    if (p) found = { k: "prop", owner: c, isStatic: p.mods.isStatic, prop: p, type: resolveType(ip, p.type, c) };
  }
  cache.set(lname, found);
  return found;
}

export function ensureStaticInit(ip: Interpreter, cls: ClassInfo): void {
  if (ip.tx.staticInit.has(cls) || cls.builtin) return;
  ip.tx.staticInit.add(cls);
  if (cls.superclass) ensureStaticInit(ip, cls.superclass);
  const statics = new Map<string, Value>();
  ip.tx.statics.set(cls, statics);
  const inits = cls.decl.inits.filter((i) => (i.k === "field" ? i.field.mods.isStatic : i.isStatic));
  if (inits.length === 0) return;
  const f = new Frame(cls, null, "<clinit>", cls.unit, null, ip.coveredSet(cls.unit));
  ip.pushFrame(f);
  try {
    for (const init of inits) {
      if (init.k === "field") {
        f.line = init.field.line;
        f.covered?.add(init.field.line);
        const t = resolveType(ip, init.field.type, cls);
        statics.set(
          init.field.name.toLowerCase(),
          init.field.init ? coerce(evalExpr(ip, init.field.init, f), t, ip.fail) : null,
        );
      } else {
        execBlockBody(ip, init.body, f);
      }
    }
  } finally {
    ip.popFrame();
  }
}

/**
 * The static variables of owner, as staticStore gives them, when that Map stays the owner's for the rest of
 * the transaction (so a caller may keep it); null while the owner's initialisation waits for its superclass's,
 * when staticStore would hand out a Map that the initialisation then replaces.
 */
export function settledStatics(ip: Interpreter, owner: ClassInfo): Map<string, Value> | null {
  ensureStaticInit(ip, owner);
  return ip.tx.statics.get(owner) ?? (owner.builtin ? staticStore(ip, owner) : null);
}

/** The static variables of owner in the current transaction, after its static initialisation has started. */
export function staticStore(ip: Interpreter, owner: ClassInfo): Map<string, Value> {
  ensureStaticInit(ip, owner);
  let s = ip.tx.statics.get(owner);
  if (!s) ip.tx.statics.set(owner, (s = new Map<string, Value>()));
  return s;
}

function runAccessor(
  ip: Interpreter,
  m: Extract<Member, { k: "prop" }>,
  self: ApexObject | null,
  body: Stmt,
  value: Value | undefined,
): Value {
  const f = new Frame(
    m.owner,
    self,
    (value === undefined ? "get " : "set ") + m.prop.name,
    m.owner.unit,
    lower(m.prop.name),
    ip.coveredSet(m.owner.unit),
  );
  if (value !== undefined) f.declare("value", value, m.type);
  ip.pushFrame(f);
  try {
    const c = execBlockBody(ip, body, f);
    return c === RETURN ? f.returnValue : null;
  } finally {
    ip.popFrame();
  }
}

export function readMember(ip: Interpreter, m: Member, self: ApexObject | null, lname: string): Value {
  if (m.k === "prop" && m.prop.getter?.body) return runAccessor(ip, m, self, m.prop.getter.body, undefined);
  if (m.isStatic) return staticStore(ip, m.owner).get(lname) ?? null;
  if (!self) throw new InternalError(`instance member ${lname} read without an instance`);
  return self.fields.get(lname) ?? null;
}

export function writeMember(ip: Interpreter, m: Member, self: ApexObject | null, lname: string, v: Value): void {
  v = coerce(v, m.type, ip.fail);
  if (m.k === "prop" && m.prop.setter?.body) {
    runAccessor(ip, m, self, m.prop.setter.body, v);
    return;
  }
  if (m.isStatic) staticStore(ip, m.owner).set(lname, v);
  else if (self) self.fields.set(lname, v);
  else throw new InternalError(`instance member ${lname} written without an instance`);
}

/** Reads the backing field of a property from inside its own accessor. */
export function backingField(ip: Interpreter, f: Frame, lname: string): { get(): Value; set(v: Value): void } {
  const m = f.cls ? findMember(ip, f.cls, lname) : null;
  const isStatic = m ? m.isStatic : !f.self;
  const owner = m ? m.owner : f.cls;
  return {
    get: () => (isStatic ? (staticStore(ip, owner!).get(lname) ?? null) : (f.self!.fields.get(lname) ?? null)),
    set: (v: Value) => {
      const val = m ? coerce(v, m.type, ip.fail) : v;
      if (isStatic) staticStore(ip, owner!).set(lname, val);
      else f.self!.fields.set(lname, val);
    },
  };
}

const paramTypeCache = new WeakMap<Param[], RType[]>();
const paramNameCache = new WeakMap<Param[], string[]>();

/** Lower-case parameter names, computed once per declaration. */
function paramNames(params: Param[]): string[] {
  let n = paramNameCache.get(params);
  if (!n) paramNameCache.set(params, (n = params.map((p) => lower(p.name))));
  return n;
}

function paramTypes(ip: Interpreter, params: Param[], owner: ClassInfo): RType[] {
  let t = paramTypeCache.get(params);
  if (!t) paramTypeCache.set(params, (t = params.map((p) => ip.reg.resolve(p.type, owner) ?? OBJECT)));
  return t;
}

function score(ip: Interpreter, types: RType[], args: Value[], statics: (RType | null)[] | null = null): number {
  let total = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const t = types[i];
    const st = statics?.[i] ?? null;
    if (st !== null) {
      // the declared type decides (DIVERGENCES.md #1); a runtime-only match ranks below any static match
      if (sameType(st, t)) total += 4;
      else if (assignable(st, t)) total += 2;
      else if (a === null || instanceOf(a, t)) total += 1;
      else return -1;
    } else if (a === null) total += 1;
    else if (sameType(runtimeType(a), t)) total += 3;
    else if (instanceOf(a, t)) total += 2;
    else return -1;
  }
  return total;
}

export interface Callable {
  owner: ClassInfo;
  decl: MethodDecl | CtorDecl;
}

/**
 * Picks the overload for the arguments: same arity, then the one the type checker chose for the call site
 * from static types (static-types.ts) — or its override in the receiver's class, found by the same parameter
 * types — else the best match of the argument types the checker knew and the runtime types of the others.
 */
export function selectOverload<T extends Callable>(
  ip: Interpreter,
  cands: T[],
  args: Value[],
  site: Expr | null = null,
): T | null {
  const arity = cands.filter((c) => c.decl.params.length === args.length);
  if (arity.length <= 1) return arity[0] ?? null;
  const known = site ? siteTypes(site) : undefined;
  if (known && "chosen" in known) {
    const m = sameSignature(ip, arity, known.chosen);
    if (m) return m;
  }
  let best: T | null = null;
  let bestScore = -1;
  const statics = known && "args" in known ? known.args : null;
  for (const c of arity) {
    const s = score(ip, paramTypes(ip, c.decl.params, c.owner), args, statics);
    if (s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  return best ?? arity[0];
}

/** The candidate that is the chosen method or overrides it (same parameter types). */
function sameSignature<T extends Callable>(ip: Interpreter, cands: T[], chosen: Callable): T | null {
  for (const c of cands) if (c.decl === chosen.decl) return c;
  const want = paramTypes(ip, chosen.decl.params, chosen.owner);
  for (const c of cands) {
    const have = paramTypes(ip, c.decl.params, c.owner);
    if (have.every((t, i) => sameType(t, want[i]))) return c;
  }
  return null;
}

/** Methods named lname visible on cls: its own first (overrides win), then inherited ones not overridden. */
const methodsCache = new WeakMap<ClassInfo, Map<string, Callable[]>>();
const staticMethodsCache = new WeakMap<ClassInfo, Map<string, Callable[]>>();

export function methodsOf(cls: ClassInfo, lname: string, staticOnly = false): Callable[] {
  const cache = staticOnly ? staticMethodsCache : methodsCache;
  let byName = cache.get(cls);
  if (!byName) cache.set(cls, (byName = new Map<string, Callable[]>()));
  let hit = byName.get(lname);
  if (!hit) byName.set(lname, (hit = computeMethodsOf(cls, lname, staticOnly)));
  return hit;
}

function computeMethodsOf(cls: ClassInfo, lname: string, staticOnly: boolean): Callable[] {
  const out: Callable[] = [];
  const seen = new Set<string>();
  for (let c: ClassInfo | null = cls; c; c = c.superclass) {
    for (const m of c.methods.get(lname) ?? []) {
      if (staticOnly && !m.mods.isStatic) continue;
      const sig = m.params.map((p) => p.type.names.join(".").toLowerCase()).join(",");
      if (seen.has(sig)) continue;
      seen.add(sig);
      out.push({ owner: c, decl: m });
    }
  }
  return out;
}

export function invokeMethod(
  ip: Interpreter,
  owner: ClassInfo,
  m: MethodDecl,
  self: ApexObject | null,
  args: Value[],
): Value {
  if (!m.body) {
    throw new InternalError(`abstract method ${owner.fullName}.${m.name} called`);
  }
  const plan = planOf(ip, owner, m);
  const f = new Frame(owner, m.mods.isStatic ? null : self, m.name, owner.unit, null, ip.coveredSet(owner.unit));
  const { names, types } = plan;
  for (let i = 0; i < names.length; i++) f.declare(names[i], coerce(args[i], types[i], ip.fail), types[i]);
  f.line = m.line;
  ip.pushFrame(f);
  try {
    const c = plan.body(ip, f);
    if (c === RETURN && plan.ret) return coerce(f.returnValue, plan.ret, ip.fail);
    return null;
  } finally {
    ip.popFrame();
  }
}

/** What a call of a method needs besides its arguments, worked out on its first call. */
interface MethodPlan {
  owner: ClassInfo;
  reg: Interpreter["reg"];
  names: string[];
  types: RType[];
  /** The declared return type; null for void. */
  ret: RType | null;
  body: StmtFn;
}

const plans = new WeakMap<MethodDecl, MethodPlan>();

function planOf(ip: Interpreter, owner: ClassInfo, m: MethodDecl): MethodPlan {
  let p = plans.get(m);
  if (p?.owner !== owner || p.reg !== ip.reg) {
    p = {
      owner,
      reg: ip.reg,
      names: paramNames(m.params),
      types: paramTypes(ip, m.params, owner),
      ret: m.returnType ? (ip.reg.resolve(m.returnType, owner) ?? OBJECT) : null,
      body: compileBody(m.body!),
    };
    plans.set(m, p);
  }
  return p;
}

/** Calls an instance method with virtual dispatch (or from a given class for `super.m()`). */
export function callObjectMethod(
  ip: Interpreter,
  obj: ApexObject,
  lname: string,
  args: Value[],
  from?: ClassInfo,
  site: Expr | null = null,
): Value | undefined {
  const stub = obj.native.stubProvider as ApexObject | undefined;
  if (stub && !from) return callStub(ip, obj, stub, lname, args, site);
  const m = selectOverload(ip, methodsOf(from ?? obj.cls, lname), args, site);
  if (!m) return undefined;
  return invokeMethod(ip, m.owner, m.decl as MethodDecl, obj, args);
}

function runInstanceInits(ip: Interpreter, obj: ApexObject, cls: ClassInfo): void {
  const inits = cls.decl.inits.filter((i) => (i.k === "field" ? !i.field.mods.isStatic : !i.isStatic));
  if (inits.length === 0) return;
  const f = new Frame(cls, obj, "<init>", cls.unit, null, ip.coveredSet(cls.unit));
  ip.pushFrame(f);
  try {
    for (const init of inits) {
      if (init.k === "field") {
        if (!init.field.init) continue;
        f.line = init.field.line;
        f.covered?.add(init.field.line);
        const t = resolveType(ip, init.field.type, cls);
        obj.fields.set(init.field.name.toLowerCase(), coerce(evalExpr(ip, init.field.init, f), t, ip.fail));
      } else {
        execBlockBody(ip, init.body, f);
      }
    }
  } finally {
    ip.popFrame();
  }
}

function exceptionCtorArgs(ip: Interpreter, obj: ApexObject, args: Value[]): boolean {
  // Exception(), Exception(String), Exception(Exception cause), Exception(String, Exception)
  if (args.length > 2) return false;
  let message: string | null = null;
  let cause: ApexObject | null = null;
  for (const a of args) {
    if (a instanceof ApexObject && a.cls.isException) cause = a;
    else if (typeof a === "string" || a === null) message = a;
    else return false;
  }
  if (args.length === 1 && cause) message = ip.reg && cause ? causeText(cause) : null;
  ip.initException(obj, message, cause);
  return true;
}

function causeText(cause: ApexObject): string {
  const msg = cause.native.message as string | null;
  return `${cause.cls.builtin ? "System." : ""}${cause.cls.fullName.replace(/^System\./, "")}: ${msg ?? ""}`;
}

const ctorRests = new WeakMap<CtorDecl, Stmt>();

/** The constructor body after its `this(...)`/`super(...)` call: one block per constructor, compiled once. */
function ctorRest(ctor: CtorDecl, chained: boolean): Stmt {
  let rest = ctorRests.get(ctor);
  if (!rest) {
    const body = ctor.body.k === "block" ? ctor.body.body : [ctor.body];
    rest = { k: "block", line: ctor.body.line, body: chained ? body.slice(1) : body };
    ctorRests.set(ctor, rest);
  }
  return rest;
}

/** Runs constructor `ctor` (or the implicit one) of cls on obj. */
function initInstance(
  ip: Interpreter,
  obj: ApexObject,
  cls: ClassInfo,
  args: Value[],
  line: number,
  site: Expr | null = null,
): void {
  if (cls.builtin) {
    if (!exceptionCtorArgs(ip, obj, args))
      throw new InternalError(`no constructor ${cls.fullName}(${args.length} args)`);
    return;
  }
  const ctors: Callable[] = cls.decl.ctors.map((c) => ({ owner: cls, decl: c }));
  let chosen = selectOverload(ip, ctors, args, site);
  // custom exceptions keep the built-in constructors next to their own: use them when the arguments fit only those
  if (chosen && cls.isException && score(ip, paramTypes(ip, chosen.decl.params, cls), args) < 0) chosen = null;
  if (!chosen) {
    if (cls.decl.ctors.length > 0 || args.length > 0) {
      // custom exceptions get the four Exception constructors implicitly
      if (cls.isException) {
        initInstance(ip, obj, cls.superclass!, args, line);
        runInstanceInits(ip, obj, cls);
        return;
      }
      throw new InternalError(`Constructor not defined: ${cls.fullName}(${args.length} args)`);
    }
    if (cls.superclass) initInstance(ip, obj, cls.superclass, [], line);
    runInstanceInits(ip, obj, cls);
    return;
  }
  const ctor = chosen.decl as CtorDecl;
  const f = new Frame(cls, obj, "<init>", cls.unit, null, ip.coveredSet(cls.unit));
  const types = paramTypes(ip, ctor.params, cls);
  const names = paramNames(ctor.params);
  for (let i = 0; i < names.length; i++) f.declare(names[i], coerce(args[i], types[i], ip.fail), types[i]);
  f.line = ctor.line;
  const body = ctor.body.k === "block" ? ctor.body.body : [ctor.body];
  const first = body[0];
  const chained: Expr | null = first?.k === "expr" && first.expr.k === "ctorCall" ? first.expr : null;
  ip.pushFrame(f);
  try {
    if (chained?.k === "ctorCall") {
      f.covered?.add(first.line);
      const cargs = chained.args.map((a) => evalExpr(ip, a, f));
      if (chained.which === "this") initInstance(ip, obj, cls, cargs, line, chained);
      else {
        if (cls.superclass) initInstance(ip, obj, cls.superclass, cargs, line, chained);
        runInstanceInits(ip, obj, cls);
      }
    } else {
      if (cls.superclass) initInstance(ip, obj, cls.superclass, [], line);
      runInstanceInits(ip, obj, cls);
    }
    execBlockBody(ip, ctorRest(ctor, chained !== null), f);
  } finally {
    ip.popFrame();
  }
}

export function construct(
  ip: Interpreter,
  cls: ClassInfo,
  args: Value[],
  line: number,
  site: Expr | null = null,
): ApexObject {
  if (cls.isInterface || cls.decl.mods.isAbstract) throw new InternalError(`cannot instantiate ${cls.fullName}`);
  ensureStaticInit(ip, cls);
  const obj = new ApexObject(cls);
  if (cls.isException) ip.initException(obj, null, null);
  initInstance(ip, obj, cls, args, line, site);
  return obj;
}

/** Test.createStub: every call goes to the StubProvider's handleMethodCall. */
function callStub(
  ip: Interpreter,
  obj: ApexObject,
  provider: ApexObject,
  lname: string,
  args: Value[],
  site: Expr | null,
): Value | undefined {
  const decl = selectOverload(ip, methodsOf(obj.cls, lname), args, site);
  if (!decl) return undefined;
  const m = decl.decl as MethodDecl;
  const types = paramTypes(ip, m.params, decl.owner);
  const ret = m.returnType ? (ip.reg.resolve(m.returnType, decl.owner) ?? OBJECT) : ({ k: "void" } as RType);
  const typeList = new ApexList(
    { k: "native", name: "Type" },
    types.map((t) => new TypeValue(t)),
  );
  const names = new ApexList(
    { k: "prim", name: "String" },
    m.params.map((p) => p.name),
  );
  const argList = new ApexList(OBJECT, args);
  const r = callObjectMethod(ip, provider, "handlemethodcall", [
    obj,
    m.name,
    new TypeValue(ret),
    typeList,
    names,
    argList,
  ]);
  return ret.k === "void" ? null : coerce(r ?? null, ret, ip.fail);
}
