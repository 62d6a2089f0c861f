/**
 * A compact text form of one platform object, so the cached catalog parses in milliseconds and an object is
 * decoded only when the runtime first touches it. API names are Java identifiers, so `;` `:` `,` never occur
 * in them. Fields: `name:type:scale:referenceTo,...:relationshipName` joined by `;` (trailing empty parts
 * dropped); children: `name:childObject:field` joined by `;`.
 */
import type { FieldType } from "../schema";
import type { PlatformChild, PlatformField, PlatformObject } from "./sobject-types";

/** [fields, children] */
export type EncodedObject = [string, string];

export function encodeObject(o: PlatformObject): EncodedObject {
  const fields = o.fields.map((f) =>
    [f.name, f.type, f.scale ?? "", (f.referenceTo ?? []).join(","), f.relationshipName ?? ""]
      .join(":")
      .replace(/:+$/, ""),
  );
  const children = o.children.map((c) => `${c.name}:${c.childObject}:${c.field}`);
  return [fields.join(";"), children.join(";")];
}

function decodeField(text: string): PlatformField {
  const [name, type, scale, referenceTo, relationshipName] = text.split(":");
  const f: PlatformField = { name, type: type as FieldType };
  if (scale) f.scale = Number(scale);
  if (type === "Lookup") f.referenceTo = referenceTo ? referenceTo.split(",") : [];
  if (relationshipName) f.relationshipName = relationshipName;
  return f;
}

function decodeChild(text: string): PlatformChild {
  const [name, childObject, field] = text.split(":");
  return { name, childObject, field };
}

export function decodeObject(name: string, [fields, children]: EncodedObject): PlatformObject {
  return {
    name,
    fields: fields ? fields.split(";").map(decodeField) : [],
    children: children ? children.split(";").map(decodeChild) : [],
  };
}
