import { LightningElement, api } from "lwc";

/** The row's data, as tandemFieldMapper's model builds it (mapperModel.MapperRow). */
export interface MappingRowView {
  key: string;
  fieldLabel: string;
  fieldApiName: string;
  typeLabel: string;
  isPicklist: boolean;
  requiredInSalesforce: boolean;
  readOnlyInSalesforce: boolean;
  externalPath: string;
  externalType: string;
  externalLabel: string;
  requiredOnTarget: boolean;
  writePolicy: string;
  masterSystem: string;
  transform: string;
  active: boolean;
  compatible: boolean;
  reason: string;
  autoMapped: boolean;
}

interface Option {
  label: string;
  value: string;
}

const WRITE_POLICIES: Option[] = [
  { label: "Always", value: "Always" },
  { label: "Fill if empty", value: "FillIfEmpty" },
  { label: "Never overwrite", value: "NeverOverwrite" },
];

const MASTERS: Option[] = [
  { label: "Definition default", value: "" },
  { label: "Salesforce", value: "Salesforce" },
  { label: "External", value: "External" },
];

/**
 * One Salesforce field in the mapping editor: which external field it maps to, whether the types fit (and why
 * not), required flags, write policy, master and the value-map entry point for picklists. It only reports
 * changes (`rowchange`, `openvaluemap`); the editor owns the data.
 *
 * Built for pages of many rows: the external-field picker (hundreds of options) is rendered only for the row
 * being changed, and the small choices are native controls, so a page of rows stays light.
 */
export default class TandemFieldMappingRow extends LightningElement {
  @api row?: MappingRowView;
  /** The external fields as combobox options, shared by every row. */
  @api externalOptions: Option[] = [];
  /** Bidirectional definitions choose the master per field. */
  @api showMaster = false;

  /** True while the external-field picker is open. */
  editing = false;
  private focusPicker = false;
  private focusChangeButton = false;

  /** Moves the focus to the value-map button (after the value map closes). */
  @api
  focusValueMap(): void {
    this.template?.querySelector<HTMLElement>(".value-map-button")?.focus();
  }

  override renderedCallback(): void {
    if (this.focusPicker) {
      this.focusPicker = false;
      this.template?.querySelector<HTMLElement>(".external-field")?.focus();
    } else if (this.focusChangeButton) {
      this.focusChangeButton = false;
      this.template?.querySelector<HTMLElement>(".change-external")?.focus();
    }
  }

  get writePolicyOptions() {
    return WRITE_POLICIES.map((option) => ({ ...option, selected: option.value === this.row?.writePolicy }));
  }

  get masterOptions() {
    return MASTERS.map((option) => ({ ...option, selected: option.value === (this.row?.masterSystem ?? "") }));
  }

  get changeLabel(): string {
    return `Change the external field of ${this.row?.fieldLabel ?? ""}`;
  }

  get externalText(): string {
    return this.isMapped ? `${this.row?.externalLabel ?? ""} (${this.row?.externalPath ?? ""})` : "Not mapped";
  }

  get externalLabel(): string {
    return `External field for ${this.row?.fieldLabel ?? ""}`;
  }

  get writePolicyLabel(): string {
    return `Write policy for ${this.row?.fieldLabel ?? ""}`;
  }

  get masterLabel(): string {
    return `Master system for ${this.row?.fieldLabel ?? ""}`;
  }

  get activeLabel(): string {
    return `Sync ${this.row?.fieldLabel ?? ""}`;
  }

  get valueMapLabel(): string {
    return this.row?.transform === "ValueMap" ? "Edit value map" : "Map values";
  }

  get isMapped(): boolean {
    return Boolean(this.row?.externalPath);
  }

  get showValueMap(): boolean {
    return this.isMapped && this.row?.isPicklist === true;
  }

  get isIncompatible(): boolean {
    return this.isMapped && this.row?.compatible === false;
  }

  get isCompatibleMapping(): boolean {
    return this.isMapped && this.row?.compatible === true;
  }

  get notMapped(): boolean {
    return !this.isMapped;
  }

  get rowClass(): string {
    const base = "slds-grid slds-wrap slds-p-vertical_xx-small slds-border_bottom slds-grid_vertical-align-center";
    return this.isIncompatible ? `${base} incompatible` : base;
  }

  get controlsDisabled(): boolean {
    return !this.isMapped;
  }

  private report(field: string, value: string | boolean): void {
    this.dispatchEvent(new CustomEvent("rowchange", { detail: { key: this.row?.key, field, value } }));
  }

  handleChangeExternal(): void {
    this.editing = true;
    this.focusPicker = true;
  }

  handleCancelExternal(): void {
    this.editing = false;
    this.focusChangeButton = true;
  }

  handleExternal(event: CustomEvent<{ value: string }>): void {
    this.editing = false;
    this.focusChangeButton = true;
    this.report("externalPath", event.detail.value);
  }

  handleWritePolicy(event: Event): void {
    this.report("writePolicy", (event.target as HTMLSelectElement).value);
  }

  handleMaster(event: Event): void {
    this.report("masterSystem", (event.target as HTMLSelectElement).value);
  }

  handleActive(event: Event): void {
    this.report("active", (event.target as HTMLInputElement).checked);
  }

  handleValueMap(): void {
    this.dispatchEvent(new CustomEvent("openvaluemap", { detail: { key: this.row?.key } }));
  }
}
