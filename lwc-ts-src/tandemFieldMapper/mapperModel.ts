/**
 * The mapping editor's data, without LWC: one row per mappable Salesforce field joined with its saved mapping
 * and the external field it points at, the filters, paging, auto-mapping and the rows to save.
 */
import { autoMatch, type AutoMatch } from "./nameMatch";
import { checkCompatibility, isMappable, readableType } from "./typeCompatibility";

export interface SalesforceFieldInfo {
  apiName: string;
  label: string;
  dataType: string;
  /** Required when creating a record in Salesforce (not nillable, no default). */
  required: boolean;
  createable: boolean;
  updateable: boolean;
  calculated: boolean;
}

export interface ExternalFieldInfo {
  path?: string;
  label?: string;
  type?: string;
  required?: boolean;
  readOnly?: boolean;
  maxLength?: number;
  allowedValues?: string[];
}

export interface SavedMapping {
  id?: string;
  salesforceField?: string;
  externalPath?: string;
  masterSystem?: string;
  writePolicy?: string;
  transform?: string;
  transformConfig?: string;
  requiredOnTarget?: boolean;
  active?: boolean;
  sortOrder?: number;
}

export interface MapperRow {
  /** The Salesforce field API name: one row per field. */
  key: string;
  fieldLabel: string;
  fieldApiName: string;
  dataType: string;
  typeLabel: string;
  isPicklist: boolean;
  /** Salesforce requires a value when Tandem creates records inbound. */
  requiredInSalesforce: boolean;
  readOnlyInSalesforce: boolean;
  id?: string;
  externalPath: string;
  externalType: string;
  externalLabel: string;
  /** The external system requires a value (from its description). */
  requiredOnTarget: boolean;
  writePolicy: string;
  masterSystem: string;
  transform: string;
  transformConfig: string;
  active: boolean;
  compatible: boolean;
  reason: string;
  /** Picklist rows with a value map: Salesforce values without an external value (default map). */
  autoMapped: boolean;
}

export type RowFilter = "all" | "mapped" | "unmapped" | "problems" | "required";

export interface MappingDirection {
  /** Outbound, Inbound or Bidirectional. */
  direction?: string;
}

/** The value, or the fallback when the value is missing or blank. */
function orDefault(value: string | undefined, fallback: string): string {
  return value === undefined || value === "" ? fallback : value;
}

const PICKLISTS = new Set(["Picklist", "MultiPicklist", "ComboBox"]);

/** Fields the engine can never write and nobody maps: system audit fields. */
const SYSTEM_FIELDS = new Set([
  "CreatedById",
  "LastModifiedById",
  "SystemModstamp",
  "IsDeleted",
  "LastViewedDate",
  "LastReferencedDate",
]);

export function externalIndex(fields: ExternalFieldInfo[]): Map<string, ExternalFieldInfo> {
  const index = new Map<string, ExternalFieldInfo>();
  for (const field of fields) if (field.path) index.set(field.path, field);
  return index;
}

/** Builds one row per mappable Salesforce field, joined with its saved mapping. */
export function buildRows(
  fields: SalesforceFieldInfo[],
  mappings: SavedMapping[],
  externalFields: ExternalFieldInfo[],
): MapperRow[] {
  const byField = new Map<string, SavedMapping>();
  for (const mapping of mappings) {
    if (mapping.salesforceField) byField.set(mapping.salesforceField.toLowerCase(), mapping);
  }
  const external = externalIndex(externalFields);
  return fields
    .filter((field) => isMappable(field.dataType) && !SYSTEM_FIELDS.has(field.apiName))
    .sort((a, b) => a.label.localeCompare(b.label) || a.apiName.localeCompare(b.apiName))
    .map((field) => {
      const saved = byField.get(field.apiName.toLowerCase());
      const row: MapperRow = {
        key: field.apiName,
        fieldLabel: field.label,
        fieldApiName: field.apiName,
        dataType: field.dataType,
        typeLabel: readableType(field.dataType),
        isPicklist: PICKLISTS.has(field.dataType),
        requiredInSalesforce: field.required && field.createable,
        readOnlyInSalesforce: field.calculated || (!field.createable && !field.updateable),
        id: saved?.id,
        externalPath: "",
        externalType: "",
        externalLabel: "",
        requiredOnTarget: saved?.requiredOnTarget === true,
        writePolicy: orDefault(saved?.writePolicy, "Always"),
        masterSystem: saved?.masterSystem ?? "",
        transform: orDefault(saved?.transform, "Direct"),
        transformConfig: saved?.transformConfig ?? "",
        active: saved ? saved.active !== false : true,
        compatible: true,
        reason: "",
        autoMapped: false,
      };
      return withExternal(row, saved?.externalPath ?? "", external);
    });
}

/** The row pointed at another external field (or at none), with its type check redone. */
export function withExternal(row: MapperRow, path: string, external: Map<string, ExternalFieldInfo>): MapperRow {
  const target = path ? external.get(path) : undefined;
  const externalType = target?.type ?? "";
  const check = path ? checkCompatibility(row.dataType, externalType) : { compatible: true, reason: "" };
  let reason = check.reason;
  if (path && !target) reason = `The external field ${path} no longer exists in the connector's description.`;
  return {
    ...row,
    externalPath: path,
    externalType,
    externalLabel: target?.label ?? path,
    requiredOnTarget: path ? target?.required === true || (row.requiredOnTarget && !target) : false,
    compatible: path ? check.compatible && target !== undefined : true,
    reason,
  };
}

/** Whether a row matches the search text (label, API name or external path) and the filter. */
export function matches(row: MapperRow, search: string, filter: RowFilter): boolean {
  if (filter === "mapped" && !row.externalPath) return false;
  if (filter === "unmapped" && row.externalPath) return false;
  if (filter === "problems" && row.compatible) return false;
  if (filter === "required" && !row.requiredInSalesforce && !row.requiredOnTarget) return false;
  if (!search) return true;
  const needle = search.trim().toLowerCase();
  return (
    row.fieldLabel.toLowerCase().includes(needle) ||
    row.fieldApiName.toLowerCase().includes(needle) ||
    row.externalPath.toLowerCase().includes(needle) ||
    row.externalLabel.toLowerCase().includes(needle)
  );
}

export function filterRows(rows: MapperRow[], search: string, filter: RowFilter): MapperRow[] {
  return rows.filter((row) => matches(row, search, filter));
}

export interface Page<T> {
  items: T[];
  page: number;
  pageCount: number;
  first: number;
  last: number;
}

/** One page of items (1-based page, clamped to the pages there are). */
export function pageOf<T>(items: T[], page: number, size: number): Page<T> {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, page), pageCount);
  const start = (current - 1) * size;
  const slice = items.slice(start, start + size);
  return { items: slice, page: current, pageCount, first: slice.length ? start + 1 : 0, last: start + slice.length };
}

/**
 * Fills unmapped rows with the external field of the most similar name whose type is compatible; external
 * fields already mapped are not reused. Returns the new rows and how many were filled.
 */
export function autoMap(
  rows: MapperRow[],
  externalFields: ExternalFieldInfo[],
): { rows: MapperRow[]; filled: AutoMatch[] } {
  const external = externalIndex(externalFields);
  const taken = new Set(rows.filter((row) => row.externalPath).map((row) => row.externalPath));
  const targets = rows
    .filter((row) => !row.externalPath && !row.readOnlyInSalesforce)
    .map((row) => ({ key: row.key, names: [row.fieldApiName, row.fieldLabel] }));
  const candidates = externalFields
    .filter((field) => field.path && !taken.has(field.path))
    .map((field) => ({ key: field.path!, names: [field.path!, field.label ?? ""] }));
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const filled = autoMatch(
    targets,
    candidates,
    (target, candidate) =>
      checkCompatibility(byKey.get(target)?.dataType ?? "", external.get(candidate)?.type).compatible,
  );
  const chosen = new Map(filled.map((match) => [match.target, match.candidate]));
  return {
    rows: rows.map((row) => {
      const path = chosen.get(row.key);
      return path ? { ...withExternal(row, path, external), autoMapped: true } : row;
    }),
    filled,
  };
}

export interface RequiredGap {
  key: string;
  label: string;
  side: "external" | "salesforce";
}

/**
 * Required fields left unmapped: the external system's required fields when Tandem writes outbound, and
 * Salesforce's required fields when it creates records inbound.
 */
export function requiredGaps(
  rows: MapperRow[],
  externalFields: ExternalFieldInfo[],
  direction?: string,
): RequiredGap[] {
  const gaps: RequiredGap[] = [];
  const mappedPaths = new Set(rows.filter((row) => row.externalPath && row.active).map((row) => row.externalPath));
  if (direction !== "Inbound") {
    for (const field of externalFields) {
      if (field.required && field.path && !field.readOnly && !mappedPaths.has(field.path)) {
        gaps.push({ key: `external:${field.path}`, label: field.label ?? field.path, side: "external" });
      }
    }
  }
  if (direction === "Inbound" || direction === "Bidirectional") {
    for (const row of rows) {
      if (row.requiredInSalesforce && !row.externalPath && row.dataType !== "Boolean") {
        gaps.push({ key: `salesforce:${row.key}`, label: row.fieldLabel, side: "salesforce" });
      }
    }
  }
  return gaps;
}

/** The mappings to save: every mapped row, plus the saved mappings the rows do not show (constants). */
export function toSave(rows: MapperRow[], others: SavedMapping[]): SavedMapping[] {
  const mapped = rows
    .filter((row) => row.externalPath)
    .map((row, index) => ({
      id: row.id,
      salesforceField: row.fieldApiName,
      externalPath: row.externalPath,
      masterSystem: row.masterSystem || undefined,
      writePolicy: row.writePolicy,
      transform: row.transform,
      transformConfig: row.transformConfig || undefined,
      requiredOnTarget: row.requiredOnTarget,
      active: row.active,
      sortOrder: index + 1,
    }));
  return [...mapped, ...others.map((other, index) => ({ ...other, sortOrder: mapped.length + index + 1 }))];
}

/** Saved mappings that no field row shows (constants, or fields the user cannot see): kept as they are. */
export function hiddenMappings(mappings: SavedMapping[], rows: MapperRow[]): SavedMapping[] {
  const shown = new Set(rows.map((row) => row.key.toLowerCase()));
  return mappings.filter((mapping) => !mapping.salesforceField || !shown.has(mapping.salesforceField.toLowerCase()));
}
