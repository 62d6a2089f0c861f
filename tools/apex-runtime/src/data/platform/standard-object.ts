/** One standard object's fields and child relationships: the jar's, with the overlay of standard-objects.ts on top. */
import type { ChildRelationship, FieldSchema, FieldType } from "../schema";
import { STANDARD_OVERLAYS } from "../standard-objects";
import type { PlatformObject } from "./sobject-types";

export type FieldSpec = [name: string, type: FieldType, attributes: Partial<FieldSchema>];

/** The jar types text fields as String without a length; the overlay gives the real one where it matters. */
const DEFAULT_TEXT_LENGTH = 255;

const overlays = new Map(STANDARD_OVERLAYS.map((o) => [o.name.toLowerCase(), o]));

/** Overlay lookups that pin a polymorphic field to one parent: parent (lower case) → its child relationships. */
const pinnedChildren = new Map<string, ChildRelationship[]>();
for (const o of STANDARD_OVERLAYS) {
  for (const [field, , extra] of o.fields) {
    if (!extra?.relationshipName || !extra.referenceTo) continue;
    for (const parent of extra.referenceTo) {
      const list = pinnedChildren.get(parent.toLowerCase()) ?? [];
      list.push({ name: extra.relationshipName, childObject: o.name, field });
      pinnedChildren.set(parent.toLowerCase(), list);
    }
  }
}

/** Names of the objects the overlay describes, for the ones a jar might lack. */
export const OVERLAID_OBJECTS = STANDARD_OVERLAYS.map((o) => o.name);

export function standardFieldSpecs(name: string, platform: PlatformObject | undefined): FieldSpec[] {
  const specs = new Map<string, FieldSpec>();
  for (const f of platform?.fields ?? []) {
    const attributes: Partial<FieldSchema> = {};
    if (f.type === "Text") attributes.length = DEFAULT_TEXT_LENGTH;
    if (f.scale !== undefined) attributes.scale = f.scale;
    if (f.referenceTo) attributes.referenceTo = [...f.referenceTo];
    if (f.relationshipName) attributes.relationshipName = f.relationshipName;
    specs.set(f.name.toLowerCase(), [f.name, f.type, attributes]);
  }
  for (const [field, type, extra] of overlays.get(name.toLowerCase())?.fields ?? []) {
    const jar = specs.get(field.toLowerCase());
    specs.set(field.toLowerCase(), [field, type, { ...jar?.[2], ...extra }]);
  }
  return [...specs.values()];
}

export function standardChildren(name: string, platform: PlatformObject | undefined): ChildRelationship[] {
  const children = new Map<string, ChildRelationship>();
  for (const c of platform?.children ?? []) children.set(c.name.toLowerCase(), { ...c });
  for (const c of pinnedChildren.get(name.toLowerCase()) ?? []) children.set(c.name.toLowerCase(), { ...c });
  return [...children.values()];
}
