import { LightningElement, api } from "lwc";
import getDrafts from "@salesforce/apex/SetupWizardController.getDrafts";
import loadState from "@salesforce/apex/SetupWizardController.loadState";
import saveProgress from "@salesforce/apex/SetupWizardController.saveProgress";

type WizardState = Apex.SetupService.WizardState;
type DraftSummary = Apex.SetupService.DraftSummary;

interface Step {
  value: string;
  label: string;
}

/** The seven steps; the state saved on the connection says which one to resume at. */
export const STEPS: Step[] = [
  { value: "1", label: "System and environment" },
  { value: "2", label: "Credentials" },
  { value: "3", label: "Objects" },
  { value: "4", label: "Field mapping" },
  { value: "5", label: "Record selection" },
  { value: "6", label: "Behaviour" },
  { value: "7", label: "Review and activate" },
];

interface StepComponent extends HTMLElement {
  submit(): Promise<WizardState | null>;
}

interface MapperComponent extends HTMLElement {
  save(): Promise<boolean>;
}

/**
 * The Tandem setup wizard: connect a system, choose objects, map fields, choose records, set the behaviour,
 * preview and activate. Every Next saves the step and the position on the Draft connection, so the wizard can be
 * left at any time and resumed where it was. Focus moves to the step heading on every step change.
 */
export default class TandemSetupWizard extends LightningElement {
  /** A Connection__c to resume (on its record page); otherwise the wizard offers the drafts. */
  @api recordId?: string;

  state?: WizardState;
  drafts: DraftSummary[] = [];
  step = 1;
  loading = false;
  saving = false;
  error: unknown;
  started = false;
  steps = STEPS;
  private focusPending = false;

  override connectedCallback(): void {
    void (this.recordId ? this.resume(this.recordId) : this.loadDrafts());
  }

  override renderedCallback(): void {
    if (!this.focusPending) return;
    const heading = this.template?.querySelector<HTMLElement>(".step-heading");
    if (heading) {
      heading.focus();
      this.focusPending = false;
    }
  }

  async loadDrafts(): Promise<void> {
    this.loading = true;
    this.error = undefined;
    try {
      this.drafts = await getDrafts();
    } catch (error) {
      this.error = error;
    } finally {
      this.loading = false;
    }
  }

  async resume(connectionId: string): Promise<void> {
    this.loading = true;
    this.error = undefined;
    try {
      this.state = await loadState({ connectionId });
      this.started = true;
      this.goTo(this.state.step ?? 1);
    } catch (error) {
      this.error = error;
    } finally {
      this.loading = false;
    }
  }

  private goTo(step: number): void {
    this.step = Math.min(Math.max(step, 1), STEPS.length);
    this.focusPending = true;
  }

  // ------------------------------------------------------------------------------------------ view state

  get showStart(): boolean {
    return !this.started && !this.loading;
  }

  get showWizard(): boolean {
    return this.started;
  }

  get hasDrafts(): boolean {
    return this.drafts.length > 0;
  }

  get draftViews() {
    return this.drafts.map((draft) => ({
      ...draft,
      key: draft.connectionId ?? "",
      resumeLabel: `Resume ${draft.name ?? ""}`,
      detail: `${draft.provider ?? ""}, ${draft.environment ?? ""}: step ${draft.step ?? 1} of ${STEPS.length}`,
    }));
  }

  get currentStep(): string {
    return String(this.step);
  }

  get stepLabel(): string {
    return STEPS[this.step - 1].label;
  }

  get stepHeading(): string {
    return `Step ${this.step} of ${STEPS.length}: ${this.stepLabel}`;
  }

  get isSystem(): boolean {
    return this.step === 1;
  }
  get isCredentials(): boolean {
    return this.step === 2;
  }
  get isObjects(): boolean {
    return this.step === 3;
  }
  get isMapping(): boolean {
    return this.step === 4;
  }
  get isSelection(): boolean {
    return this.step === 5;
  }
  get isBehaviour(): boolean {
    return this.step === 6;
  }
  get isReview(): boolean {
    return this.step === 7;
  }

  get backDisabled(): boolean {
    return this.step === 1 || this.saving;
  }

  get showNext(): boolean {
    return this.step < STEPS.length;
  }

  readonly nextLabel = "Save and continue";

  get pairs() {
    return this.state?.pairs ?? [];
  }

  get pairOptions() {
    return this.pairs.map((pair, index) => ({ label: pair.name ?? `Pair ${index + 1}`, value: String(index) }));
  }

  get showPairPicker(): boolean {
    return (this.isMapping || this.isSelection) && this.pairs.length > 1;
  }

  get selectedPairValue(): string {
    return String(this.state?.selectedPair ?? 0);
  }

  get selectedDefinitionId(): string | undefined {
    return this.pairs[this.state?.selectedPair ?? 0]?.definitionId;
  }

  get hasNoPairs(): boolean {
    return this.isMapping && !this.selectedDefinitionId;
  }

  // ------------------------------------------------------------------------------------------ handlers

  handleStart(): void {
    this.state = { version: 1, revision: 0, step: 1, pairs: [], credentialsSaved: false };
    this.started = true;
    this.goTo(1);
  }

  handleResume(event: Event): void {
    const id = (event.currentTarget as HTMLElement).dataset.id;
    if (id) void this.resume(id);
  }

  handlePair(event: CustomEvent<{ value: string }>): void {
    this.state = { ...this.state, selectedPair: Number(event.detail.value) };
  }

  handleStateChange(event: CustomEvent<{ state: WizardState }>): void {
    this.state = event.detail.state;
  }

  handleActivated(event: CustomEvent<{ state: WizardState }>): void {
    this.state = event.detail.state;
  }

  async handleBack(): Promise<void> {
    await this.move(this.step - 1, this.state ?? null);
  }

  async handleNext(): Promise<void> {
    this.saving = true;
    this.error = undefined;
    try {
      const next = await this.submitStep();
      if (next) await this.move(this.step + 1, next);
    } finally {
      this.saving = false;
    }
  }

  /** Asks the current step to save; null when it showed a problem. */
  private async submitStep(): Promise<WizardState | null> {
    if (this.isMapping) {
      const mapper = this.template?.querySelector<MapperComponent>("c-tandem-field-mapper");
      if (!mapper) return this.state ?? null;
      const saved = await mapper.save();
      return saved ? (this.state ?? null) : null;
    }
    const current = this.template?.querySelector<StepComponent>(".step");
    return current ? current.submit() : (this.state ?? null);
  }

  /** Saves the position and moves; a step not saved yet (no connection) only moves. */
  private async move(step: number, state: WizardState | null): Promise<void> {
    if (!state) return;
    if (!state.connectionId) {
      this.state = state;
      this.goTo(step);
      return;
    }
    try {
      this.state = await saveProgress({
        connectionId: state.connectionId,
        step,
        selectedPair: state.selectedPair ?? 0,
        revision: state.revision ?? 0,
      });
      this.goTo(step);
    } catch (error) {
      this.state = state;
      this.error = error;
    }
  }
}
