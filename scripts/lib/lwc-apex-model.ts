/**
 * Reads what LWC can see of an Apex class: its static @AuraEnabled methods, the @AuraEnabled properties of
 * its (inner) classes and its enums. Uses @apexdevtools/apex-parser, so formatting and casing do not matter.
 */
import {
  ApexErrorListener,
  ApexParserFactory,
  type ClassDeclarationContext,
  type ModifierContext,
  type TypeRefContext,
} from "@apexdevtools/apex-parser";

/** A type as written in Apex: `Map<String, List<Foo.Bar>>` is Map with two arguments. */
export interface ApexTypeRef {
  /** Dotted name as written, e.g. "String", "ConnectorTypes.Page", "Schema.Account". */
  name: string;
  args: ApexTypeRef[];
  /** `String[]` is written with one array dimension. */
  arrays: number;
}

export interface ApexMethod {
  name: string;
  cacheable: boolean;
  params: { name: string; type: ApexTypeRef }[];
  /** Undefined for void. */
  returns?: ApexTypeRef;
}

export interface ApexClassModel {
  /** "Outer" or "Outer.Inner". */
  name: string;
  properties: { name: string; type: ApexTypeRef }[];
  methods: ApexMethod[];
}

export interface ApexEnumModel {
  name: string;
  values: string[];
}

export interface ApexFileModel {
  classes: ApexClassModel[];
  enums: ApexEnumModel[];
  errors: string[];
}

/** ANTLR's generated accessors return null for absent children although their types say otherwise. */
function present<T>(node: T): T | undefined {
  return node ?? undefined;
}

function annotations(modifiers: ModifierContext[]): { name: string; pairs: Map<string, string> }[] {
  return modifiers.flatMap((modifier) => {
    const annotation = present(modifier.annotation());
    if (!annotation) return [];
    const pairs = new Map<string, string>();
    for (const pair of present(annotation.elementValuePairs())?.elementValuePair_list() ?? []) {
      pairs.set(pair.id().getText().toLowerCase(), pair.elementValue().getText().toLowerCase());
    }
    return [{ name: annotation.id().getText().toLowerCase(), pairs }];
  });
}

function has(modifiers: ModifierContext[], keyword: "static" | "public" | "global"): boolean {
  return modifiers.some((modifier) => modifier.getText().toLowerCase() === keyword);
}

export function readTypeRef(ref: TypeRefContext): ApexTypeRef {
  const parts = ref.typeName_list();
  const last = parts[parts.length - 1];
  const args = present(last?.typeArguments())?.typeList().typeRef_list().map(readTypeRef) ?? [];
  const name = parts
    .map((part) => (present(part.typeArguments()) ? part.getText().split("<")[0] : part.getText()))
    .join(".");
  const arrays = present(ref.arraySubscripts())?.LBRACK_list().length ?? 0;
  return { name, args, arrays };
}

function readClass(decl: ClassDeclarationContext, prefix: string, model: ApexFileModel): void {
  const name = prefix + decl.id().getText();
  const current: ApexClassModel = { name, properties: [], methods: [] };
  model.classes.push(current);
  for (const body of decl.classBody().classBodyDeclaration_list()) {
    const member = present(body.memberDeclaration());
    if (!member) continue;
    const modifiers = body.modifier_list();
    const aura = annotations(modifiers).find((a) => a.name === "auraenabled");
    const inner = present(member.classDeclaration());
    const innerEnum = present(member.enumDeclaration());
    const method = present(member.methodDeclaration());
    const field = present(member.fieldDeclaration());
    const property = present(member.propertyDeclaration());
    if (inner) readClass(inner, `${name}.`, model);
    if (innerEnum) {
      const values =
        present(innerEnum.enumConstants())
          ?.id_list()
          .map((id) => id.getText()) ?? [];
      model.enums.push({ name: `${name}.${innerEnum.id().getText()}`, values });
    }
    if (!aura) continue;
    if (method && has(modifiers, "static")) {
      const returnRef = present(method.typeRef());
      current.methods.push({
        name: method.id().getText(),
        cacheable: aura.pairs.get("cacheable") === "true",
        params: (present(method.formalParameters().formalParameterList())?.formalParameter_list() ?? []).map((p) => ({
          name: p.id().getText(),
          type: readTypeRef(p.typeRef()),
        })),
        returns: returnRef ? readTypeRef(returnRef) : undefined,
      });
    }
    const visible = has(modifiers, "public") || has(modifiers, "global");
    if (field && visible && !has(modifiers, "static")) {
      const type = readTypeRef(field.typeRef());
      for (const variable of field.variableDeclarators().variableDeclarator_list()) {
        current.properties.push({ name: variable.id().getText(), type });
      }
    }
    if (property && visible && !has(modifiers, "static")) {
      current.properties.push({ name: property.id().getText(), type: readTypeRef(property.typeRef()) });
    }
  }
}

class CollectingListener extends ApexErrorListener {
  readonly errors: string[] = [];
  constructor(private readonly fileName: string) {
    super();
  }
  apexSyntaxError(line: number, column: number, msg: string): void {
    this.errors.push(`${this.fileName}:${line}:${column + 1} ${msg}`);
  }
}

export function readApexFile(source: string, fileName: string): ApexFileModel {
  const listener = new CollectingListener(fileName);
  const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
  const unit = parser.compilationUnit();
  const model: ApexFileModel = { classes: [], enums: [], errors: listener.errors };
  if (listener.errors.length > 0) return model;
  const type = unit.typeDeclaration();
  const decl = present(type.classDeclaration());
  const topEnum = present(type.enumDeclaration());
  if (decl) readClass(decl, "", model);
  if (topEnum) {
    const values =
      present(topEnum.enumConstants())
        ?.id_list()
        .map((id) => id.getText()) ?? [];
    model.enums.push({ name: topEnum.id().getText(), values });
  }
  return model;
}
