/**
 * Symbol tables of user classes as the checker sees them: fields and properties (inherited ones too),
 * methods visible on a static type (the class chain plus every interface it implements, so a call on an
 * interface or an abstract class finds the method it only promises), constructors, and the resolved
 * parameter and return types of each.
 */
import type { CtorDecl, MethodDecl } from "../frontend/ast";
import { methodsOf, type Callable } from "../interp/invoke";
import type { Registry } from "../interp/registry";
import { typeName, type ClassInfo, type RType } from "../interp/types";
import { UNKNOWN, VOID, type SType } from "./stype";

export interface FieldInfo {
  type: SType;
  isStatic: boolean;
  owner: ClassInfo;
}

export class Members {
  private readonly fields = new Map<ClassInfo, Map<string, FieldInfo | null>>();
  private readonly visible = new Map<ClassInfo, Map<string, Callable[]>>();
  private readonly params = new WeakMap<Callable["decl"], (RType | null)[]>();

  constructor(private readonly reg: Registry) {}

  /** A field or property declared on cls or a superclass (as the runtime's findMember). */
  field(cls: ClassInfo, lname: string): FieldInfo | null {
    let byName = this.fields.get(cls);
    if (!byName) this.fields.set(cls, (byName = new Map<string, FieldInfo | null>()));
    const hit = byName.get(lname);
    if (hit !== undefined) return hit;
    let found: FieldInfo | null = null;
    for (let c: ClassInfo | null = cls; c && !found; c = c.superclass) {
      const decl = c.fieldDecls.get(lname) ?? c.props.get(lname);
      if (decl) found = { type: this.reg.resolve(decl.type, c) ?? UNKNOWN, isStatic: decl.mods.isStatic, owner: c };
    }
    byName.set(lname, found);
    return found;
  }

  /** Methods named lname callable on a value of static type cls. */
  methods(cls: ClassInfo, lname: string): Callable[] {
    let byName = this.visible.get(cls);
    if (!byName) this.visible.set(cls, (byName = new Map<string, Callable[]>()));
    let hit = byName.get(lname);
    if (!hit) {
      hit = [...methodsOf(cls, lname)];
      const seen = new Set(hit.map((c) => this.signature(c)));
      for (const i of this.interfaces(cls)) {
        for (const m of i.methods.get(lname) ?? []) {
          const c: Callable = { owner: i, decl: m };
          const sig = this.signature(c);
          if (!seen.has(sig)) {
            seen.add(sig);
            hit.push(c);
          }
        }
      }
      byName.set(lname, hit);
    }
    return hit;
  }

  ctors(cls: ClassInfo): Callable[] {
    return cls.decl.ctors.map((c: CtorDecl) => ({ owner: cls, decl: c }));
  }

  paramTypes(c: Callable): (RType | null)[] {
    let t = this.params.get(c.decl);
    if (!t) this.params.set(c.decl, (t = c.decl.params.map((p) => this.reg.resolve(p.type, c.owner))));
    return t;
  }

  returnType(c: Callable): SType {
    const ret = (c.decl as MethodDecl).returnType;
    if (!ret) return VOID;
    return this.reg.resolve(ret, c.owner) ?? UNKNOWN;
  }

  /** Every user interface cls implements, directly or through superclasses and interface extension. */
  private interfaces(cls: ClassInfo): ClassInfo[] {
    const out: ClassInfo[] = [];
    const visit = (c: ClassInfo): void => {
      for (const i of c.interfaces) {
        if (i.k === "class" && !out.includes(i.cls)) {
          out.push(i.cls);
          visit(i.cls);
        }
      }
    };
    for (let c: ClassInfo | null = cls; c; c = c.superclass) visit(c);
    return out;
  }

  private signature(c: Callable): string {
    return this.paramTypes(c)
      .map((t, i) => (t ? typeName(t) : c.decl.params[i].type.names.join(".")))
      .join(",");
  }
}
