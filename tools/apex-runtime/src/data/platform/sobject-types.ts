/**
 * Turns apex-dev-tools' platform SObject classes (`com/nawforce/runforce/SObjects/<Name>.class` in the
 * sobject-types jar) into field and child-relationship definitions. Each class declares one public field per
 * standard field, typed with the Apex type: `Id AccountId` plus `Account Account` for a lookup and its
 * relationship, `Contact[] Contacts` for a child relationship, `String`, `Decimal`, `Address`, ...
 */
import type { FieldType } from "../schema";
import { readClassFile, type ClassFile } from "./class-file";
import { readJarEntries } from "./jar";

export interface PlatformField {
  name: string;
  type: FieldType;
  /** 0 for the whole-number Java types (Integer, Long); absent otherwise. */
  scale?: number;
  /** Lookups: the parent object; polymorphic ones list the parents whose child relationships use the field. */
  referenceTo?: string[];
  /** Lookups: the child relationship on the parent that lists this object's records through the field. */
  relationshipName?: string;
}

export interface PlatformChild {
  name: string;
  childObject: string;
  field: string;
}

export interface PlatformObject {
  name: string;
  fields: PlatformField[];
  children: PlatformChild[];
}

const SOBJECTS_DIR = "com/nawforce/runforce/SObjects/";
const SYSTEM = "Lcom/nawforce/runforce/System/";
const SOBJECT = "Lcom/nawforce/runforce/SObjects/";

/** Scalar Java types → the runtime's field type (and scale, for whole numbers). */
const SCALARS: Record<string, [FieldType, number?]> = {
  [`${SYSTEM}String;`]: ["Text"],
  [`${SYSTEM}Decimal;`]: ["Number"],
  [`${SYSTEM}Double;`]: ["Number"],
  [`${SYSTEM}Integer;`]: ["Number", 0],
  [`${SYSTEM}Long;`]: ["Number", 0],
  [`${SYSTEM}Boolean;`]: ["Checkbox"],
  [`${SYSTEM}Date;`]: ["Date"],
  [`${SYSTEM}Datetime;`]: ["DateTime"],
  [`${SYSTEM}Time;`]: ["Time"],
  [`${SYSTEM}Blob;`]: ["Base64"],
  // History OldValue/NewValue and change-event headers hold values of any type.
  ["Ljava/lang/Object;"]: ["AnyType"],
  // Junction id lists (Task.TaskWhoIds, EmailMessage.ToIds) are List<Id> in Apex.
  [`[${SYSTEM}String;`]: ["AnyType"],
};

/** Relationship types that name no single parent: `Name` (WhoId, WhatId, queue-or-user OwnerId) and `SObject`. */
const POLYMORPHIC = new Set([`${SOBJECT}Name;`, `${SYSTEM}SObject;`]);
/** Compound fields are typed with these SObjects but have no `<field>Id` beside them. */
const COMPOUND = new Map<string, FieldType>([
  ["Address", "Address"],
  ["Location", "Location"],
]);

/**
 * Parents of the polymorphic lookups whose targets the platform documents for every object: an owner is a user
 * or a queue (a Group), an activity's Who is a contact or a lead. Other polymorphic lookups (WhatId,
 * ParentId, RelatedRecordId, ...) may point at anything.
 */
const POLYMORPHIC_TARGETS = new Map([
  ["OwnerId", ["Group", "User"]],
  ["WhoId", ["Contact", "Lead"]],
  ["PrimaryWhoId", ["Contact", "Lead"]],
]);

/** A merged record's pointer to its survivor: never the field behind a child relationship. */
const MERGE_POINTER = "MasterRecordId";

interface Lookup {
  field: string;
  relationship: string;
  /** The parent object, or null when polymorphic. */
  parent: string | null;
}

interface ParsedClass {
  name: string;
  fields: PlatformField[];
  lookups: Lookup[];
  /** [relationship name, child object] from the array fields. */
  childArrays: [string, string][];
}

function sobjectOf(descriptor: string): string | null {
  return descriptor.startsWith(SOBJECT) ? descriptor.slice(SOBJECT.length, -1) : null;
}

/** One class's fields: scalars, lookups (an `XId` whose `X` is an SObject), compounds and child arrays. */
function parseClass(cls: ClassFile): ParsedClass {
  const name = cls.name.slice(SOBJECTS_DIR.length);
  const instance = cls.fields.filter((f) => !f.isStatic);
  const typeOf = new Map(instance.map((f) => [f.name, f.descriptor]));
  const parsed: ParsedClass = { name, fields: [], lookups: [], childArrays: [] };
  for (const f of instance) {
    const d = f.descriptor;
    if (d === `${SYSTEM}Id;`) {
      const relationship = f.name.endsWith("Id") ? f.name.slice(0, -2) : "";
      const relType = relationship ? (typeOf.get(relationship) ?? "") : "";
      const polymorphic = POLYMORPHIC.has(relType);
      const parent = polymorphic ? null : sobjectOf(relType);
      if (parent || polymorphic) {
        parsed.lookups.push({ field: f.name, relationship, parent });
        const referenceTo = parent ? [parent] : [...(POLYMORPHIC_TARGETS.get(f.name) ?? [])];
        parsed.fields.push({ name: f.name, type: "Lookup", referenceTo });
      } else parsed.fields.push({ name: f.name, type: "Id" });
      continue;
    }
    const scalar = SCALARS[d];
    if (scalar) {
      const [type, scale] = scalar;
      parsed.fields.push(scale === undefined ? { name: f.name, type } : { name: f.name, type, scale });
      continue;
    }
    if (d.startsWith("[")) {
      const child = sobjectOf(d.slice(1));
      if (child) parsed.childArrays.push([f.name, child]);
      continue;
    }
    // A relationship field beside its `XId` is the lookup's traversal, not a field of its own.
    if (typeOf.get(`${f.name}Id`) === `${SYSTEM}Id;`) continue;
    const compound = COMPOUND.get(sobjectOf(d) ?? "");
    if (compound) parsed.fields.push({ name: f.name, type: compound });
  }
  return parsed;
}

/**
 * The child's field behind the parent's child relationship. Candidates, first tier that has any: the child's
 * lookups to the parent; its polymorphic lookups documented to reach the parent (WhoId for a Contact); its
 * other polymorphic lookups. When several remain: the one the relationship name mentions
 * (`AARRelatedAccounts` → RelatedAccountId), else the one named after the parent (`Assets` → AccountId), else
 * ParentId. Null when still ambiguous: the relationship is left out rather than guessed.
 */
function fieldBehind(parent: string, relationship: string, child: ParsedClass): Lookup | null {
  const lookups = child.lookups.filter((l) => l.field !== MERGE_POINTER);
  const polymorphic = lookups.filter((l) => l.parent === null);
  const targets = (l: Lookup) => POLYMORPHIC_TARGETS.get(l.field);
  const tiers = [
    lookups.filter((l) => l.parent === parent),
    polymorphic.filter((l) => targets(l)?.includes(parent)),
    polymorphic.filter((l) => !targets(l)),
  ];
  const pool = tiers.find((tier) => tier.length > 0) ?? [];
  if (pool.length <= 1) return pool[0] ?? null;
  const rel = relationship.toLowerCase();
  const mentioned = pool
    .filter((l) => rel.includes(l.relationship.toLowerCase()))
    .sort((a, b) => b.relationship.length - a.relationship.length);
  return (
    mentioned[0] ?? pool.find((l) => l.relationship === parent) ?? pool.find((l) => l.field === "ParentId") ?? null
  );
}

/** Links every child array to the child's field, filling the lookups' relationship names and polymorphic parents. */
function linkChildren(classes: Map<string, ParsedClass>): PlatformObject[] {
  const objects = new Map<string, PlatformObject>();
  for (const c of classes.values()) objects.set(c.name, { name: c.name, fields: c.fields, children: [] });
  for (const parent of classes.values()) {
    for (const [relationship, childName] of parent.childArrays) {
      const child = classes.get(childName);
      const lookup = child && fieldBehind(parent.name, relationship, child);
      if (!lookup) continue;
      objects.get(parent.name)!.children.push({ name: relationship, childObject: childName, field: lookup.field });
      const f = objects.get(childName)!.fields.find((x) => x.name === lookup.field)!;
      f.relationshipName ??= relationship;
      if (lookup.parent === null && !f.referenceTo!.includes(parent.name)) f.referenceTo!.push(parent.name);
    }
  }
  for (const o of objects.values()) for (const f of o.fields) f.referenceTo?.sort();
  return [...objects.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Every platform SObject the jar defines, sorted by name. */
export function readSObjectTypes(jarPath: string): PlatformObject[] {
  const entries = readJarEntries(jarPath, (p) => p.startsWith(SOBJECTS_DIR) && p.endsWith(".class"));
  if (entries.size === 0)
    throw new Error(`${jarPath}: no ${SOBJECTS_DIR}*.class entries; is it the sobject-types jar?`);
  const classes = new Map<string, ParsedClass>();
  for (const [path, bytes] of entries) {
    const parsed = parseClass(readClassFile(bytes, `${jarPath}!${path}`));
    classes.set(parsed.name, parsed);
  }
  return linkChildren(classes);
}
