import { LightningElement, api, wire } from "lwc";
import { getObjectInfo } from "lightning/uiObjectInfoApi";
import type { ObjectInfo } from "lightning/uiObjectInfoApi";
import type { WireResult } from "lightning/uiRecordApi";
import countMatching from "@salesforce/apex/SetupWizardController.countMatching";
import saveSelection from "@salesforce/apex/SetupWizardController.saveSelection";
import importIdMap from "@salesforce/apex/SetupWizardController.importIdMap";

type WizardState = Apex.SetupService.WizardState;
type ObjectPair = Apex.SetupService.ObjectPair;
type ImportResult = Apex.SetupService.ImportResult;

interface Condition {
  key: string;
  field: string;
  operator: string;
  value: string;
}

interface ConditionView extends Condition {
  index: number;
  number: string;
  needsValue: boolean;
  fieldLabel: string;
  operatorLabel: string;
  valueLabel: string;
  removeLabel: string;
}

/** Waits this long after the last change before counting, so typing costs one query, not one per key. */
export const COUNT_DELAY_MS = 400;

const OPERATORS = [
  { label: "equals", value: "equals" },
  { label: "does not equal", value: "notEquals" },
  { label: "less than", value: "lessThan" },
  { label: "greater than", value: "greaterThan" },
  { label: "less or equal", value: "lessOrEqual" },
  { label: "greater or equal", value: "greaterOrEqual" },
  { label: "like (use % as wildcard)", value: "like" },
  { label: "is one of (comma separated)", value: "in" },
  { label: "is none of (comma separated)", value: "notIn" },
  { label: "is blank", value: "isNull" },
  { label: "is not blank", value: "isNotNull" },
];

const NO_VALUE = new Set(["isNull", "isNotNull"]);
let nextKey = 0;

/** A condition value as the person types it: lists comma separated, blanks empty. */
function textOf(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(textOf).join(", ");
  return typeof value === "string" ? value : JSON.stringify(value);
}

function parseConditions(json: string | undefined): Condition[] {
  if (!json) return [];
  try {
    const parsed = JSON.parse(json) as { field?: string; operator?: string; value?: unknown }[];
    return Array.isArray(parsed)
      ? parsed.map((entry) => ({
          key: `condition-${nextKey++}`,
          field: entry.field ?? "",
          operator: entry.operator ?? "equals",
          value: textOf(entry.value),
        }))
      : [];
  } catch {
    return [];
  }
}

/**
 * Step 5: which records of the pair's object are synced: filter conditions and logic with a live count of the
 * matching records, include / exclude id lists, and the ID-map CSV import with a report of every rejected row.
 */
export default class TandemWizardSelectionStep extends LightningElement {
  @api
  get state(): WizardState | undefined {
    return this._state;
  }
  set state(value: WizardState | undefined) {
    this._state = value;
    const pair = this.pair;
    this.conditions = parseConditions(pair?.filterConditions);
    this.logic = pair?.filterLogic ?? "";
    this.includeIds = pair?.includeIds ?? "";
    this.excludeIds = pair?.excludeIds ?? "";
    this.scheduleCount();
  }

  private _state?: WizardState;
  conditions: Condition[] = [];
  logic = "";
  includeIds = "";
  excludeIds = "";
  objectInfo?: ObjectInfo;
  objectInfoError: unknown;
  count?: number;
  countProblems: string[] = [];
  countError: unknown;
  counting = false;
  error: unknown;
  importing = false;
  importResult?: ImportResult;
  importError: unknown;
  operatorOptions = OPERATORS;
  private countTimer?: ReturnType<typeof setTimeout>;
  private countSequence = 0;

  override disconnectedCallback(): void {
    clearTimeout(this.countTimer);
  }

  get pair(): ObjectPair | undefined {
    const pairs = this._state?.pairs ?? [];
    return pairs[this._state?.selectedPair ?? 0] ?? pairs[0];
  }

  get objectApiName(): string | undefined {
    return this.pair?.salesforceObject;
  }

  @wire(getObjectInfo, { objectApiName: "$objectApiName" })
  wiredObjectInfo({ data, error }: WireResult<ObjectInfo>): void {
    this.objectInfo = data;
    this.objectInfoError = error;
  }

  get fieldOptions() {
    return Object.values(this.objectInfo?.fields ?? {})
      .filter((field) => !["Address", "Location", "Base64", "ComplexValue"].includes(field.dataType))
      .map((field) => ({ label: `${field.label} (${field.apiName})`, value: field.apiName }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }

  get conditionViews(): ConditionView[] {
    return this.conditions.map((condition, index) => ({
      ...condition,
      index,
      number: String(index + 1),
      needsValue: !NO_VALUE.has(condition.operator),
      fieldLabel: `Condition ${index + 1} field`,
      operatorLabel: `Condition ${index + 1} operator`,
      valueLabel: `Condition ${index + 1} value`,
      removeLabel: `Remove condition ${index + 1}`,
    }));
  }

  get hasConditions(): boolean {
    return this.conditions.length > 0;
  }

  get countText(): string {
    if (this.counting) return "Counting matching records…";
    if (this.count === undefined) return "";
    const records = this.count === 1 ? "record matches" : "records match";
    return `${this.count.toLocaleString()} ${this.objectApiName ?? ""} ${records}.`;
  }

  get hasCountProblems(): boolean {
    return this.countProblems.length > 0;
  }

  get hasRejected(): boolean {
    return (this.importResult?.rejected?.length ?? 0) > 0;
  }

  get importSummary(): string {
    const result = this.importResult;
    if (!result) return "";
    const rejected = result.rejected?.length ?? 0;
    return `Linked ${result.linked ?? 0} of ${result.totalRows ?? 0} rows; ${rejected} rejected.`;
  }

  get rejectedRows() {
    return (this.importResult?.rejected ?? []).map((row, index) => ({ ...row, key: `${row.line ?? index}-${index}` }));
  }

  /** The conditions as FilterConditions__c JSON; in / notIn values become lists. */
  get conditionsJson(): string {
    const entries = this.conditions
      .filter((condition) => condition.field)
      .map((condition) => {
        const entry: Record<string, unknown> = { field: condition.field, operator: condition.operator };
        if (condition.operator === "in" || condition.operator === "notIn") {
          entry.value = condition.value
            .split(",")
            .map((value) => value.trim())
            .filter((value) => value !== "");
        } else if (!NO_VALUE.has(condition.operator)) {
          entry.value = condition.value;
        }
        return entry;
      });
    return entries.length ? JSON.stringify(entries) : "";
  }

  handleAddCondition(): void {
    this.conditions = [...this.conditions, { key: `condition-${nextKey++}`, field: "", operator: "equals", value: "" }];
  }

  handleRemoveCondition(event: Event): void {
    const index = Number((event.currentTarget as HTMLElement).dataset.index);
    this.conditions = this.conditions.filter((_, position) => position !== index);
    this.scheduleCount();
  }

  handleConditionChange(event: CustomEvent<{ value: string }>): void {
    const target = event.target as HTMLElement;
    const index = Number(target.dataset.index);
    const field = target.dataset.field as "field" | "operator" | "value";
    this.conditions = this.conditions.map((condition, position) =>
      position === index ? { ...condition, [field]: event.detail.value } : condition,
    );
    this.scheduleCount();
  }

  handleLogic(event: CustomEvent<{ value: string }>): void {
    this.logic = event.detail.value;
    this.scheduleCount();
  }

  handleInclude(event: CustomEvent<{ value: string }>): void {
    this.includeIds = event.detail.value;
    this.scheduleCount();
  }

  handleExclude(event: CustomEvent<{ value: string }>): void {
    this.excludeIds = event.detail.value;
    this.scheduleCount();
  }

  /** Debounced: the count runs once the person stops typing for COUNT_DELAY_MS. */
  private scheduleCount(): void {
    clearTimeout(this.countTimer);
    if (!this.pair?.definitionId) return;
    // Debounce: one count query once the person stops typing, not one per key press.
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    this.countTimer = setTimeout(() => void this.runCount(), COUNT_DELAY_MS);
  }

  async runCount(): Promise<void> {
    const definitionId = this.pair?.definitionId;
    if (!definitionId) return;
    const sequence = ++this.countSequence;
    this.counting = true;
    this.countError = undefined;
    try {
      const result = await countMatching({
        definitionId,
        filterConditions: this.conditionsJson,
        filterLogic: this.logic,
        includeIds: this.includeIds,
        excludeIds: this.excludeIds,
      });
      // An older answer that arrives late never overwrites a newer one.
      if (sequence !== this.countSequence) return;
      this.countProblems = result.errors ?? [];
      this.count = this.countProblems.length ? undefined : result.count;
    } catch (error) {
      if (sequence !== this.countSequence) return;
      this.count = undefined;
      this.countError = error;
    } finally {
      if (sequence === this.countSequence) this.counting = false;
    }
  }

  async handleFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement & { files?: FileList | null };
    const detailFiles = (event as CustomEvent<{ files?: FileList }>).detail?.files;
    const file = detailFiles?.[0] ?? input.files?.[0];
    const definitionId = this.pair?.definitionId;
    if (!file || !definitionId) return;
    this.importing = true;
    this.importError = undefined;
    this.importResult = undefined;
    try {
      const csv = await file.text();
      this.importResult = await importIdMap({ definitionId, csv });
    } catch (error) {
      this.importError = error;
    } finally {
      this.importing = false;
    }
  }

  @api
  async submit(): Promise<WizardState | null> {
    const definitionId = this.pair?.definitionId;
    this.error = undefined;
    if (!definitionId) {
      this.error = "Save an object pair first (step 3).";
      return null;
    }
    try {
      return await saveSelection({
        definitionId,
        filterConditions: this.conditionsJson,
        filterLogic: this.logic,
        includeIds: this.includeIds,
        excludeIds: this.excludeIds,
      });
    } catch (error) {
      this.error = error;
      return null;
    }
  }
}
