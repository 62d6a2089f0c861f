/**
 * All types known to a run: the package's classes, built-in exceptions and enums, native library types
 * and SObject types. Resolves written type references (case-insensitively, with optional System./Schema./
 * namespace prefixes) to runtime types.
 */
import type { CompilationUnit, TypeDecl, TypeRef } from "../frontend/ast";
import { emptyModifiers } from "../frontend/convert-types";
import { ClassInfo, EnumInfo, OBJECT, prim, type PrimName, type RType } from "./types";

const PRIMS: Record<string, PrimName> = {
  integer: "Integer",
  long: "Long",
  double: "Double",
  decimal: "Decimal",
  string: "String",
  boolean: "Boolean",
  id: "Id",
  date: "Date",
  datetime: "Datetime",
  time: "Time",
  blob: "Blob",
  object: "Object",
};

export const BUILTIN_EXCEPTIONS: [string, string | null][] = [
  ["Exception", null],
  ["AssertException", "Exception"],
  ["AsyncException", "Exception"],
  ["CalloutException", "Exception"],
  ["DmlException", "Exception"],
  ["EmailException", "Exception"],
  ["FinalException", "Exception"],
  ["HandledException", "Exception"],
  ["IllegalArgumentException", "Exception"],
  ["InvalidParameterValueException", "Exception"],
  ["JSONException", "Exception"],
  ["ListException", "Exception"],
  ["LimitException", "Exception"],
  ["MathException", "Exception"],
  ["NoAccessException", "Exception"],
  ["NoDataFoundException", "Exception"],
  ["NullPointerException", "Exception"],
  ["QueryException", "Exception"],
  ["RequiredFeatureMissingException", "Exception"],
  ["SearchException", "Exception"],
  ["SecurityException", "Exception"],
  ["SerializationException", "Exception"],
  ["SObjectException", "Exception"],
  ["StringException", "Exception"],
  ["TypeException", "Exception"],
  ["UnexpectedException", "Exception"],
  ["XmlException", "Exception"],
  ["AuraHandledException", "Exception"],
  ["NoSuchElementException", "Exception"],
  ["InvalidHeaderException", "Exception"],
  ["DuplicateMessageException", "Exception"],
];

export const BUILTIN_ENUMS: [string, string[]][] = [
  ["RoundingMode", ["CEILING", "DOWN", "FLOOR", "HALF_DOWN", "HALF_EVEN", "HALF_UP", "UNNECESSARY", "UP"]],
  ["LoggingLevel", ["NONE", "ERROR", "WARN", "INFO", "DEBUG", "FINE", "FINER", "FINEST", "INTERNAL"]],
  [
    "JSONToken",
    [
      "END_ARRAY",
      "END_OBJECT",
      "FIELD_NAME",
      "NOT_AVAILABLE",
      "START_ARRAY",
      "START_OBJECT",
      "VALUE_EMBEDDED_OBJECT",
      "VALUE_FALSE",
      "VALUE_NULL",
      "VALUE_NUMBER_FLOAT",
      "VALUE_NUMBER_INT",
      "VALUE_STRING",
      "VALUE_TRUE",
    ],
  ],
  ["AccessType", ["CREATABLE", "READABLE", "UPDATABLE", "UPSERTABLE"]],
  ["AccessLevel", ["USER_MODE", "SYSTEM_MODE"]],
  ["SObjectDescribeOptions", ["DEFAULT", "DEFERRED", "FULL"]],
  ["ParentJobResult", ["SUCCESS", "UNHANDLED_EXCEPTION"]],
  [
    "DisplayType",
    [
      "ADDRESS",
      "ANYTYPE",
      "BASE64",
      "BOOLEAN",
      "COMBOBOX",
      "COMPLEXVALUE",
      "CURRENCY",
      "DATACATEGORYGROUPREFERENCE",
      "DATE",
      "DATETIME",
      "DOUBLE",
      "EMAIL",
      "ENCRYPTEDSTRING",
      "ID",
      "INTEGER",
      "LOCATION",
      "LONG",
      "MULTIPICKLIST",
      "PERCENT",
      "PHONE",
      "PICKLIST",
      "REFERENCE",
      "STRING",
      "TEXTAREA",
      "TIME",
      "URL",
    ],
  ],
  [
    "TriggerOperation",
    [
      "BEFORE_INSERT",
      "BEFORE_UPDATE",
      "BEFORE_DELETE",
      "AFTER_INSERT",
      "AFTER_UPDATE",
      "AFTER_DELETE",
      "AFTER_UNDELETE",
    ],
  ],
  [
    "StatusCode",
    [
      "REQUIRED_FIELD_MISSING",
      "DUPLICATE_VALUE",
      "STRING_TOO_LONG",
      "INVALID_FIELD",
      "FIELD_CUSTOM_VALIDATION_EXCEPTION",
      "INVALID_CROSS_REFERENCE_KEY",
      "ENTITY_IS_DELETED",
      "INSUFFICIENT_ACCESS_OR_READONLY",
      "INVALID_TYPE_ON_FIELD_IN_RECORD",
      "MALFORMED_ID",
      "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
      "FIELD_INTEGRITY_EXCEPTION",
      "INVALID_ID_FIELD",
      "MISSING_ARGUMENT",
      "CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY",
      "UNKNOWN_EXCEPTION",
    ],
  ],
];

/** Native (TypeScript-implemented) types, keyed by lower-case canonical name. */
export const NATIVE_TYPES = new Map<string, string>(
  [
    "HttpRequest",
    "HttpResponse",
    "Http",
    "HttpCalloutMock",
    "Type",
    "JSONGenerator",
    "JSONParser",
    "Savepoint",
    "Queueable",
    "QueueableContext",
    "Finalizer",
    "FinalizerContext",
    "Schedulable",
    "SchedulableContext",
    "Database.Batchable",
    "Database.BatchableContext",
    "Database.Stateful",
    "Database.AllowsCallouts",
    "Database.SaveResult",
    "Database.UpsertResult",
    "Database.DeleteResult",
    "Database.UndeleteResult",
    "Database.Error",
    "Database.QueryLocator",
    "Database.DMLOptions",
    "Comparable",
    "Comparator",
    "StubProvider",
    "System.StubProvider",
    "Iterable",
    "Iterator",
    "SObjectType",
    "SObjectField",
    "DescribeSObjectResult",
    "DescribeFieldResult",
    "PicklistEntry",
    "SObjectAccessDecision",
    "Url",
    "Pattern",
    "Matcher",
    "Callable",
    "Messaging.SingleEmailMessage",
    "UserInfo",
    "Limits",
    "Crypto",
    "EncodingUtil",
    "Math",
    "JSON",
    "System",
    "Test",
    "Database",
    "Schema",
    "Security",
    "EventBus",
    "Assert",
    "Request",
    "Quiddity",
    "RestRequest",
    "RestResponse",
    "RestContext",
    "TimeZone",
    "Messaging",
    "Messaging.SendEmailResult",
    "Messaging.Email",
    "FeatureManagement",
    "Version",
    "InstallHandler",
    "UninstallHandler",
    "InstallContext",
    "UninstallContext",
    "RecordTypeInfo",
    "OrgLimits",
    "OrgLimit",
    "ChildRelationship",
    "Blob",
    "Date",
    "Datetime",
  ].map((n) => [n.toLowerCase(), n]),
);

const NAMESPACES = new Set(["system", "schema", "tandem"]);

const CONNECT_API_ENUMS: [string, string[]][] = [
  ["CredentialPrincipalType", ["NamedPrincipal", "PerUserPrincipal", "AwsStsPrincipal"]],
  ["CredentialAuthenticationProtocol", ["Custom", "Oauth", "Basic", "Jwt", "JwtBearer", "AwsSv4", "NoAuthentication"]],
  ["CredentialAuthenticationStatus", ["Configured", "NotConfigured", "Unknown"]],
];

export class Registry {
  /** lower-case full name ('outer.inner') → type */
  readonly types = new Map<string, ClassInfo | EnumInfo>();
  readonly units: CompilationUnit[] = [];
  readonly sobjectNames = new Map<string, string>();
  private readonly cache = new WeakMap<TypeRef, Map<ClassInfo | null, RType>>();

  constructor() {
    for (const [name, parent] of BUILTIN_EXCEPTIONS) {
      const decl = syntheticDecl(name);
      const cls = new ClassInfo(name, "System." + name, decl, null, null, true);
      if (parent) cls.superclass = this.types.get(parent.toLowerCase()) as ClassInfo;
      cls.linked = true;
      this.types.set(name.toLowerCase(), cls);
    }
    for (const [name, values] of BUILTIN_ENUMS) {
      this.types.set(name.toLowerCase(), new EnumInfo(name, "System." + name, values, true));
    }
    // ConnectApi: the enums and exceptions the package names (data classes are generic native bags)
    for (const [name, values] of CONNECT_API_ENUMS)
      this.types.set(`connectapi.${name.toLowerCase()}`, new EnumInfo(name, "ConnectApi." + name, values, true));
    for (const name of ["ConnectApiException", "NotFoundException", "RateLimitException"]) {
      const cls = new ClassInfo(name, "ConnectApi." + name, syntheticDecl(name), null, null, true);
      cls.superclass = this.types.get("exception") as ClassInfo;
      cls.linked = true;
      this.types.set(`connectapi.${name.toLowerCase()}`, cls);
    }
  }

  addSObject(apiName: string): void {
    this.sobjectNames.set(apiName.toLowerCase(), apiName);
  }

  addUnit(unit: CompilationUnit): void {
    this.units.push(unit);
    if (unit.type) this.addDecl(unit.type, null, unit);
  }

  private addDecl(decl: TypeDecl, outer: ClassInfo | null, unit: CompilationUnit): ClassInfo | EnumInfo {
    const full = outer ? `${outer.fullName}.${decl.name}` : decl.name;
    if (decl.kind === "enum") {
      const e = new EnumInfo(decl.name, full, decl.enumValues);
      this.types.set(full.toLowerCase(), e);
      if (outer) outer.inner.set(decl.name.toLowerCase(), e);
      return e;
    }
    const cls = new ClassInfo(decl.name, full, decl, outer, unit);
    this.types.set(full.toLowerCase(), cls);
    if (outer) outer.inner.set(decl.name.toLowerCase(), cls);
    for (const inner of decl.inner) this.addDecl(inner, cls, unit);
    return cls;
  }

  /** Resolves superclasses and interfaces of every class. Call after all units are added. */
  link(): string[] {
    const problems: string[] = [];
    for (const t of this.types.values()) {
      if (!(t instanceof ClassInfo) || t.linked) continue;
      t.linked = true;
      const ctx = t.outer ?? t;
      if (t.decl.extendsType) {
        const st = this.resolve(t.decl.extendsType, ctx);
        if (st?.k === "class") t.superclass = st.cls;
        else problems.push(`${t.fullName}: unknown superclass ${t.decl.extendsType.names.join(".")}`);
      }
      for (const i of t.decl.implementsTypes) {
        const it = this.resolve(i, ctx);
        if (it) t.interfaces.push(it);
        else problems.push(`${t.fullName}: unknown interface ${i.names.join(".")}`);
      }
    }
    return problems;
  }

  classes(): ClassInfo[] {
    return [...this.types.values()].filter((t): t is ClassInfo => t instanceof ClassInfo && !t.builtin);
  }

  /** Finds a named type visible from `ctx` (inner types of ctx, its outers and supers, then top level). */
  lookupName(names: string[], ctx: ClassInfo | null): ClassInfo | EnumInfo | null {
    const l = names.map((n) => n.toLowerCase());
    while (l.length > 1 && NAMESPACES.has(l[0])) l.shift();
    const direct = l.length > 1 ? this.types.get(l.join(".")) : undefined;
    if (direct) return direct;
    const first = l[0];
    let found: ClassInfo | EnumInfo | null = null;
    for (let c = ctx; c && !found; c = c.outer) {
      if (c.lname === first) {
        found = c;
        break;
      }
      for (let s: ClassInfo | null = c; s && !found; s = s.superclass) found = s.inner.get(first) ?? null;
    }
    found ??= this.types.get(first) ?? null;
    for (let i = 1; i < l.length && found; i++) {
      found = found instanceof ClassInfo ? (found.inner.get(l[i]) ?? null) : null;
    }
    return found;
  }

  resolve(ref: TypeRef, ctx: ClassInfo | null): RType | null {
    let byCtx = this.cache.get(ref);
    const hit = byCtx?.get(ctx);
    if (hit) return hit;
    const t = this.resolveUncached(ref, ctx);
    if (t) {
      if (!byCtx) {
        byCtx = new Map();
        this.cache.set(ref, byCtx);
      }
      byCtx.set(ctx, t);
    }
    return t;
  }

  private resolveUncached(ref: TypeRef, ctx: ClassInfo | null): RType | null {
    const l = ref.names.map((n) => n.toLowerCase());
    while (l.length > 1 && NAMESPACES.has(l[0])) l.shift();
    const joined = l.join(".");
    if (l.length === 1) {
      const p = PRIMS[joined];
      if (p) return prim(p);
      const args = ref.args.map((a) => this.resolve(a, ctx) ?? OBJECT);
      if (joined === "list") return { k: "list", elem: args[0] ?? OBJECT };
      if (joined === "set") return { k: "set", elem: args[0] ?? OBJECT };
      if (joined === "map") return { k: "map", key: args[0] ?? OBJECT, value: args[1] ?? OBJECT };
      if (joined === "sobject") return { k: "sobject", name: "SObject" };
    }
    const named = this.lookupName(ref.names, ctx);
    if (named instanceof ClassInfo) return { k: "class", cls: named };
    if (named instanceof EnumInfo) return { k: "enum", info: named };
    if (l[0] === "connectapi" && l.length === 2)
      return { k: "native", name: `ConnectApi.${ref.names[ref.names.length - 1]}` };
    const native = NATIVE_TYPES.get(joined) ?? NATIVE_TYPES.get("system." + joined);
    if (native) return { k: "native", name: native.replace(/^System\./, "") };
    const so = this.sobjectNames.get(joined);
    if (so) return { k: "sobject", name: so };
    return null;
  }
}

function syntheticDecl(name: string): TypeDecl {
  return {
    kind: "class",
    name,
    line: 0,
    mods: { ...emptyModifiers(), access: "global", isVirtual: true },
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
