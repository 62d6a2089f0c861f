/** Converts type references, modifiers and annotations. */
import type {
  AnnotationContext,
  ModifierContext,
  TypeListContext,
  TypeRefContext,
  TypeNameContext,
} from "@apexdevtools/apex-parser";
import type { Annotation, Modifiers, TypeRef } from "./ast";
import { opt } from "./convert-context";

export function convertTypeRef(ctx: TypeRefContext): TypeRef {
  const parts = ctx.typeName_list();
  const names: string[] = [];
  let args: TypeRef[] = [];
  parts.forEach((tn: TypeNameContext, i: number) => {
    const id = opt(tn.id());
    names.push(id ? id.getText() : tn.LIST() ? "List" : tn.SET() ? "Set" : "Map");
    const ta = opt(tn.typeArguments());
    if (ta && i === parts.length - 1) args = convertTypeList(ta.typeList());
  });
  let t: TypeRef = { names, args };
  // `String[]` is List<String>
  const subs = opt(ctx.arraySubscripts());
  const depth = subs ? subs.LBRACK_list().length : 0;
  for (let i = 0; i < depth; i++) t = { names: ["List"], args: [t] };
  return t;
}

export function convertTypeList(ctx: TypeListContext): TypeRef[] {
  return ctx.typeRef_list().map(convertTypeRef);
}

export function simpleType(name: string, args: TypeRef[] = []): TypeRef {
  return { names: [name], args };
}

export function emptyModifiers(): Modifiers {
  return {
    access: "default",
    isStatic: false,
    isFinal: false,
    isAbstract: false,
    isVirtual: false,
    isOverride: false,
    isTestMethod: false,
    isTransient: false,
    sharing: "none",
    annotations: [],
  };
}

export function convertAnnotation(ctx: AnnotationContext): Annotation {
  const params: Record<string, string> = {};
  const pairs = opt(ctx.elementValuePairs());
  if (pairs) {
    for (const p of pairs.elementValuePair_list()) params[p.id().getText().toLowerCase()] = p.elementValue().getText();
  } else {
    const single = opt(ctx.elementValue());
    if (single) params.value = single.getText();
  }
  return { name: ctx.id().getText(), params };
}

export function convertModifiers(list: ModifierContext[]): Modifiers {
  const m = emptyModifiers();
  for (const mod of list) {
    const ann = opt(mod.annotation());
    if (ann) {
      const a = convertAnnotation(ann);
      m.annotations.push(a);
      if (a.name.toLowerCase() === "istest") m.isTestMethod = true;
      continue;
    }
    const text = mod.getText().toLowerCase();
    if (text === "public" || text === "private" || text === "protected" || text === "global") m.access = text;
    else if (text === "static") m.isStatic = true;
    else if (text === "final") m.isFinal = true;
    else if (text === "abstract") m.isAbstract = true;
    else if (text === "virtual") m.isVirtual = true;
    else if (text === "override") m.isOverride = true;
    else if (text === "testmethod") m.isTestMethod = true;
    else if (text === "transient") m.isTransient = true;
    else if (text === "withsharing") m.sharing = "with";
    else if (text === "withoutsharing") m.sharing = "without";
    else if (text === "inheritedsharing") m.sharing = "inherited";
  }
  return m;
}

export function hasAnnotation(m: Modifiers, name: string): Annotation | undefined {
  const l = name.toLowerCase();
  return m.annotations.find((a) => a.name.toLowerCase() === l);
}
