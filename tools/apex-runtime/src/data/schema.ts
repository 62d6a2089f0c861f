/**
 * SObject schemas: the project's custom objects and fields read from force-app XML, plus the standard
 * objects of the platform jar (platform/) with the overlay of standard-objects.ts. Names are
 * case-insensitive; every object gets the system fields. A standard object's fields and child relationships
 * are built on first use: there are thousands, and a test run touches a handful.
 */
import { asText } from "../interp/text";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { KEY_PREFIXES } from "./standard-objects";
import { loadPlatformCatalog, type PlatformCatalog } from "./platform/catalog";
import { assignKeyPrefixes } from "./platform/key-prefixes";
import { OVERLAID_OBJECTS, standardChildren, standardFieldSpecs } from "./platform/standard-object";

export type FieldType =
  | "Id"
  | "Text"
  | "TextArea"
  | "LongTextArea"
  | "Html"
  | "Email"
  | "Url"
  | "Phone"
  | "Picklist"
  | "MultiselectPicklist"
  | "Number"
  | "Currency"
  | "Percent"
  | "Checkbox"
  | "Date"
  | "DateTime"
  | "Time"
  | "Lookup"
  | "MasterDetail"
  | "AutoNumber"
  | "Formula"
  | "EncryptedText"
  | "Address"
  | "Location"
  | "Base64"
  /** Values of any type: history OldValue/NewValue, junction id lists. */
  | "AnyType";

export interface FieldSchema {
  name: string;
  label: string;
  type: FieldType;
  /** For formulas: the formula's result type. */
  resultType?: FieldType;
  length: number | null;
  precision: number | null;
  scale: number | null;
  required: boolean;
  unique: boolean;
  caseSensitive: boolean;
  externalId: boolean;
  referenceTo: string[];
  relationshipName: string | null;
  defaultValue: string | null;
  picklistValues: string[];
  restricted: boolean;
  /** System fields set by the platform, never writable. */
  system: boolean;
  custom: boolean;
}

export interface ChildRelationship {
  name: string;
  childObject: string;
  field: string;
}

export interface ObjectSchema {
  name: string;
  label: string;
  keyPrefix: string;
  custom: boolean;
  kind: "object" | "setting" | "metadata" | "event";
  fields: Map<string, FieldSchema>;
  children: Map<string, ChildRelationship>;
}

function field(name: string, type: FieldType, extra: Partial<FieldSchema> = {}): FieldSchema {
  return {
    name,
    label: name,
    type,
    length: null,
    precision: null,
    scale: null,
    required: false,
    unique: false,
    caseSensitive: false,
    externalId: false,
    referenceTo: [],
    relationshipName: null,
    defaultValue: null,
    picklistValues: [],
    restricted: false,
    system: false,
    custom: name.endsWith("__c"),
    ...extra,
  };
}

/** Set by the platform on every record, never writable. */
const SYSTEM_FIELDS: FieldSchema[] = [
  field("Id", "Id"),
  field("IsDeleted", "Checkbox"),
  field("CreatedDate", "DateTime"),
  field("CreatedById", "Lookup", { referenceTo: ["User"], relationshipName: "CreatedBy" }),
  field("LastModifiedDate", "DateTime"),
  field("LastModifiedById", "Lookup", { referenceTo: ["User"], relationshipName: "LastModifiedBy" }),
  field("SystemModstamp", "DateTime"),
].map((f) => ({ ...f, system: true }));
const SYSTEM_FIELD_NAMES = new Set(SYSTEM_FIELDS.map((f) => f.name.toLowerCase()));

function addSystemFields(fields: Map<string, FieldSchema>, hasOwner: boolean): void {
  for (const f of SYSTEM_FIELDS) {
    if (!fields.has(f.name.toLowerCase())) fields.set(f.name.toLowerCase(), { ...f, referenceTo: [...f.referenceTo] });
  }
  if (hasOwner && !fields.has("ownerid")) {
    fields.set("ownerid", field("OwnerId", "Lookup", { referenceTo: ["User"], relationshipName: "Owner" }));
  }
}

type Xml = Record<string, unknown>;

function text(x: unknown): string | null {
  if (x === undefined || x === null) return null;
  return asText(x);
}

function num(x: unknown): number | null {
  const t = text(x);
  return t === null ? null : Number(t);
}

function bool(x: unknown): boolean {
  return text(x) === "true";
}

const parser = new XMLParser({
  ignoreAttributes: true,
  isArray: (name) => ["value", "customValue", "fields"].includes(name),
});

function parseField(xml: Xml): FieldSchema {
  const f = xml.CustomField as Xml;
  const type = (text(f.type) ?? "Text") as FieldType;
  const vs = f.valueSet as Xml | undefined;
  const vsd = vs?.valueSetDefinition as Xml | undefined;
  const values = ((vsd?.value as Xml[] | undefined) ?? []).map((v) => String(v.fullName));
  const isFormula = f.formula !== undefined;
  return field(String(f.fullName), isFormula ? "Formula" : type, {
    label: text(f.label) ?? String(f.fullName),
    resultType: isFormula ? type : undefined,
    length: num(f.length),
    precision: num(f.precision),
    scale: num(f.scale),
    required: bool(f.required) || type === "MasterDetail",
    unique: bool(f.unique),
    caseSensitive: bool(f.caseSensitive),
    externalId: bool(f.externalId),
    referenceTo: f.referenceTo ? [asText(f.referenceTo)] : [],
    relationshipName: text(f.relationshipName),
    defaultValue: text(f.defaultValue),
    picklistValues: values,
    restricted: bool(vs?.restricted),
    custom: true,
  });
}

/**
 * A standard object: its fields (the jar's, the overlay's, the system ones) and child relationships are built
 * when first read. A class, not an object literal with getters: V8 builds thousands of these in a few ms.
 */
class StandardObject implements ObjectSchema {
  readonly custom = false;
  readonly kind = "object";
  label: string;
  private built: Pick<ObjectSchema, "fields" | "children"> | undefined;

  constructor(
    readonly name: string,
    readonly keyPrefix: string,
    private readonly catalog: PlatformCatalog,
  ) {
    this.label = name;
  }

  get fields(): Map<string, FieldSchema> {
    return this.build().fields;
  }

  get children(): Map<string, ChildRelationship> {
    return this.build().children;
  }

  private build(): Pick<ObjectSchema, "fields" | "children"> {
    if (this.built) return this.built;
    const platform = this.catalog.get(this.name);
    const fields = new Map<string, FieldSchema>();
    for (const [name, type, attributes] of standardFieldSpecs(this.name, platform)) {
      const key = name.toLowerCase();
      if (!SYSTEM_FIELD_NAMES.has(key)) fields.set(key, field(name, type, { custom: false, ...attributes }));
    }
    addSystemFields(fields, false);
    const children = new Map(standardChildren(this.name, platform).map((c) => [c.name.toLowerCase(), c]));
    this.built = { fields, children };
    return this.built;
  }
}

/** The name a child uses to reach its parent: custom `Parent__c` → `Parent__r`, standard `AccountId` → `Account`. */
export function parentRelationshipName(f: FieldSchema): string {
  if (f.custom) return f.name.replace(/__c$/i, "__r");
  return f.name.replace(/Id$/, "");
}

export class Schema {
  readonly objects = new Map<string, ObjectSchema>();
  private readonly prefixes = new Map<string, ObjectSchema>();
  private prefixCounter = 0;

  constructor(catalog: PlatformCatalog = loadPlatformCatalog()) {
    const names = [...new Set([...catalog.names, ...OVERLAID_OBJECTS])].sort();
    for (const [name, prefix] of assignKeyPrefixes(names, KEY_PREFIXES))
      this.register(new StandardObject(name, prefix, catalog));
  }

  private register(o: ObjectSchema): void {
    this.objects.set(o.name.toLowerCase(), o);
    if (!this.prefixes.has(o.keyPrefix)) this.prefixes.set(o.keyPrefix, o);
  }

  /** Loads every object folder under force-app/main/default/objects (or another objects dir). */
  loadObjectsDir(dir: string): void {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const objFile = join(dir, name, `${name}.object-meta.xml`);
      const existing = this.objects.get(name.toLowerCase());
      let o: ObjectSchema;
      if (existing) o = existing;
      else {
        const kind: ObjectSchema["kind"] = name.endsWith("__mdt")
          ? "metadata"
          : name.endsWith("__e")
            ? "event"
            : "object";
        o = {
          name,
          label: name,
          keyPrefix: this.nextPrefix(kind),
          custom: true,
          kind,
          fields: new Map(),
          children: new Map(),
        };
        let hasOwner = kind === "object";
        if (existsSync(objFile)) {
          const x = (parser.parse(readFileSync(objFile, "utf8")) as Xml).CustomObject as Xml;
          o.label = text(x.label) ?? name;
          if (x.customSettingsType) {
            o.kind = "setting";
            hasOwner = false;
            o.fields.set(
              "setupownerid",
              field("SetupOwnerId", "Lookup", { referenceTo: ["Organization", "Profile", "User"] }),
            );
          }
          const nf = x.nameField as Xml | undefined;
          if (nf || kind === "metadata") {
            o.fields.set(
              "name",
              field("Name", nf && text(nf.type) === "AutoNumber" ? "AutoNumber" : "Text", {
                length: 80,
                label: text(nf?.label) ?? "Name",
                custom: false,
              }),
            );
          }
          if (kind === "metadata") {
            o.fields.set("developername", field("DeveloperName", "Text", { length: 40, custom: false }));
            o.fields.set("masterlabel", field("MasterLabel", "Text", { length: 40, custom: false }));
            o.fields.set("label", field("Label", "Text", { length: 40, custom: false }));
            o.fields.set("qualifiedapiname", field("QualifiedApiName", "Text", { length: 40, custom: false }));
          }
        }
        this.register(o);
        const fieldsDir = join(dir, name, "fields");
        let masterDetail = false;
        if (existsSync(fieldsDir)) {
          for (const ff of readdirSync(fieldsDir)
            .filter((f) => f.endsWith(".field-meta.xml"))
            .sort()) {
            const fs = parseField(parser.parse(readFileSync(join(fieldsDir, ff), "utf8")) as Xml);
            if (fs.type === "MasterDetail") masterDetail = true;
            o.fields.set(fs.name.toLowerCase(), fs);
          }
        }
        addSystemFields(o.fields, hasOwner && !masterDetail);
        continue;
      }
    }
    this.linkRelationships();
  }

  private nextPrefix(kind: ObjectSchema["kind"]): string {
    const n = this.prefixCounter++;
    const c = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[n % 36];
    return kind === "metadata" ? `m0${c}` : kind === "event" ? `e0${c}` : `a0${c}`;
  }

  /**
   * Adds the custom objects' lookups to their parents' child relationships (custom ones get the __r suffix).
   * Standard objects list their own children, from the jar and the overlay.
   */
  linkRelationships(): void {
    for (const o of this.objects.values()) {
      if (!o.custom) continue;
      for (const f of o.fields.values()) {
        if ((f.type !== "Lookup" && f.type !== "MasterDetail") || !f.relationshipName || f.system) continue;
        for (const target of f.referenceTo) {
          const parent = this.objects.get(target.toLowerCase());
          if (!parent) continue;
          const rel = f.custom ? `${f.relationshipName}__r` : f.relationshipName;
          parent.children.set(rel.toLowerCase(), { name: rel, childObject: o.name, field: f.name });
        }
      }
    }
  }

  get(name: string): ObjectSchema | undefined {
    return this.objects.get(name.toLowerCase().replace(/^tandem__/, ""));
  }

  byPrefix(prefix: string): ObjectSchema | undefined {
    return this.prefixes.get(prefix);
  }

  /** The lookup field behind a parent relationship name: `Connection__r` → Connection__c, `Account` → AccountId. */
  relationshipField(o: ObjectSchema, relName: string): FieldSchema | undefined {
    const l = relName.toLowerCase();
    for (const f of o.fields.values()) {
      if (f.type !== "Lookup" && f.type !== "MasterDetail") continue;
      if (parentRelationshipName(f).toLowerCase() === l) return f;
    }
    return undefined;
  }
}
