import { LightningElement, api } from "lwc";
import describeConnector from "@salesforce/apex/SetupWizardController.describeConnector";
import getSalesforceObjects from "@salesforce/apex/SetupWizardController.getSalesforceObjects";
import saveObjects from "@salesforce/apex/SetupWizardController.saveObjects";

type WizardState = Apex.SetupService.WizardState;
type ObjectPair = Apex.SetupService.ObjectPair;
type ConnectorInfo = Apex.SetupService.ConnectorInfo;

interface Option {
  label: string;
  value: string;
}

interface PairView {
  key: string;
  index: number;
  heading: string;
  pair: ObjectPair;
  modeOptions: Option[];
  showMaster: boolean;
  updateOnlyNote: string;
  removeLabel: string;
}

const ALL_MODES: Option[] = [
  { label: "Upsert (create and update)", value: "Upsert" },
  { label: "Update only", value: "UpdateOnly" },
  { label: "Insert only", value: "InsertOnly" },
  { label: "Delete", value: "Delete" },
  { label: "Mirror", value: "Mirror" },
];

const DIRECTIONS: Option[] = [
  { label: "Outbound (Salesforce to the system)", value: "Outbound" },
  { label: "Inbound (the system to Salesforce)", value: "Inbound" },
  { label: "Both directions", value: "Bidirectional" },
];

const MASTERS: Option[] = [
  { label: "Salesforce", value: "Salesforce" },
  { label: "External system", value: "External" },
];

let nextKey = 0;

/**
 * Step 3: pairs of Salesforce object and external entity, each with direction, mode (only the modes the
 * connector can perform on that entity) and master system.
 */
export default class TandemWizardObjectsStep extends LightningElement {
  @api
  get state(): WizardState | undefined {
    return this._state;
  }
  set state(value: WizardState | undefined) {
    this._state = value;
    this.pairs = (value?.pairs ?? []).map((pair) => ({ ...pair }));
    this.keys = this.pairs.map(() => `pair-${nextKey++}`);
  }

  private _state?: WizardState;
  pairs: ObjectPair[] = [];
  private keys: string[] = [];
  connector?: ConnectorInfo;
  objects: Option[] = [];
  loading = false;
  loadError: unknown;
  error: unknown;

  directionOptions = DIRECTIONS;
  masterOptions = MASTERS;

  override connectedCallback(): void {
    void this.load();
  }

  async load(): Promise<void> {
    if (!this._state?.connectionId) return;
    this.loading = true;
    this.loadError = undefined;
    try {
      const [connector, objects] = await Promise.all([
        describeConnector({ connectionId: this._state.connectionId }),
        getSalesforceObjects(),
      ]);
      this.connector = connector;
      this.objects = objects.map((object) => ({
        label: `${object.label ?? ""} (${object.apiName ?? ""})`,
        value: object.apiName ?? "",
      }));
      if (this.pairs.length === 0) this.addPair();
    } catch (error) {
      this.loadError = error;
    } finally {
      this.loading = false;
    }
  }

  get ready(): boolean {
    return !this.loading && !this.loadError && Boolean(this.connector);
  }

  get entityOptions(): Option[] {
    return (this.connector?.entities ?? []).map((entity) => ({
      label: entity.updateOnly
        ? `${entity.label ?? entity.name ?? ""} (update only)`
        : (entity.label ?? entity.name ?? ""),
      value: entity.name ?? "",
    }));
  }

  get hasEntities(): boolean {
    return this.entityOptions.length > 0;
  }

  get noEntities(): boolean {
    return this.ready && !this.hasEntities;
  }

  get pairViews(): PairView[] {
    return this.pairs.map((pair, index) => {
      const entity = this.connector?.entities?.find((candidate) => candidate.name === pair.externalEntity);
      const allowed =
        pair.direction === "Inbound" || !entity ? ALL_MODES.map((mode) => mode.value) : (entity.modes ?? []);
      const provider = this._state?.provider ?? "The system";
      return {
        key: this.keys[index],
        index,
        heading: `Pair ${index + 1}`,
        pair,
        modeOptions: ALL_MODES.filter((mode) => allowed.includes(mode.value)),
        showMaster: pair.direction === "Bidirectional",
        updateOnlyNote:
          entity?.updateOnly && pair.direction !== "Inbound"
            ? `${provider} only updates ${entity.label ?? entity.name ?? ""}: Tandem never creates or deletes them there.`
            : "",
        removeLabel: `Remove pair ${index + 1}`,
      };
    });
  }

  get removeDisabled(): boolean {
    return this.pairs.length <= 1;
  }

  addPair(): void {
    this.pairs = [...this.pairs, { direction: "Outbound", mode: "", masterSystem: "Salesforce" }];
    this.keys = [...this.keys, `pair-${nextKey++}`];
  }

  handleAdd(): void {
    this.addPair();
  }

  handleRemove(event: Event): void {
    const index = Number((event.currentTarget as HTMLElement).dataset.index);
    this.pairs = this.pairs.filter((_, position) => position !== index);
    this.keys = this.keys.filter((_, position) => position !== index);
  }

  handleChange(event: CustomEvent<{ value: string }>): void {
    const target = event.target as HTMLElement;
    const index = Number(target.dataset.index);
    const field = target.dataset.field as keyof ObjectPair;
    this.pairs = this.pairs.map((pair, position) => {
      if (position !== index) return pair;
      const next: ObjectPair = { ...pair, [field]: event.detail.value };
      // A mode the new entity or direction cannot do is cleared, so it is never offered or saved.
      const possible = this.modesFor(next);
      if (!possible.includes(next.mode ?? "")) next.mode = possible.includes("Upsert") ? "Upsert" : (possible[0] ?? "");
      return next;
    });
  }

  private modesFor(pair: ObjectPair): string[] {
    const entity = this.connector?.entities?.find((candidate) => candidate.name === pair.externalEntity);
    if (pair.direction === "Inbound" || !entity) return ALL_MODES.map((mode) => mode.value);
    return entity.modes ?? [];
  }

  private inputsValid(): boolean {
    const inputs = [...(this.template?.querySelectorAll<HTMLElement & { reportValidity(): boolean }>(".input") ?? [])];
    return inputs.reduce((valid, input) => input.reportValidity?.() !== false && valid, true);
  }

  @api
  async submit(): Promise<WizardState | null> {
    this.error = undefined;
    if (!this._state?.connectionId || !this.inputsValid()) return null;
    try {
      return await saveObjects({
        connectionId: this._state.connectionId,
        pairs: this.pairs,
        revision: this._state.revision ?? 0,
      });
    } catch (error) {
      this.error = error;
      return null;
    }
  }
}
