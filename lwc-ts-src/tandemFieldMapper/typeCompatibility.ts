/**
 * Which external field types a Salesforce field can be mapped to: the same matrix as the Apex engine's
 * TypeCoercion.isCompatible (keep them in step), with a reason a person can act on when a pair is refused.
 * Salesforce types are UI API data types (`lightning/uiObjectInfoApi` FieldInfo.dataType).
 */

/** External types as ConnectorTypes.FieldDescription.type. */
export type ExternalType =
  "string" | "integer" | "number" | "boolean" | "date" | "datetime" | "time" | "id" | "array" | "object";

type Group =
  "text" | "multipicklist" | "boolean" | "integer" | "long" | "decimal" | "date" | "datetime" | "time" | "reference";

/** UI API data type → the Apex matrix row it uses. Types not listed cannot be mapped at all. */
const GROUP_OF: Record<string, Group> = {
  String: "text",
  TextArea: "text",
  EncryptedString: "text",
  Email: "text",
  Phone: "text",
  Url: "text",
  Picklist: "text",
  ComboBox: "text",
  MultiPicklist: "multipicklist",
  Boolean: "boolean",
  Int: "integer",
  Long: "long",
  Double: "decimal",
  Currency: "decimal",
  Percent: "decimal",
  Date: "date",
  DateTime: "datetime",
  Time: "time",
  Reference: "reference",
};

/** Mirrors TypeCoercion.COMPATIBLE_EXTERNAL_TYPES. */
const MATRIX: Record<Group, ExternalType[]> = {
  text: ["string", "integer", "number", "boolean", "date", "datetime", "time", "id"],
  multipicklist: ["string", "array"],
  boolean: ["boolean", "string", "integer"],
  integer: ["integer", "number", "string"],
  long: ["integer", "number", "string"],
  decimal: ["number", "integer", "string"],
  date: ["date", "datetime", "string"],
  datetime: ["datetime", "date", "string"],
  time: ["time", "string"],
  reference: ["id", "string"],
};

const READABLE: Record<string, string> = {
  Int: "Number (whole)",
  Double: "Number",
  DateTime: "Date/Time",
  MultiPicklist: "Multi-select picklist",
  TextArea: "Text area",
  EncryptedString: "Encrypted text",
  Url: "URL",
  ComboBox: "Combobox",
  Reference: "Lookup",
};

export interface Compatibility {
  compatible: boolean;
  /** Empty when compatible; otherwise why not and what would work. */
  reason: string;
}

export function readableType(dataType: string): string {
  return READABLE[dataType] ?? dataType;
}

/** True when the engine can map a Salesforce field of this UI API type at all (TypeCoercion.supports). */
export function isMappable(dataType: string): boolean {
  return dataType in GROUP_OF;
}

/** The external types a Salesforce field of this type accepts; empty when the type cannot be mapped. */
export function compatibleExternalTypes(dataType: string): ExternalType[] {
  const group = GROUP_OF[dataType];
  return group ? MATRIX[group] : [];
}

/**
 * Whether a Salesforce field of `dataType` can be mapped to an external field of `externalType`. As in Apex,
 * a blank external type is accepted, any other type must be in the matrix, and an unsupported Salesforce type
 * never is.
 */
export function checkCompatibility(dataType: string, externalType: string | null | undefined): Compatibility {
  const group = GROUP_OF[dataType];
  if (!group) {
    return { compatible: false, reason: `${readableType(dataType)} fields cannot be mapped.` };
  }
  if (!externalType) return { compatible: true, reason: "" };
  const wanted = externalType.toLowerCase() as ExternalType;
  const allowed = MATRIX[group];
  if (allowed.includes(wanted)) return { compatible: true, reason: "" };
  return {
    compatible: false,
    reason: `A ${readableType(dataType)} field cannot hold ${article(wanted)} ${wanted} value; map it to ${allowed.join(", ")}.`,
  };
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? "an" : "a";
}
