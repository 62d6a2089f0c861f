import { LightningElement, api } from "lwc";
import saveBehaviour from "@salesforce/apex/SetupWizardController.saveBehaviour";

type WizardState = Apex.SetupService.WizardState;
type ObjectPair = Apex.SetupService.ObjectPair;

const MERGE_STRATEGIES = [
  { label: "Overwrite all", value: "OverwriteAll" },
  { label: "Merge new data only", value: "MergeNewDataOnly" },
  { label: "Merge for existing records only", value: "MergeExistingOnly" },
  { label: "Overwrite existing only", value: "OverwriteExistingOnly" },
  { label: "New records only", value: "NewRecordsOnly" },
];

const SCHEDULES = [
  { label: "Manual", value: "Manual" },
  { label: "Real-time", value: "RealTime" },
  { label: "Hourly", value: "Hourly" },
  { label: "Daily", value: "Daily" },
];

const DELETE_MODES = [
  { label: "Ignore deletions", value: "Ignore" },
  { label: "Propagate deletions", value: "Propagate" },
  { label: "Unlink only", value: "Unlink" },
];

const EMAIL = /^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$/;

/** The addresses that are not email addresses, in order; separators are commas, semicolons, spaces or new lines. */
export function invalidEmails(text: string): string[] {
  return text
    .split(/[,;\s]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "" && !EMAIL.test(entry));
}

/** Step 6: merge strategy, schedule and delete mode per pair; callout budget, alerts and auto-disable threshold. */
export default class TandemWizardBehaviourStep extends LightningElement {
  @api
  get state(): WizardState | undefined {
    return this._state;
  }
  set state(value: WizardState | undefined) {
    this._state = value;
    this.pairs = (value?.pairs ?? []).map((pair) => ({
      ...pair,
      mergeStrategy: pair.mergeStrategy ?? "OverwriteAll",
      schedule: pair.schedule ?? "Manual",
      deleteMode: pair.deleteMode ?? "Ignore",
    }));
    this.budget = value?.behaviour?.dailyCalloutBudget ?? 5000;
    this.threshold = value?.behaviour?.autoDisableThreshold ?? 10;
    this.recipients = value?.behaviour?.alertRecipients ?? "";
  }

  private _state?: WizardState;
  pairs: ObjectPair[] = [];
  budget = 5000;
  threshold = 10;
  recipients = "";
  error: unknown;

  mergeOptions = MERGE_STRATEGIES;
  scheduleOptions = SCHEDULES;
  deleteOptions = DELETE_MODES;

  get pairViews() {
    return this.pairs.map((pair, index) => ({
      key: pair.definitionId ?? String(index),
      index,
      name: pair.name ?? `Pair ${index + 1}`,
      pair,
    }));
  }

  handlePairChange(event: CustomEvent<{ value: string }>): void {
    const target = event.target as HTMLElement;
    const index = Number(target.dataset.index);
    const field = target.dataset.field as "mergeStrategy" | "schedule" | "deleteMode";
    this.pairs = this.pairs.map((pair, position) =>
      position === index ? { ...pair, [field]: event.detail.value } : pair,
    );
  }

  handleBudget(event: CustomEvent<{ value: string }>): void {
    this.budget = Number(event.detail.value);
  }

  handleThreshold(event: CustomEvent<{ value: string }>): void {
    this.threshold = Number(event.detail.value);
  }

  handleRecipients(event: CustomEvent<{ value: string }>): void {
    this.recipients = event.detail.value;
    this.checkRecipients();
  }

  /** Marks the recipients field invalid, naming the first address that is not one. */
  private checkRecipients(): boolean {
    const field = this.template?.querySelector<
      HTMLElement & { setCustomValidity(message: string): void; reportValidity(): boolean }
    >(".recipients");
    const invalid = invalidEmails(this.recipients);
    const message = invalid.length ? `"${invalid[0]}" is not an email address.` : "";
    field?.setCustomValidity?.(message);
    field?.reportValidity?.();
    return invalid.length === 0;
  }

  private inputsValid(): boolean {
    const inputs = [...(this.template?.querySelectorAll<HTMLElement & { reportValidity(): boolean }>(".input") ?? [])];
    const valid = inputs.reduce((all, input) => input.reportValidity?.() !== false && all, true);
    return this.checkRecipients() && valid;
  }

  @api
  async submit(): Promise<WizardState | null> {
    this.error = undefined;
    if (!this._state?.connectionId || !this.inputsValid()) return null;
    try {
      return await saveBehaviour({
        connectionId: this._state.connectionId,
        behaviour: {
          dailyCalloutBudget: this.budget,
          autoDisableThreshold: this.threshold,
          alertRecipients: this.recipients,
        },
        pairs: this.pairs,
        revision: this._state.revision ?? 0,
      });
    } catch (error) {
      this.error = error;
      return null;
    }
  }
}
