/**
 * Value identity of describe tokens. In Apex, `Schema.SObjectType` and `Schema.SObjectField` tokens are
 * compared by the type/field they denote (Apex Developer Guide, "Understanding Apex Describe Information":
 * tokens can be compared with `==`), so two tokens built by different calls are equal and are the same Set/Map key.
 */
import type { NativeObject } from "./values";

/** A case-insensitive identity key for a value-like native object, or null for reference identity. */
export function nativeIdentity(o: NativeObject): string | null {
  switch (o.className.toLowerCase()) {
    case "sobjecttype":
      return "sobjecttype:" + String(o.state.name).toLowerCase();
    case "describesobjectresult":
      return "describesobjectresult:" + String(o.state.name).toLowerCase();
    case "sobjectfield":
      return "sobjectfield:" + String(o.state.object).toLowerCase() + "." + String(o.state.field).toLowerCase();
    default:
      return null;
  }
}
