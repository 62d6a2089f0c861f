/**
 * The runtime's own typed AST. The ANTLR parse tree is converted into these plain, JSON-serialisable
 * objects once (see convert*.ts) and cached by file hash; nothing after the front end sees ANTLR types.
 * Names keep their source spelling; lookups lower-case them (Apex names are case-insensitive).
 */

/** A type as written in source: `List<Map<String, Account>>`, `Outer.Inner`, `String[]` (= List<String>). */
export interface TypeRef {
  /** Dotted name parts as written, e.g. ["System", "HttpRequest"] or ["Outer", "Inner"]. */
  names: string[];
  args: TypeRef[];
}

export interface Annotation {
  name: string;
  /** Lower-cased element name → raw source text of its value. */
  params: Record<string, string>;
}

export interface Modifiers {
  access: "public" | "private" | "protected" | "global" | "default";
  isStatic: boolean;
  isFinal: boolean;
  isAbstract: boolean;
  isVirtual: boolean;
  isOverride: boolean;
  isTestMethod: boolean;
  isTransient: boolean;
  sharing: "with" | "without" | "inherited" | "none";
  annotations: Annotation[];
}

// ---------------------------------------------------------------- expressions

export type LiteralType = "Integer" | "Long" | "Decimal" | "Double" | "String" | "Boolean" | "Null";

export type Expr =
  | { k: "lit"; line: number; type: LiteralType; text: string }
  | { k: "name"; line: number; name: string }
  | { k: "dot"; line: number; target: Expr; name: string; safe: boolean }
  | { k: "call"; line: number; target: Expr | null; name: string; args: Expr[]; safe: boolean }
  | { k: "ctorCall"; line: number; which: "this" | "super"; args: Expr[] }
  | { k: "index"; line: number; target: Expr; index: Expr }
  | { k: "new"; line: number; type: TypeRef; args: Expr[] }
  /** `new Account(Name = 'x')`: SObject constructor with field=value pairs. */
  | { k: "newSObject"; line: number; type: TypeRef; pairs: { field: string; value: Expr }[] }
  | { k: "newArray"; line: number; type: TypeRef; size: Expr | null; items: Expr[] | null }
  | { k: "newCollection"; line: number; type: TypeRef; items: Expr[] }
  | { k: "newMap"; line: number; type: TypeRef; pairs: { key: Expr; value: Expr }[] }
  | { k: "cast"; line: number; type: TypeRef; expr: Expr }
  | { k: "unary"; line: number; op: "-" | "+" | "!" | "~"; expr: Expr }
  | { k: "incdec"; line: number; op: "++" | "--"; prefix: boolean; target: Expr }
  | { k: "binary"; line: number; op: BinaryOp; left: Expr; right: Expr }
  | { k: "instanceof"; line: number; expr: Expr; type: TypeRef }
  | { k: "cond"; line: number; test: Expr; then: Expr; else: Expr }
  | { k: "assign"; line: number; op: AssignOp; target: Expr; value: Expr }
  | { k: "this"; line: number }
  | { k: "super"; line: number }
  | { k: "classLit"; line: number; type: TypeRef | null }
  | { k: "soql"; line: number; query: SoqlQuery }
  | { k: "unsupported"; line: number; feature: string };

export type BinaryOp =
  | "+"
  | "-"
  | "*"
  | "/"
  | "<<"
  | ">>"
  | ">>>"
  | "<"
  | ">"
  | "<="
  | ">="
  | "=="
  | "!="
  | "==="
  | "!=="
  | "&"
  | "|"
  | "^"
  | "&&"
  | "||"
  | "??";

export type AssignOp = "=" | "+=" | "-=" | "*=" | "/=" | "&=" | "|=" | "^=" | "<<=" | ">>=" | ">>>=";

// ---------------------------------------------------------------- statements

export interface VarDecl {
  name: string;
  init: Expr | null;
  line: number;
}

export type DmlOp = "insert" | "update" | "upsert" | "delete" | "undelete" | "merge";

export type WhenValue =
  { k: "else" } | { k: "values"; values: WhenLiteral[] } | { k: "type"; type: TypeRef; name: string };

export type WhenLiteral =
  | { k: "int"; text: string; negative: boolean; long: boolean }
  | { k: "string"; text: string }
  | { k: "null" }
  | { k: "enum"; names: string[] };

export type Stmt =
  | { k: "block"; line: number; body: Stmt[] }
  | { k: "local"; line: number; type: TypeRef; decls: VarDecl[] }
  | { k: "expr"; line: number; expr: Expr }
  | { k: "if"; line: number; test: Expr; then: Stmt; else: Stmt | null }
  | { k: "while"; line: number; test: Expr; body: Stmt | null }
  | { k: "doWhile"; line: number; test: Expr; body: Stmt }
  | {
      k: "for";
      line: number;
      init: { k: "local"; type: TypeRef; decls: VarDecl[] } | { k: "exprs"; exprs: Expr[] } | null;
      test: Expr | null;
      update: Expr[];
      body: Stmt | null;
    }
  | { k: "forEach"; line: number; type: TypeRef; name: string; iterable: Expr; body: Stmt | null }
  | { k: "switch"; line: number; expr: Expr; whens: { value: WhenValue; body: Stmt; line: number }[] }
  | {
      k: "try";
      line: number;
      body: Stmt;
      catches: { type: TypeRef; name: string; body: Stmt; line: number }[];
      final: Stmt | null;
    }
  | { k: "return"; line: number; expr: Expr | null }
  | { k: "throw"; line: number; expr: Expr }
  | { k: "break"; line: number }
  | { k: "continue"; line: number }
  | {
      k: "dml";
      line: number;
      op: DmlOp;
      access: "user" | "system" | null;
      expr: Expr;
      extra: Expr | null;
      field: string[] | null;
    }
  | { k: "runAs"; line: number; args: Expr[]; body: Stmt }
  | { k: "unsupported"; line: number; feature: string };

// ---------------------------------------------------------------- declarations

export interface Param {
  type: TypeRef;
  name: string;
}

export interface MethodDecl {
  name: string;
  line: number;
  endLine: number;
  mods: Modifiers;
  /** null for void. */
  returnType: TypeRef | null;
  params: Param[];
  /** null for abstract and interface methods. */
  body: Stmt | null;
}

export interface CtorDecl {
  line: number;
  mods: Modifiers;
  params: Param[];
  body: Stmt;
}

export interface FieldDecl {
  line: number;
  mods: Modifiers;
  type: TypeRef;
  name: string;
  init: Expr | null;
}

export interface PropertyDecl {
  line: number;
  mods: Modifiers;
  type: TypeRef;
  name: string;
  /** null when the accessor is absent; body null when it is automatic (`get;`). */
  getter: { mods: Modifiers; body: Stmt | null } | null;
  setter: { mods: Modifiers; body: Stmt | null } | null;
}

/** Members that run at initialisation, in source order (field initialisers and initializer blocks). */
export type InitMember = { k: "field"; field: FieldDecl } | { k: "block"; isStatic: boolean; body: Stmt; line: number };

export interface TypeDecl {
  kind: "class" | "interface" | "enum";
  name: string;
  line: number;
  mods: Modifiers;
  extendsType: TypeRef | null;
  implementsTypes: TypeRef[];
  fields: FieldDecl[];
  properties: PropertyDecl[];
  methods: MethodDecl[];
  ctors: CtorDecl[];
  inits: InitMember[];
  inner: TypeDecl[];
  enumValues: string[];
}

export interface TriggerDecl {
  name: string;
  sobject: string;
  events: string[];
  body: Stmt;
  line: number;
}

export interface Unsupported {
  feature: string;
  line: number;
}

export interface CompilationUnit {
  file: string;
  hash: string;
  type: TypeDecl | null;
  trigger: TriggerDecl | null;
  /** Lines holding executable statements, as Salesforce counts them for coverage. */
  executableLines: number[];
  unsupported: Unsupported[];
  syntaxErrors: string[];
}

// ---------------------------------------------------------------- SOQL

export interface SoqlField {
  k: "field";
  path: string[];
  alias: string | null;
}
export interface SoqlAggregate {
  k: "agg";
  fn: string;
  path: string[] | null;
  alias: string | null;
}
export type SoqlSelect =
  SoqlField | SoqlAggregate | { k: "sub"; query: SoqlQuery } | { k: "unsupported"; feature: string };

export type SoqlValue =
  | { k: "null" }
  | { k: "bool"; value: boolean }
  | { k: "number"; text: string }
  | { k: "string"; value: string }
  | { k: "date"; text: string }
  | { k: "datetime"; text: string }
  | { k: "dateLiteral"; name: string; n: number | null }
  | { k: "list"; values: SoqlValue[] }
  | { k: "bind"; expr: Expr; name: string | null }
  | { k: "sub"; query: SoqlQuery };

export type SoqlCond =
  | { k: "and"; items: SoqlCond[] }
  | { k: "or"; items: SoqlCond[] }
  | { k: "not"; item: SoqlCond }
  | { k: "cmp"; left: SoqlField | SoqlAggregate; op: string; value: SoqlValue };

export interface SoqlOrder {
  left: SoqlField | SoqlAggregate;
  desc: boolean;
  nullsFirst: boolean | null;
}

export interface SoqlQuery {
  select: SoqlSelect[];
  from: string;
  where: SoqlCond | null;
  withMode: "USER_MODE" | "SYSTEM_MODE" | "SECURITY_ENFORCED" | null;
  groupBy: (SoqlField | SoqlAggregate)[];
  having: SoqlCond | null;
  orderBy: SoqlOrder[];
  limit: SoqlValue | null;
  offset: SoqlValue | null;
  forUpdate: boolean;
  allRows: boolean;
  unsupported: string[];
}
