/** The runtime type model: resolved types, classes with their symbol tables, enums. */
import type { CompilationUnit, FieldDecl, MethodDecl, PropertyDecl, TypeDecl, TypeRef } from "../frontend/ast";
import { EnumValue } from "./values";

export type PrimName =
  | "Integer"
  | "Long"
  | "Double"
  | "Decimal"
  | "String"
  | "Boolean"
  | "Id"
  | "Date"
  | "Datetime"
  | "Time"
  | "Blob"
  | "Object";

export type RType =
  | { k: "prim"; name: PrimName }
  | { k: "list"; elem: RType }
  | { k: "set"; elem: RType }
  | { k: "map"; key: RType; value: RType }
  | { k: "class"; cls: ClassInfo }
  | { k: "enum"; info: EnumInfo }
  /** name is the schema's API name, or 'SObject' for the generic type. */
  | { k: "sobject"; name: string }
  /** A type implemented in TypeScript: name is canonical (e.g. 'HttpRequest', 'Database.SaveResult'). */
  | { k: "native"; name: string }
  | { k: "void" };

const prims = new Map<string, RType>();
export function prim(name: PrimName): RType {
  let t = prims.get(name);
  if (!t) {
    t = { k: "prim", name };
    prims.set(name, t);
  }
  return t;
}

export const OBJECT = prim("Object");
export const STRING = prim("String");
export const INTEGER = prim("Integer");

export class EnumInfo {
  readonly values: EnumValue[] = [];
  readonly byName = new Map<string, EnumValue>();
  constructor(
    readonly name: string,
    readonly fullName: string,
    names: string[],
    readonly builtin = false,
  ) {
    names.forEach((n, i) => {
      const v = new EnumValue(this, n, i);
      this.values.push(v);
      this.byName.set(n.toLowerCase(), v);
    });
  }
}

/** A class or interface: declaration plus case-insensitive symbol tables. */
export class ClassInfo {
  readonly lname: string;
  readonly methods = new Map<string, MethodDecl[]>();
  readonly fieldDecls = new Map<string, FieldDecl>();
  readonly props = new Map<string, PropertyDecl>();
  readonly inner = new Map<string, ClassInfo | EnumInfo>();
  superclass: ClassInfo | null = null;
  interfaces: RType[] = [];
  /** Resolved lazily by the registry once every type is known. */
  linked = false;

  constructor(
    readonly name: string,
    readonly fullName: string,
    readonly decl: TypeDecl,
    readonly outer: ClassInfo | null,
    readonly unit: CompilationUnit | null,
    readonly builtin = false,
  ) {
    this.lname = name.toLowerCase();
    for (const m of decl.methods) {
      const l = m.name.toLowerCase();
      const list = this.methods.get(l);
      if (list) list.push(m);
      else this.methods.set(l, [m]);
    }
    for (const f of decl.fields) this.fieldDecls.set(f.name.toLowerCase(), f);
    for (const p of decl.properties) this.props.set(p.name.toLowerCase(), p);
  }

  /** The class itself, typed for walks up the superclass chain. */
  private self(): ClassInfo | null {
    return this;
  }

  get isInterface(): boolean {
    return this.decl.kind === "interface";
  }

  get file(): string {
    return this.unit ? this.unit.file : "<builtin>";
  }

  isSubclassOf(other: ClassInfo): boolean {
    for (let c: ClassInfo | null = this.self(); c; c = c.superclass) if (c === other) return true;
    return false;
  }

  get isException(): boolean {
    for (let c: ClassInfo | null = this.self(); c; c = c.superclass)
      if (c.builtin && c.lname === "exception") return true;
    return false;
  }

  /** Does this class implement the interface (directly, through its supers, or through interface extension)? */
  implementsType(t: RType): boolean {
    for (let c: ClassInfo | null = this.self(); c; c = c.superclass) {
      for (const i of c.interfaces) if (sameType(i, t) || (i.k === "class" && i.cls.implementsType(t))) return true;
    }
    return false;
  }

  findMethods(lname: string): MethodDecl[] {
    const out: MethodDecl[] = [];
    for (let c: ClassInfo | null = this.self(); c; c = c.superclass) {
      const ms = c.methods.get(lname);
      if (ms) out.push(...ms);
    }
    return out;
  }
}

export function sameType(a: RType, b: RType): boolean {
  if (a === b) return true;
  if (a.k !== b.k) return false;
  switch (a.k) {
    case "prim":
      return a.name === (b as typeof a).name;
    case "list":
    case "set":
      return sameType(a.elem, (b as typeof a).elem);
    case "map":
      return sameType(a.key, (b as typeof a).key) && sameType(a.value, (b as typeof a).value);
    case "class":
      return a.cls === (b as typeof a).cls;
    case "enum":
      return a.info === (b as typeof a).info;
    case "sobject":
    case "native":
      return a.name.toLowerCase() === (b as typeof a).name.toLowerCase();
    case "void":
      return true;
  }
}

export function typeName(t: RType): string {
  switch (t.k) {
    case "prim":
      return t.name;
    case "list":
      return `List<${typeName(t.elem)}>`;
    case "set":
      return `Set<${typeName(t.elem)}>`;
    case "map":
      return `Map<${typeName(t.key)},${typeName(t.value)}>`;
    case "class":
      return t.cls.fullName;
    case "enum":
      return t.info.fullName;
    case "sobject":
    case "native":
      return t.name;
    case "void":
      return "void";
  }
}

export function typeRefText(t: TypeRef): string {
  return t.names.join(".") + (t.args.length ? `<${t.args.map(typeRefText).join(",")}>` : "");
}
