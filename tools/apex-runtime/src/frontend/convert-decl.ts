/** Converts class, interface, enum and trigger declarations. */
import type {
  ClassDeclarationContext,
  EnumDeclarationContext,
  InterfaceDeclarationContext,
  MemberDeclarationContext,
  TriggerUnitContext,
  TypeDeclarationContext,
} from "@apexdevtools/apex-parser";
import type { Modifiers, Stmt, TriggerDecl, TypeDecl } from "./ast";
import { ConvertContext, lineOf, opt } from "./convert-context";
import { convertExpr } from "./convert-expr";
import { convertBlock, convertStmt } from "./convert-stmt";
import { convertModifiers, convertTypeList, convertTypeRef, emptyModifiers } from "./convert-types";

function emptyType(kind: TypeDecl["kind"], name: string, line: number, mods: Modifiers): TypeDecl {
  return {
    kind,
    name,
    line,
    mods,
    extendsType: null,
    implementsTypes: [],
    fields: [],
    properties: [],
    methods: [],
    ctors: [],
    inits: [],
    inner: [],
    enumValues: [],
  };
}

function convertEnum(ctx: EnumDeclarationContext, mods: Modifiers): TypeDecl {
  const t = emptyType("enum", ctx.id().getText(), lineOf(ctx), mods);
  const consts = opt(ctx.enumConstants());
  t.enumValues = consts ? consts.id_list().map((i) => i.getText()) : [];
  return t;
}

function convertInterface(ctx: InterfaceDeclarationContext, mods: Modifiers): TypeDecl {
  const t = emptyType("interface", ctx.id().getText(), lineOf(ctx), mods);
  const ext = opt(ctx.typeList());
  if (ext) t.implementsTypes = convertTypeList(ext);
  for (const m of ctx.interfaceBody().interfaceMethodDeclaration_list()) {
    const tr = opt(m.typeRef());
    const fp = opt(m.formalParameters().formalParameterList());
    t.methods.push({
      name: m.id().getText(),
      line: lineOf(m),
      endLine: lineOf(m),
      mods: { ...convertModifiers(m.modifier_list()), isAbstract: true },
      returnType: tr ? convertTypeRef(tr) : null,
      params: fp
        ? fp.formalParameter_list().map((p) => ({ type: convertTypeRef(p.typeRef()), name: p.id().getText() }))
        : [],
      body: null,
    });
  }
  return t;
}

function convertMember(cx: ConvertContext, t: TypeDecl, mods: Modifiers, md: MemberDeclarationContext): void {
  const m = opt(md.methodDeclaration());
  if (m) {
    const tr = opt(m.typeRef());
    const fp = opt(m.formalParameters().formalParameterList());
    const block = opt(m.block());
    t.methods.push({
      name: m.id().getText(),
      line: lineOf(m),
      endLine: m.stop ? m.stop.line : lineOf(m),
      mods,
      returnType: tr ? convertTypeRef(tr) : null,
      params: fp
        ? fp.formalParameter_list().map((p) => ({ type: convertTypeRef(p.typeRef()), name: p.id().getText() }))
        : [],
      body: block ? convertBlock(cx, block) : null,
    });
    return;
  }
  const c = opt(md.constructorDeclaration());
  if (c) {
    const fp = opt(c.formalParameters().formalParameterList());
    t.ctors.push({
      line: lineOf(c),
      mods,
      params: fp
        ? fp.formalParameter_list().map((p) => ({ type: convertTypeRef(p.typeRef()), name: p.id().getText() }))
        : [],
      body: convertBlock(cx, c.block()),
    });
    return;
  }
  const f = opt(md.fieldDeclaration());
  if (f) {
    const type = convertTypeRef(f.typeRef());
    for (const d of f.variableDeclarators().variableDeclarator_list()) {
      const e = opt(d.expression());
      const line = lineOf(d);
      if (e) cx.executable(line);
      const field = { line, mods, type, name: d.id().getText(), init: e ? convertExpr(cx, e) : null };
      t.fields.push(field);
      t.inits.push({ k: "field", field });
    }
    return;
  }
  const p = opt(md.propertyDeclaration());
  if (p) {
    const prop: TypeDecl["properties"][number] = {
      line: lineOf(p),
      mods,
      type: convertTypeRef(p.typeRef()),
      name: p.id().getText(),
      getter: null,
      setter: null,
    };
    for (const pb of p.propertyBlock_list()) {
      const pm = convertModifiers(pb.modifier_list());
      const g = opt(pb.getter());
      if (g) prop.getter = { mods: pm, body: opt(g.block()) ? convertBlock(cx, g.block()) : null };
      const s = opt(pb.setter());
      if (s) prop.setter = { mods: pm, body: opt(s.block()) ? convertBlock(cx, s.block()) : null };
    }
    t.properties.push(prop);
    return;
  }
  const cd = opt(md.classDeclaration());
  if (cd) {
    t.inner.push(convertClass(cx, cd, mods));
    return;
  }
  const id = opt(md.interfaceDeclaration());
  if (id) {
    t.inner.push(convertInterface(id, mods));
    return;
  }
  const ed = opt(md.enumDeclaration());
  if (ed) t.inner.push(convertEnum(ed, mods));
}

export function convertClass(cx: ConvertContext, ctx: ClassDeclarationContext, mods: Modifiers): TypeDecl {
  const t = emptyType("class", ctx.id().getText(), lineOf(ctx), mods);
  const ext = opt(ctx.typeRef());
  if (ext) t.extendsType = convertTypeRef(ext);
  const impl = opt(ctx.typeList());
  if (impl) t.implementsTypes = convertTypeList(impl);
  for (const bd of ctx.classBody().classBodyDeclaration_list()) {
    const block = opt(bd.block());
    if (block) {
      t.inits.push({
        k: "block",
        isStatic: opt(bd.STATIC()) !== null,
        body: convertBlock(cx, block),
        line: lineOf(bd),
      });
      continue;
    }
    const md = opt(bd.memberDeclaration());
    if (md) convertMember(cx, t, convertModifiers(bd.modifier_list()), md);
  }
  return t;
}

export function convertTypeDeclaration(cx: ConvertContext, ctx: TypeDeclarationContext): TypeDecl {
  const mods = convertModifiers(ctx.modifier_list());
  const cd = opt(ctx.classDeclaration());
  if (cd) return convertClass(cx, cd, mods);
  const id = opt(ctx.interfaceDeclaration());
  if (id) return convertInterface(id, mods);
  return convertEnum(ctx.enumDeclaration(), mods);
}

export function convertTrigger(cx: ConvertContext, ctx: TriggerUnitContext): TriggerDecl {
  const ids = ctx.id_list();
  const body: Stmt[] = [];
  for (const m of ctx.triggerBlock().triggerBlockMember_list()) {
    const s = opt(m.statement());
    if (s) body.push(convertStmt(cx, s));
    else cx.unsupportedAt("member declaration in trigger", lineOf(m));
  }
  return {
    name: ids[0].getText(),
    sobject: ids[1].getText(),
    events: ctx.triggerCase_list().map((c) =>
      c
        .getText()
        .toLowerCase()
        .replace(/^(before|after)/, "$1 "),
    ),
    body: { k: "block", line: lineOf(ctx), body },
    line: lineOf(ctx),
  };
}

export { emptyModifiers };
