/**
 * Expression typing: the static type of every expression, resolved the way the interpreter resolves
 * names at run time (src/interp/eval.ts: local → property backing field → member → outer static → type),
 * so a name the checker rejects is one the interpreter could not resolve either. Call and `new` sites of
 * user code get their overload chosen here (recorded for the interpreter in src/interp/static-types.ts).
 */
import type { Expr, SoqlCond, SoqlQuery, SoqlValue, TypeRef } from "../frontend/ast";
import { methodsOf, type Callable } from "../interp/invoke";
import type { Natives } from "../interp/natives";
import { NATIVE_TYPES, type Registry } from "../interp/registry";
import { recordArgTypes, recordChoice } from "../interp/static-types";
import { ClassInfo, EnumInfo, prim, sameType, typeRefText, type RType } from "../interp/types";
import type { Diagnostics } from "./diagnostics";
import { NATIVE_INTERFACES, type Library } from "./library";
import type { Members } from "./members";
import { chooseOverload, type Choice } from "./overloads";
import type { Body } from "./scope";
import type { SObjects } from "./sobjects";
import {
  BOOLEAN,
  ID,
  INTEGER,
  isNumeric,
  isPrim,
  known,
  nativeOf,
  NULL,
  objectOf,
  promote,
  SOBJECT,
  STRING,
  UNKNOWN,
  VOID,
  type SType,
} from "./stype";

/** A name or dotted name denotes a value (of a static type) or a type (for static access). */
type Typed = { v: SType } | { t: RType };

const TYPE: RType = { k: "native", name: "Type" };
/**
 * Namespaces of the Apex platform: an unknown type or member named through one of them is a platform feature
 * the runtime does not implement (unsupported), not a mistake in the code.
 */
const PLATFORM_NAMESPACES = new Set([
  "system",
  "schema",
  "database",
  "messaging",
  "connectapi",
  "cache",
  "auth",
  "approval",
  "canvas",
  "commercepayments",
  "dataweave",
  "dom",
  "eventbus",
  "flow",
  "functions",
  "invocable",
  "kbmanagement",
  "label",
  "metadata",
  "process",
  "quickaction",
  "reports",
  "search",
  "site",
  "support",
  "txnsecurity",
  "userprovisioning",
  "wave",
]);
const COMPARISONS = new Set(["<", ">", "<=", ">=", "==", "!=", "===", "!==", "&&", "||"]);

/** The natives' receiver kind of a static type (src/interp/eval.ts valueKind), null when it cannot be known. */
function kindOf(t: RType): string | null {
  switch (t.k) {
    case "prim":
      return t.name === "Object" ? null : t.name.toLowerCase();
    case "list":
    case "set":
    case "map":
      return t.k;
    case "sobject":
      return "sobject";
    case "enum":
      return "enum";
    case "native":
      return t.name.toLowerCase();
    default:
      return null;
  }
}

/** How a type is named in an `unsupported: Type.member` report. */
function display(t: RType): string {
  switch (t.k) {
    case "list":
      return "List";
    case "set":
      return "Set";
    case "map":
      return "Map";
    case "class":
      return t.cls.fullName;
    case "enum":
      return t.info.fullName;
    case "native": {
      const l = t.name.toLowerCase();
      return NATIVE_TYPES.get(l) ?? l.replace(/(^|\.)(\w)/g, (_m, dot: string, c: string) => dot + c.toUpperCase());
    }
    default:
      return t.k === "prim" || t.k === "sobject" ? t.name : t.k;
  }
}

export class ExprChecker {
  /** Written types by class and text: the registry caches per AST node, and most nodes are written once. */
  private readonly types = new Map<ClassInfo | null, Map<string, RType | null>>();
  /** Names used as types in expressions, by class and lower-case dotted name. */
  private readonly named = new Map<ClassInfo | null, Map<string, RType | null>>();

  constructor(
    private readonly reg: Registry,
    private readonly natives: Natives,
    private readonly lib: Library,
    readonly members: Members,
    private readonly sobjects: SObjects,
    readonly diag: Diagnostics,
  ) {}

  // ---------------------------------------------------------------- types

  /** Resolves a written type, reporting it (and any unknown type argument) when it names no type. */
  typeRef(ref: TypeRef, b: Body, line: number): RType | null {
    const text = typeRefText(ref);
    let byText = this.types.get(b.cls);
    if (!byText) this.types.set(b.cls, (byText = new Map<string, RType | null>()));
    let t = byText.get(text);
    if (t === undefined) byText.set(text, (t = this.reg.resolve(ref, b.cls)));
    if (!t) {
      if (ref.names.length > 1 && PLATFORM_NAMESPACES.has(ref.names[0].toLowerCase()))
        this.diag.unsupported(b.file, line, `type ${text}`);
      else
        this.diag.error(
          b.file,
          line,
          `Invalid type: ${text} (neither a type of the project nor one the runtime implements)`,
        );
      return null;
    }
    // the registry reads an unknown type argument as Object: the written type is known only if its arguments are
    for (const a of ref.args) if (!this.typeRef(a, b, line)) return null;
    return t;
  }

  /** A type named in an expression (eval.ts resolveTypeName): user and built-in types, SObjects, library classes. */
  private typeByName(names: string[], b: Body): RType | null {
    const joined = names.join(".").toLowerCase();
    let byName = this.named.get(b.cls);
    if (!byName) this.named.set(b.cls, (byName = new Map<string, RType | null>()));
    let t = byName.get(joined);
    if (t === undefined) byName.set(joined, (t = this.lookupType(names, joined, b.cls)));
    return t;
  }

  private lookupType(names: string[], joined: string, cls: ClassInfo | null): RType | null {
    const named = this.reg.lookupName(names, cls);
    if (named instanceof ClassInfo) return { k: "class", cls: named };
    if (named instanceof EnumInfo) return { k: "enum", info: named };
    const so = this.reg.sobjectNames.get(joined);
    if (so) return { k: "sobject", name: so };
    if (this.natives.hasStaticClass(joined)) return { k: "native", name: joined };
    const nt = NATIVE_TYPES.get(joined);
    if (nt) return { k: "native", name: nt };
    // the package's own namespace, and the platform's (Label, Auth, Flow…: members the runtime lacks are unsupported)
    if (joined === "tandem" || PLATFORM_NAMESPACES.has(joined)) return { k: "native", name: joined };
    return null;
  }

  // ---------------------------------------------------------------- expressions

  /** The type of an expression whose value is used: a void call here is a compile error. */
  value(e: Expr, b: Body): SType {
    const t = this.expr(e, b);
    if (t.k !== "void") return t;
    this.diag.error(b.file, e.line, `void method used as a value: ${e.k === "call" ? e.name : e.k}()`);
    return UNKNOWN;
  }

  /** The type of any expression, VOID for a call of a void method (legal as a statement). */
  expr(e: Expr, b: Body): SType {
    switch (e.k) {
      case "lit":
        return e.type === "Null" ? NULL : prim(e.type);
      case "name":
      case "dot": {
        const r = e.k === "name" ? this.name(e, b) : this.dot(e, b);
        if ("v" in r) return r.v;
        this.diag.error(b.file, e.line, `Variable does not exist: ${e.name}`);
        return UNKNOWN;
      }
      case "call":
        return this.call(e, b);
      case "index": {
        const t = this.value(e.target, b);
        this.value(e.index, b);
        if (t.k === "list") return t.elem;
        if (t.k === "map") return t.value;
        return UNKNOWN;
      }
      case "binary":
        return this.binary(e, b);
      case "assign": {
        const t = this.lvalue(e.target, b);
        this.value(e.value, b);
        return t;
      }
      case "unary": {
        const t = this.value(e.expr, b);
        return e.op === "!" ? BOOLEAN : t;
      }
      case "incdec":
        return this.lvalue(e.target, b);
      case "cond": {
        this.value(e.test, b);
        return this.common(this.value(e.then, b), this.value(e.else, b));
      }
      case "instanceof":
        this.value(e.expr, b);
        this.typeRef(e.type, b, e.line);
        return BOOLEAN;
      case "cast":
        this.value(e.expr, b);
        return this.typeRef(e.type, b, e.line) ?? UNKNOWN;
      case "new":
        return this.newExpr(e, b);
      case "newSObject": {
        const t = this.typeRef(e.type, b, e.line);
        for (const p of e.pairs) {
          this.value(p.value, b);
          if (t?.k === "sobject" && this.sobjects.member(t.name, p.field) === null)
            this.diag.error(b.file, e.line, `Invalid field ${p.field} for ${t.name}`);
        }
        return t ?? UNKNOWN;
      }
      case "newArray": {
        const t = this.typeRef(e.type, b, e.line);
        if (e.size) this.value(e.size, b);
        for (const i of e.items ?? []) this.value(i, b);
        return t ? { k: "list", elem: t } : UNKNOWN;
      }
      case "newCollection": {
        const t = this.typeRef(e.type, b, e.line);
        for (const i of e.items) this.value(i, b);
        return t ?? UNKNOWN;
      }
      case "newMap": {
        const t = this.typeRef(e.type, b, e.line);
        for (const p of e.pairs) {
          this.value(p.key, b);
          this.value(p.value, b);
        }
        return t ?? UNKNOWN;
      }
      case "this":
        return b.cls ? { k: "class", cls: b.cls } : UNKNOWN;
      case "super":
        return UNKNOWN;
      case "classLit":
        if (e.type) this.typeRef(e.type, b, e.line);
        return TYPE;
      case "soql":
        return this.soql(e.query, b, e.line);
      case "ctorCall":
        return this.ctorCall(e, b);
      case "unsupported":
        return UNKNOWN;
    }
  }

  /** Both branches of `?:`: their type when they agree, else unknown (no guess at a common supertype). */
  private common(a: SType, c: SType): SType {
    if (a.k === "null") return c;
    if (c.k === "null") return a;
    if (!known(a) || !known(c)) return UNKNOWN;
    if (sameType(a, c)) return a;
    if (isNumeric(a) && isNumeric(c)) return promote(a, c);
    if (a.k === "sobject" && c.k === "sobject") return SOBJECT;
    return UNKNOWN;
  }

  private binary(e: Extract<Expr, { k: "binary" }>, b: Body): SType {
    const l = this.value(e.left, b);
    const r = this.value(e.right, b);
    if (COMPARISONS.has(e.op)) return BOOLEAN;
    switch (e.op) {
      case "??":
        return l.k === "null" ? r : l;
      case "+":
        if (isPrim(l, "String") || isPrim(r, "String")) return STRING;
        if (!known(l) || !known(r)) return UNKNOWN;
        if ((isPrim(l, "Date") || isPrim(l, "Datetime") || isPrim(l, "Time")) && isNumeric(r)) return l;
        return promote(l, r);
      case "-":
        if ((isPrim(l, "Date") || isPrim(l, "Datetime")) && isNumeric(r)) return l;
        return promote(l, r);
      case "&":
      case "|":
      case "^":
        return isPrim(l, "Boolean") && isPrim(r, "Boolean") ? BOOLEAN : promote(l, r);
      case "<<":
      case ">>":
      case ">>>":
        return isNumeric(l) ? l : UNKNOWN;
      default:
        return promote(l, r);
    }
  }

  // ---------------------------------------------------------------- names and members

  /** A name or dot chain as a value or a type; anything else as a value. */
  private ref(e: Expr, b: Body): Typed {
    if (e.k === "name") return this.name(e, b);
    if (e.k === "dot") return this.dot(e, b);
    return { v: this.value(e, b) };
  }

  private name(e: Extract<Expr, { k: "name" }>, b: Body): Typed {
    const v = this.variable(e.name, b);
    if (v) return { v };
    const t = this.typeByName([e.name], b);
    if (t) return { t };
    this.diag.error(b.file, e.line, `Variable does not exist: ${e.name}`);
    return { v: UNKNOWN };
  }

  /** A local variable, the property's backing field inside its accessor, or a field visible from here. */
  private variable(name: string, b: Body): SType | null {
    const local = b.scope.lookup(name);
    if (local) return local;
    const l = name.toLowerCase();
    if (b.accessor?.lname === l) return b.accessor.type;
    for (let c = b.cls; c; c = c.outer) {
      const m = this.members.field(c, l);
      // the outer classes' instance fields are not visible from an inner class, nor instance fields from static code
      if (m && (m.isStatic || (c === b.cls && !b.isStatic))) return m.type;
    }
    return null;
  }

  private dot(e: Extract<Expr, { k: "dot" }>, b: Body): Typed {
    const target = this.ref(e.target, b);
    if ("v" in target) return { v: this.instanceMember(target.v, e.name, b, e.line) };
    return this.staticMember(target.t, e.name, b, e.line);
  }

  private instanceMember(t: SType, name: string, b: Body, line: number): SType {
    const l = name.toLowerCase();
    switch (t.k) {
      case "class": {
        const m = this.members.field(t.cls, l);
        if (m) return m.type;
        this.diag.error(b.file, line, `Variable does not exist: ${name} on ${t.cls.fullName}`);
        return UNKNOWN;
      }
      case "sobject": {
        if (!this.sobjects.has(t.name)) return l === "id" ? ID : UNKNOWN;
        const m = this.sobjects.member(t.name, name);
        if (m) return m;
        this.diag.error(b.file, line, `Invalid field ${name} for ${t.name}`);
        return UNKNOWN;
      }
      case "list":
        // a SOQL result read as one row: `[SELECT Name FROM Account LIMIT 1].Name`
        return t.elem.k === "sobject" ? this.instanceMember(t.elem, name, b, line) : UNKNOWN;
      case "native": {
        const kind = t.name.toLowerCase();
        const of = objectOf(t);
        if (kind === "describesobjectresult" && l === "fields")
          return of ? nativeOf("FieldsToken", of) : { k: "native", name: "FieldsToken" };
        if (kind === "fieldstoken") {
          if (of && !this.sobjects.hasField(of, name)) this.diag.error(b.file, line, `Invalid field ${name} for ${of}`);
          return of ? nativeOf("DescribeFieldResult", of) : { k: "native", name: "DescribeFieldResult" };
        }
        const spec = this.lib.instancePropSig(kind, l);
        return spec ? this.lib.type(spec, { recv: t, args: [] }) : UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  private staticMember(t: RType, name: string, b: Body, line: number): Typed {
    const l = name.toLowerCase();
    switch (t.k) {
      case "class": {
        const m = this.members.field(t.cls, l);
        if (m?.isStatic) return { v: m.type };
        const inner = t.cls.inner.get(l);
        if (inner instanceof ClassInfo) return { t: { k: "class", cls: inner } };
        if (inner instanceof EnumInfo) return { t: { k: "enum", info: inner } };
        this.diag.error(b.file, line, `Variable does not exist: ${t.cls.fullName}.${name}`);
        return { v: UNKNOWN };
      }
      case "enum":
        if (t.info.byName.has(l)) return { v: t };
        this.diag.error(b.file, line, `Variable does not exist: ${t.info.fullName}.${name}`);
        return { v: UNKNOWN };
      case "sobject":
        if (!this.sobjects.has(t.name)) return { v: UNKNOWN };
        if (l === "sobjecttype") return { v: nativeOf("SObjectType", t.name) };
        if (this.sobjects.hasField(t.name, name)) return { v: nativeOf("SObjectField", t.name) };
        this.diag.error(b.file, line, `Invalid field ${name} for ${t.name}`);
        return { v: UNKNOWN };
      case "native": {
        const api = this.reg.sobjectNames.get(l);
        if (t.name.toLowerCase() === "sobjecttype" && api) return { v: nativeOf("DescribeSObjectResult", api) };
        if (this.natives.getStaticProp(t.name, l)) {
          const spec = this.lib.staticPropSig(t.name, l);
          if (!spec) this.diag.unsigned(`${display(t)}.${name}`);
          return { v: spec ? this.lib.type(spec, { recv: t, args: [] }) : UNKNOWN };
        }
        const nested = this.typeByName([t.name, name], b) ?? this.typeByName([name], b);
        if (nested) return { t: nested };
        // a member of a library class or namespace the runtime does not have
        this.diag.unsupported(b.file, line, `${display(t)}.${name}`);
        return { v: UNKNOWN };
      }
      default:
        return { v: UNKNOWN };
    }
  }

  /** The type of an assignment target; names resolve to variables only (eval.ts assignTo). */
  private lvalue(e: Expr, b: Body): SType {
    if (e.k === "name") {
      const v = this.variable(e.name, b);
      if (v) return v;
      this.diag.error(b.file, e.line, `Variable does not exist: ${e.name}`);
      return UNKNOWN;
    }
    if (e.k === "dot") {
      const target = this.ref(e.target, b);
      if ("v" in target) return this.instanceMember(target.v, e.name, b, e.line);
      if (target.t.k === "native" && this.natives.getStatic(target.t.name, "set:" + e.name.toLowerCase()))
        return UNKNOWN;
      const r = this.staticMember(target.t, e.name, b, e.line);
      return "v" in r ? r.v : UNKNOWN;
    }
    return this.value(e, b);
  }

  // ---------------------------------------------------------------- calls

  private call(e: Extract<Expr, { k: "call" }>, b: Body): SType {
    if (e.target === null) return this.unqualifiedCall(e, b);
    if (e.target.k === "super") return this.superCall(e, b);
    const target = this.ref(e.target, b);
    const args = e.args.map((a) => this.value(a, b));
    if ("v" in target) return this.instanceCall(target.v, e, args, b);
    return this.staticCall(target.t, e, args, b);
  }

  /** `m(args)`: the class's methods, then each outer class's static ones (eval.ts evalCall). */
  private unqualifiedCall(e: Extract<Expr, { k: "call" }>, b: Body): SType {
    const args = e.args.map((a) => this.value(a, b));
    const lname = e.name.toLowerCase();
    for (let c = b.cls; c; c = c.outer) {
      const staticOnly = c !== b.cls || b.isStatic;
      const cands = staticOnly ? methodsOf(c, lname, true) : this.members.methods(c, lname);
      const choice = chooseOverload(this.members, cands, args);
      if (choice.k !== "none") return this.apply(e, choice, cands, args);
    }
    if (b.cls) {
      const inherited = this.objectMethod(b.cls, lname, args);
      if (inherited) return inherited;
    }
    this.diag.error(b.file, e.line, `Method does not exist or incorrect signature: ${e.name}(${args.length} args)`);
    return UNKNOWN;
  }

  private superCall(e: Extract<Expr, { k: "call" }>, b: Body): SType {
    const args = e.args.map((a) => this.value(a, b));
    const sup = b.cls?.superclass;
    if (!sup) return UNKNOWN;
    const lname = e.name.toLowerCase();
    const cands = methodsOf(sup, lname);
    const choice = chooseOverload(this.members, cands, args);
    if (choice.k !== "none") return this.apply(e, choice, cands, args);
    const inherited = this.objectMethod(sup, lname, args);
    if (inherited) return inherited;
    this.diag.error(
      b.file,
      e.line,
      `Method does not exist or incorrect signature: super.${e.name}(${args.length} args)`,
    );
    return UNKNOWN;
  }

  /** Methods every object has, and Exception's for exception classes (natives 'exception' and 'object'). */
  private objectMethod(cls: ClassInfo, lname: string, args: SType[]): SType | null {
    for (const kind of cls.isException ? ["exception", "object"] : ["object"]) {
      if (!this.natives.getMethod(kind, lname)) continue;
      const spec = this.lib.instanceSig(kind, lname);
      return spec ? this.lib.type(spec, { recv: { k: "class", cls }, args }) : UNKNOWN;
    }
    return null;
  }

  private instanceCall(t: SType, e: Extract<Expr, { k: "call" }>, args: SType[], b: Body): SType {
    if (!known(t) || t.k === "void") return UNKNOWN;
    const lname = e.name.toLowerCase();
    if (t.k === "class") {
      const cands = this.members.methods(t.cls, lname);
      const choice = chooseOverload(this.members, cands, args);
      if (choice.k !== "none") return this.apply(e, choice, cands, args);
      const inherited = this.objectMethod(t.cls, lname, args);
      if (inherited) return inherited;
      this.diag.error(
        b.file,
        e.line,
        `Method does not exist or incorrect signature: ${t.cls.fullName}.${e.name}(${args.length} args)`,
      );
      return UNKNOWN;
    }
    const kind = kindOf(t);
    if (!kind) return UNKNOWN;
    const kinds = kind === "id" ? [kind, "string", "object"] : [kind, "object"];
    if (!NATIVE_INTERFACES.has(kind) && !kinds.some((k) => this.natives.getMethod(k, lname))) {
      this.diag.unsupported(b.file, e.line, `${display(t)}.${e.name}`);
      return UNKNOWN;
    }
    for (const k of kinds) {
      const spec = this.lib.instanceSig(k, lname);
      if (spec) return this.lib.type(spec, { recv: t, args });
    }
    this.diag.unsigned(`${display(t)}.${e.name}`);
    return UNKNOWN;
  }

  private staticCall(t: RType, e: Extract<Expr, { k: "call" }>, args: SType[], b: Body): SType {
    const lname = e.name.toLowerCase();
    switch (t.k) {
      case "class": {
        const cands = methodsOf(t.cls, lname, true);
        const choice = chooseOverload(this.members, cands, args);
        if (choice.k !== "none") return this.apply(e, choice, cands, args);
        this.diag.error(
          b.file,
          e.line,
          `Method does not exist or incorrect signature: static ${t.cls.fullName}.${e.name}(${args.length} args)`,
        );
        return UNKNOWN;
      }
      case "enum":
        if (lname === "values") return { k: "list", elem: t };
        if (lname === "valueof") return t;
        this.diag.error(b.file, e.line, `Method does not exist or incorrect signature: ${t.info.fullName}.${e.name}`);
        return UNKNOWN;
      case "native":
      case "sobject": {
        const cls = t.k === "sobject" ? "sobjectstatic" : t.name;
        if (!this.natives.getStatic(cls, lname)) {
          this.diag.unsupported(b.file, e.line, `${display(t)}.${e.name}`);
          return UNKNOWN;
        }
        const spec = this.lib.staticSig(cls, lname);
        if (spec) return this.lib.type(spec, { recv: t, args });
        this.diag.unsigned(`${display(t)}.${e.name}`);
        return UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  /** Records the overload chosen for a call or `new` site and gives the call's type. */
  private apply(site: Expr, choice: Choice, cands: Callable[], args: SType[]): SType {
    if (choice.k === "chosen") {
      recordChoice(site, choice.c);
      if (cands.filter((c) => c.decl.params.length === args.length).length > 1) this.diag.stats.resolvedSites++;
      return this.members.returnType(choice.c);
    }
    if (choice.k === "none") return UNKNOWN;
    this.diag.stats.runtimeSites[choice.reason]++;
    recordArgTypes(
      site,
      args.map((a) => (known(a) ? a : null)),
    );
    // the overloads may still agree on the result
    const returns = cands.filter((c) => c.decl.params.length === args.length).map((c) => this.members.returnType(c));
    const first = returns[0];
    return known(first) && returns.every((r) => known(r) && sameType(r, first)) ? first : UNKNOWN;
  }

  // ---------------------------------------------------------------- construction

  private newExpr(e: Extract<Expr, { k: "new" }>, b: Body): SType {
    const t = this.typeRef(e.type, b, e.line);
    const args = e.args.map((a) => this.value(a, b));
    if (!t) return UNKNOWN;
    if (t.k === "class") this.construct(t.cls, e, args, b);
    else if (t.k === "native" && !this.natives.getCtor(t.name) && !t.name.startsWith("ConnectApi."))
      this.diag.unsupported(b.file, e.line, `new ${display(t)}`);
    return t;
  }

  /** `this(...)` / `super(...)` as the first statement of a constructor. */
  private ctorCall(e: Extract<Expr, { k: "ctorCall" }>, b: Body): SType {
    const args = e.args.map((a) => this.value(a, b));
    const target = e.which === "this" ? b.cls : (b.cls?.superclass ?? null);
    if (target) this.construct(target, e, args, b);
    return VOID;
  }

  /** Constructor overloads; an exception class also has Exception's four implicit constructors. */
  private construct(cls: ClassInfo, site: Expr, args: SType[], b: Body): void {
    const implicit = cls.isException ? args.length <= 2 : args.length === 0 && cls.decl.ctors.length === 0;
    if (cls.builtin) {
      if (!implicit)
        this.diag.error(b.file, site.line, `Constructor not defined: ${cls.fullName}(${args.length} args)`);
      return;
    }
    const cands = this.members.ctors(cls);
    const choice = chooseOverload(this.members, cands, args);
    if (choice.k !== "none") this.apply(site, choice, cands, args);
    else if (!implicit)
      this.diag.error(b.file, site.line, `Constructor not defined: ${cls.fullName}(${args.length} args)`);
  }

  // ---------------------------------------------------------------- SOQL

  /** Types the bind expressions; the query is a list of its object, an Integer for COUNT(), or AggregateResults. */
  private soql(q: SoqlQuery, b: Body, line: number): SType {
    for (const s of q.select) if (s.k === "sub") this.soql(s.query, b, line);
    if (q.where) this.cond(q.where, b, line);
    if (q.having) this.cond(q.having, b, line);
    if (q.limit) this.soqlValue(q.limit, b, line);
    if (q.offset) this.soqlValue(q.offset, b, line);
    const first = q.select[0];
    if (
      q.select.length === 1 &&
      first.k === "agg" &&
      first.fn === "COUNT" &&
      !first.path &&
      !first.alias &&
      !q.groupBy.length
    )
      return INTEGER;
    if (q.groupBy.length || q.select.some((s) => s.k === "agg"))
      return { k: "list", elem: { k: "sobject", name: "AggregateResult" } };
    const from = this.sobjects.from(q.from);
    return from ? { k: "list", elem: from } : UNKNOWN;
  }

  private cond(c: SoqlCond, b: Body, line: number): void {
    if (c.k === "and" || c.k === "or") for (const i of c.items) this.cond(i, b, line);
    else if (c.k === "not") this.cond(c.item, b, line);
    else this.soqlValue(c.value, b, line);
  }

  private soqlValue(v: SoqlValue, b: Body, line: number): void {
    if (v.k === "bind") this.value(v.expr, b);
    else if (v.k === "sub") this.soql(v.query, b, line);
    else if (v.k === "list") for (const i of v.values) this.soqlValue(i, b, line);
  }
}
