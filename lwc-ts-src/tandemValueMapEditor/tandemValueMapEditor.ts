import { LightningElement, api, wire } from "lwc";
import { getPicklistValuesByRecordType } from "lightning/uiObjectInfoApi";
import type { PicklistValuesByRecordType } from "lightning/uiObjectInfoApi";
import type { WireResult } from "lightning/uiRecordApi";

interface RecordTypeOption {
  recordTypeId?: string;
  developerName?: string;
  label?: string;
  master?: boolean;
}

interface ValueMapConfig {
  default: Record<string, string>;
  byRecordType: Record<string, Record<string, string>>;
  unmapped: string;
}

interface ValueRow {
  key: string;
  label: string;
  value: string;
  externalValue: string;
  inputLabel: string;
  unmapped: boolean;
}

const DEFAULT_SCOPE = "";
/** The master record type's id: picklist values of an object without record types. */
const MASTER_RECORD_TYPE_ID = "012000000000000AAA";

const UNMAPPED_OPTIONS = [
  { label: "Fail the record (Invalid)", value: "error" },
  { label: "Send the Salesforce value as it is", value: "pass" },
  { label: "Send a blank value", value: "blank" },
];

function parse(json: string | undefined): ValueMapConfig {
  try {
    const parsed = json ? (JSON.parse(json) as Partial<ValueMapConfig>) : {};
    return {
      default: parsed.default ?? {},
      byRecordType: parsed.byRecordType ?? {},
      unmapped: parsed.unmapped ?? "error",
    };
  } catch {
    return { default: {}, byRecordType: {}, unmapped: "error" };
  }
}

/**
 * The value map of one picklist field (ValueMap transform): each Salesforce value of a record type (or of all
 * record types) against an external value, with the values nobody mapped flagged. Fires `change` with the
 * new TransformConfig__c JSON and `close`.
 */
export default class TandemValueMapEditor extends LightningElement {
  @api objectApiName?: string;
  @api fieldApiName?: string;
  @api fieldLabel?: string;
  @api allowedValues: string[] = [];
  @api recordTypes: RecordTypeOption[] = [];
  @api masterRecordTypeId?: string;

  @api
  get config(): string | undefined {
    return this._config;
  }
  set config(value: string | undefined) {
    this._config = value;
    this.parsed = parse(value);
  }

  private _config?: string;
  parsed: ValueMapConfig = parse(undefined);
  /** Record type developer name whose map is edited; "" is the map every record type falls back to. */
  scope = DEFAULT_SCOPE;
  values: { label: string; value: string }[] = [];
  error: unknown;
  unmappedOptions = UNMAPPED_OPTIONS;

  get recordTypeId(): string {
    const chosen = this.recordTypes.find((type) => type.developerName === this.scope && this.scope !== DEFAULT_SCOPE);
    return chosen?.recordTypeId ?? this.masterRecordTypeId ?? MASTER_RECORD_TYPE_ID;
  }

  @wire(getPicklistValuesByRecordType, { objectApiName: "$objectApiName", recordTypeId: "$recordTypeId" })
  wiredValues({ data, error }: WireResult<PicklistValuesByRecordType>): void {
    if (data) {
      const field = this.fieldApiName ? data.picklistFieldValues[this.fieldApiName] : undefined;
      this.values = (field?.values ?? []).map((entry) => ({ label: entry.label, value: entry.value }));
      this.error = undefined;
    } else if (error) {
      this.values = [];
      this.error = error;
    }
  }

  get heading(): string {
    return `Value map for ${this.fieldLabel ?? this.fieldApiName ?? ""}`;
  }

  get scopeOptions() {
    return [
      { label: "All record types (default map)", value: DEFAULT_SCOPE },
      ...this.recordTypes
        .filter((type) => !type.master && type.developerName)
        .map((type) => ({ label: type.label ?? type.developerName ?? "", value: type.developerName ?? "" })),
    ];
  }

  get hasRecordTypes(): boolean {
    return this.scopeOptions.length > 1;
  }

  get hasAllowedValues(): boolean {
    return this.allowedValues.length > 0;
  }

  get externalOptions() {
    return [{ label: "— Not mapped —", value: "" }, ...this.allowedValues.map((value) => ({ label: value, value }))];
  }

  private get scopeMap(): Record<string, string> {
    return this.scope === DEFAULT_SCOPE ? this.parsed.default : (this.parsed.byRecordType[this.scope] ?? {});
  }

  get rows(): ValueRow[] {
    const own = this.scopeMap;
    return this.values.map((entry) => {
      const externalValue = own[entry.value] ?? "";
      const inherited = this.scope !== DEFAULT_SCOPE ? this.parsed.default[entry.value] : undefined;
      return {
        key: entry.value,
        label: entry.label,
        value: entry.value,
        externalValue,
        inputLabel: `External value for ${entry.label}`,
        unmapped: !externalValue && !inherited,
      };
    });
  }

  get hasValues(): boolean {
    return this.values.length > 0;
  }

  get showEmpty(): boolean {
    return !this.error && !this.hasValues;
  }

  get unmappedCount(): number {
    return this.rows.filter((row) => row.unmapped).length;
  }

  get unmappedSummary(): string {
    const count = this.unmappedCount;
    return count === 0 ? "Every value is mapped." : `${count} value${count === 1 ? " is" : "s are"} not mapped.`;
  }

  handleScope(event: CustomEvent<{ value: string }>): void {
    this.scope = event.detail.value;
  }

  handleValue(event: CustomEvent<{ value: string }>): void {
    const source = (event.target as HTMLElement).dataset.value ?? "";
    const next = { ...this.scopeMap };
    if (event.detail.value) next[source] = event.detail.value;
    else delete next[source];
    if (this.scope === DEFAULT_SCOPE) {
      this.parsed = { ...this.parsed, default: next };
    } else {
      this.parsed = { ...this.parsed, byRecordType: { ...this.parsed.byRecordType, [this.scope]: next } };
    }
    this.emit();
  }

  handleUnmapped(event: CustomEvent<{ value: string }>): void {
    this.parsed = { ...this.parsed, unmapped: event.detail.value };
    this.emit();
  }

  handleClose(): void {
    this.dispatchEvent(new CustomEvent("close"));
  }

  private emit(): void {
    const byRecordType = Object.fromEntries(
      Object.entries(this.parsed.byRecordType).filter(([, map]) => Object.keys(map).length > 0),
    );
    const config: Record<string, unknown> = { default: this.parsed.default, unmapped: this.parsed.unmapped };
    if (Object.keys(byRecordType).length > 0) config.byRecordType = byRecordType;
    this._config = JSON.stringify(config);
    this.dispatchEvent(new CustomEvent("change", { detail: { config: this._config } }));
  }
}
