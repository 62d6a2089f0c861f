import { LightningElement, api, wire } from "lwc";
import { getObjectInfo } from "lightning/uiObjectInfoApi";
import type { ObjectInfo } from "lightning/uiObjectInfoApi";
import type { WireResult } from "lightning/uiRecordApi";
import getMappingContext from "@salesforce/apex/FieldMappingController.getMappingContext";
import saveMappings from "@salesforce/apex/FieldMappingController.saveMappings";
import {
  autoMap,
  buildRows,
  externalIndex,
  filterRows,
  hiddenMappings,
  pageOf,
  requiredGaps,
  toSave,
  withExternal,
  type ExternalFieldInfo,
  type Page,
  type MapperRow,
  type RequiredGap,
  type RowFilter,
  type SalesforceFieldInfo,
  type SavedMapping,
} from "./mapperModel";

/** Rows rendered at once: the editor stays fast with 800 fields because only one page is in the DOM. */
export const PAGE_SIZE = 50;
const SEARCH_DELAY_MS = 250;

interface Option {
  label: string;
  value: string;
}

const FILTERS: Option[] = [
  { label: "All fields", value: "all" },
  { label: "Mapped", value: "mapped" },
  { label: "Not mapped", value: "unmapped" },
  { label: "Type problems", value: "problems" },
  { label: "Required", value: "required" },
];

interface View {
  rows: MapperRow[];
  search: string;
  filter: RowFilter;
  page: number;
  filtered: MapperRow[];
  current: Page<MapperRow>;
}

/** Memoised filter and page per editor, kept outside the component so reading it never triggers a re-render. */
const VIEWS = new WeakMap<object, View>();

interface RowChange {
  key: string;
  field: "externalPath" | "writePolicy" | "masterSystem" | "active" | "transform" | "transformConfig";
  value: string | boolean;
}

/**
 * The field-mapping editor of one sync definition: Salesforce fields (UI API) against the external entity's
 * fields (connector description, through Apex), auto-mapping by name, type compatibility per row, picklist value
 * maps per record type, required-field checks, write policy and master per field, search, filters and paging.
 */
export default class TandemFieldMapper extends LightningElement {
  /** The SyncDefinition__c whose mappings are edited. */
  @api
  get definitionId(): string | undefined {
    return this._definitionId;
  }
  set definitionId(value: string | undefined) {
    const changed = value !== this._definitionId;
    this._definitionId = value;
    if (changed && this.connected) void this.load();
  }

  private _definitionId?: string;
  private connected = false;

  context?: Apex.MappingService.MappingContext;
  objectInfo?: ObjectInfo;
  rows: MapperRow[] = [];
  /** Saved mappings without a field row (constants): saved back unchanged. */
  keptMappings: SavedMapping[] = [];
  loading = false;
  saving = false;
  loadError: unknown;
  objectInfoError: unknown;
  saveError: unknown;
  saveProblems: string[] = [];
  search = "";
  filter: RowFilter = "all";
  pageNumber = 1;
  dirty = false;
  /** Key of the row whose value map is open. */
  valueMapKey?: string;
  statusMessage = "";
  private searchTimer?: ReturnType<typeof setTimeout>;

  filterOptions = FILTERS;

  override connectedCallback(): void {
    this.connected = true;
    void this.load();
  }

  override disconnectedCallback(): void {
    this.connected = false;
    clearTimeout(this.searchTimer);
  }

  get objectApiName(): string | undefined {
    return this.context?.salesforceObject;
  }

  @wire(getObjectInfo, { objectApiName: "$objectApiName" })
  wiredObjectInfo({ data, error }: WireResult<ObjectInfo>): void {
    if (data) {
      this.objectInfo = data;
      this.objectInfoError = undefined;
      this.rebuild();
    } else if (error) {
      this.objectInfo = undefined;
      this.objectInfoError = error;
    }
  }

  async load(): Promise<void> {
    if (!this._definitionId) return;
    this.loading = true;
    this.loadError = undefined;
    try {
      this.context = await getMappingContext({ definitionId: this._definitionId });
      this.rebuild();
    } catch (error) {
      this.context = undefined;
      this.loadError = error;
    } finally {
      this.loading = false;
    }
  }

  private rebuild(): void {
    if (!this.context || !this.objectInfo) return;
    const fields: SalesforceFieldInfo[] = Object.values(this.objectInfo.fields).map((field) => ({
      apiName: field.apiName,
      label: field.label,
      dataType: field.dataType,
      required: field.required,
      createable: field.createable,
      updateable: field.updateable,
      calculated: field.calculated,
    }));
    const mappings = (this.context.mappings ?? []) as SavedMapping[];
    this.buildExternalOptions();
    this.rows = buildRows(fields, mappings, this.externalFields);
    this.keptMappings = hiddenMappings(mappings, this.rows);
    this.dirty = false;
    this.pageNumber = 1;
  }

  // ------------------------------------------------------------------------------------------ view state

  get externalFields(): ExternalFieldInfo[] {
    return this.context?.externalFields ?? [];
  }

  /** Built once per context: every row shares the same array, so a re-render does not re-render the rows. */
  externalOptions: Option[] = [];

  private buildExternalOptions(): void {
    this.externalOptions = [
      { label: "— Not mapped —", value: "" },
      ...this.externalFields.map((field) => ({
        label: `${field.label ?? field.path} (${field.path}, ${field.type ?? "any"})`,
        value: field.path ?? "",
      })),
    ];
  }

  get isBidirectional(): boolean {
    return this.context?.direction === "Bidirectional";
  }

  get error(): unknown {
    return this.loadError ?? this.objectInfoError;
  }

  get hasError(): boolean {
    return Boolean(this.error);
  }

  get ready(): boolean {
    return !this.hasError && Boolean(this.context && this.objectInfo);
  }

  get showSpinner(): boolean {
    return this.loading || this.saving || (!this.hasError && Boolean(this.context) && !this.objectInfo);
  }

  get hasExternalFields(): boolean {
    return this.externalFields.length > 0;
  }

  get isEmpty(): boolean {
    return this.ready && (this.rows.length === 0 || !this.hasExternalFields);
  }

  get emptyMessage(): string {
    if (!this.hasExternalFields) {
      return `The external entity ${this.context?.externalEntity ?? ""} describes no fields, so there is nothing to map.`;
    }
    return `${this.context?.salesforceObject ?? "The object"} has no fields you can map.`;
  }

  get showEditor(): boolean {
    return this.ready && !this.isEmpty;
  }

  /** Filtering and paging run once per change of rows, search, filter or page, not once per getter. */
  private view(): { filtered: MapperRow[]; current: Page<MapperRow> } {
    const memo = VIEWS.get(this);
    if (
      memo?.rows === this.rows &&
      memo.search === this.search &&
      memo.filter === this.filter &&
      memo.page === this.pageNumber
    ) {
      return memo;
    }
    const filtered = filterRows(this.rows, this.search, this.filter);
    const current = pageOf(filtered, this.pageNumber, PAGE_SIZE);
    const next = {
      rows: this.rows,
      search: this.search,
      filter: this.filter,
      page: this.pageNumber,
      filtered,
      current,
    };
    VIEWS.set(this, next);
    return next;
  }

  get filteredRows(): MapperRow[] {
    return this.view().filtered;
  }

  get currentPage(): Page<MapperRow> {
    return this.view().current;
  }

  get visibleRows(): MapperRow[] {
    return this.currentPage.items;
  }

  get hasVisibleRows(): boolean {
    return this.visibleRows.length > 0;
  }

  get pageLabel(): string {
    const page = this.currentPage;
    return `Fields ${page.first}–${page.last} of ${this.filteredRows.length}, page ${page.page} of ${page.pageCount}`;
  }

  get previousDisabled(): boolean {
    return this.currentPage.page <= 1;
  }

  get nextDisabled(): boolean {
    return this.currentPage.page >= this.currentPage.pageCount;
  }

  get mappedCount(): number {
    return this.rows.filter((row) => row.externalPath).length;
  }

  get problemRows(): MapperRow[] {
    return this.rows.filter((row) => !row.compatible);
  }

  get problemCount(): number {
    return this.problemRows.length;
  }

  get summary(): string {
    const constants = this.keptMappings.length ? `, ${this.keptMappings.length} other mappings kept as they are` : "";
    return `${this.mappedCount} of ${this.rows.length} fields mapped, ${this.problemCount} with type problems${constants}.`;
  }

  get gaps(): RequiredGap[] {
    return requiredGaps(this.rows, this.externalFields, this.context?.direction);
  }

  get hasGaps(): boolean {
    return this.gaps.length > 0;
  }

  get externalGaps(): string {
    return this.gaps
      .filter((gap) => gap.side === "external")
      .map((gap) => gap.label)
      .join(", ");
  }

  get salesforceGaps(): string {
    return this.gaps
      .filter((gap) => gap.side === "salesforce")
      .map((gap) => gap.label)
      .join(", ");
  }

  get hasSaveProblems(): boolean {
    return this.saveProblems.length > 0;
  }

  get saveDisabled(): boolean {
    return this.saving || !this.showEditor;
  }

  get valueMapRow(): MapperRow | undefined {
    return this.valueMapKey ? this.rows.find((row) => row.key === this.valueMapKey) : undefined;
  }

  get valueMapAllowedValues(): string[] {
    const row = this.valueMapRow;
    return row ? (externalIndex(this.externalFields).get(row.externalPath)?.allowedValues ?? []) : [];
  }

  get recordTypes(): Apex.MappingService.RecordTypeOption[] {
    return this.context?.recordTypes ?? [];
  }

  get masterRecordTypeId(): string | undefined {
    return this.objectInfo?.defaultRecordTypeId ?? undefined;
  }

  // ------------------------------------------------------------------------------------------ handlers

  handleSearch(event: CustomEvent<{ value: string }>): void {
    const value = event.detail.value ?? "";
    clearTimeout(this.searchTimer);
    // Debounce: filtering 800 rows on every key press would make typing lag.
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    this.searchTimer = setTimeout(() => {
      this.search = value;
      this.pageNumber = 1;
    }, SEARCH_DELAY_MS);
  }

  handleFilter(event: CustomEvent<{ value: string }>): void {
    this.filter = event.detail.value as RowFilter;
    this.pageNumber = 1;
  }

  handlePrevious(): void {
    this.pageNumber = Math.max(1, this.currentPage.page - 1);
  }

  handleNext(): void {
    this.pageNumber = Math.min(this.currentPage.pageCount, this.currentPage.page + 1);
  }

  handleAutoMap(): void {
    const { rows, filled } = autoMap(this.rows, this.externalFields);
    this.rows = rows;
    if (filled.length > 0) this.dirty = true;
    this.statusMessage =
      filled.length === 0
        ? "Auto-map found no further fields with a similar name and a compatible type."
        : `Auto-map mapped ${filled.length} field${filled.length === 1 ? "" : "s"} by name. Check them before saving.`;
  }

  handleRowChange(event: CustomEvent<RowChange>): void {
    const { key, field, value } = event.detail;
    const external = externalIndex(this.externalFields);
    this.rows = this.rows.map((row) => {
      if (row.key !== key) return row;
      if (field === "externalPath") {
        const path = String(value);
        const next = withExternal({ ...row, autoMapped: false }, path, external);
        // A value map only makes sense for the field it was written for.
        return path ? next : { ...next, transform: "Direct", transformConfig: "" };
      }
      return { ...row, [field]: value };
    });
    this.dirty = true;
  }

  handleOpenValueMap(event: CustomEvent<{ key: string }>): void {
    this.valueMapKey = event.detail.key;
  }

  handleValueMapChange(event: CustomEvent<{ config: string }>): void {
    const key = this.valueMapKey;
    this.rows = this.rows.map((row) =>
      row.key === key ? { ...row, transform: "ValueMap", transformConfig: event.detail.config } : row,
    );
    this.dirty = true;
  }

  handleValueMapClose(): void {
    const key = this.valueMapKey;
    this.valueMapKey = undefined;
    // Give the keyboard back to the row that opened the value map.
    const row = this.template?.querySelector<HTMLElement & { focusValueMap?: () => void }>(
      `c-tandem-field-mapping-row[data-key="${key ?? ""}"]`,
    );
    row?.focusValueMap?.();
  }

  handleSaveClick(): void {
    void this.save();
  }

  /** Validates and saves every mapping; true when saved. Used by the wizard's Next button. */
  @api
  async save(): Promise<boolean> {
    if (!this._definitionId || !this.showEditor) return false;
    this.saving = true;
    this.saveError = undefined;
    this.saveProblems = [];
    try {
      const result = await saveMappings({
        definitionId: this._definitionId,
        mappings: toSave(this.rows, this.keptMappings),
      });
      if (!result.saved) {
        this.saveProblems = result.errors ?? [];
        this.statusMessage = "The mappings were not saved: fix the problems listed above.";
        return false;
      }
      this.context = { ...this.context, mappings: result.mappings ?? [] };
      this.rebuild();
      this.statusMessage = `Saved ${result.mappings?.length ?? 0} mappings.`;
      this.dispatchEvent(new CustomEvent("saved", { detail: { count: result.mappings?.length ?? 0 } }));
      return true;
    } catch (error) {
      this.saveError = error;
      return false;
    } finally {
      this.saving = false;
    }
  }

  /** Whether there are edits that are not saved yet. */
  @api
  get hasUnsavedChanges(): boolean {
    return this.dirty;
  }
}
