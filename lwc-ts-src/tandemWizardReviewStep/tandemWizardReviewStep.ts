import { LightningElement, api } from "lwc";
import dryRun from "@salesforce/apex/SetupWizardController.dryRun";
import activateConnection from "@salesforce/apex/SetupWizardController.activateConnection";
import startInitialLoad from "@salesforce/apex/SetupWizardController.startInitialLoad";
import getRunProgress from "@salesforce/apex/SetupWizardController.getRunProgress";

type WizardState = Apex.SetupService.WizardState;
type RunProgress = Apex.SetupService.RunProgress;

/** Polling of the initial load: starts fast, slows down, and gives up after a bounded number of polls. */
export const FIRST_POLL_MS = 2000;
export const MAX_POLL_MS = 15000;
export const MAX_POLLS = 120;

interface Failure {
  key: string;
  record: string;
  field: string;
  message: string;
}

interface Preview {
  direction: string;
  samples: { key: string; text: string }[];
  failures: Failure[];
  processed: number;
  failed: number;
}

/** Text of a JSON value for display: strings as they are, blanks empty, anything else as JSON. */
function textOf(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function parsePreview(json: string | undefined): Preview {
  let parsed: Record<string, unknown> = {};
  try {
    parsed = json ? (JSON.parse(json) as Record<string, unknown>) : {};
  } catch {
    parsed = {};
  }
  const samples = Array.isArray(parsed.samples) ? parsed.samples : [];
  const failures = Array.isArray(parsed.failures) ? (parsed.failures as Record<string, unknown>[]) : [];
  return {
    direction: typeof parsed.direction === "string" ? parsed.direction : "",
    samples: samples.map((sample, index) => ({ key: `sample-${index}`, text: JSON.stringify(sample, null, 2) })),
    failures: failures.map((failure, index) => ({
      key: `failure-${index}`,
      record: textOf(failure.recordId ?? failure.externalId),
      field: textOf(failure.field),
      message: textOf(failure.message),
    })),
    processed: Number(parsed.processed ?? 0),
    failed: Number(parsed.failed ?? 0),
  };
}

/**
 * Step 7: a summary, a dry run per pair (the first payloads and every record that would fail our checks), then
 * Activate or Start initial load with a progress bar fed by the runs' counters.
 */
export default class TandemWizardReviewStep extends LightningElement {
  @api state?: WizardState;

  dryRunPairId?: string;
  dryRunning = false;
  dryRunError: unknown;
  dryRunMessage = "";
  preview?: Preview;
  activating = false;
  actionError: unknown;
  runIds: string[] = [];
  progress?: RunProgress;
  pollError: unknown;
  doneMessage = "";
  private pollTimer?: ReturnType<typeof setTimeout>;
  private polls = 0;

  override disconnectedCallback(): void {
    clearTimeout(this.pollTimer);
  }

  get pairs() {
    return (this.state?.pairs ?? []).map((pair) => ({
      key: pair.definitionId ?? pair.name ?? "",
      definitionId: pair.definitionId,
      name: pair.name,
      summary: `${pair.salesforceObject ?? ""} ↔ ${pair.externalEntity ?? ""}: ${pair.direction ?? ""}, ${pair.mode ?? ""}, ${pair.mappingCount ?? 0} mapped fields, schedule ${pair.schedule ?? "Manual"}`,
      dryRunLabel: `Dry run ${pair.name ?? ""}`,
    }));
  }

  get isActive(): boolean {
    return this.state?.status === "Active";
  }

  get busy(): boolean {
    return this.dryRunning || this.activating;
  }

  get actionsDisabled(): boolean {
    return this.busy || this.loading;
  }

  get loading(): boolean {
    return this.runIds.length > 0 && !this.progress?.done;
  }

  get hasSamples(): boolean {
    return (this.preview?.samples.length ?? 0) > 0;
  }

  get hasFailures(): boolean {
    return (this.preview?.failures.length ?? 0) > 0;
  }

  get previewSummary(): string {
    if (!this.preview) return "";
    const failures = this.preview.failures.length;
    return `${this.preview.processed} records checked; ${failures} would fail our checks.`;
  }

  get showProgress(): boolean {
    return this.runIds.length > 0;
  }

  get percent(): number {
    const total = this.progress?.total;
    if (!total) return 0;
    return Math.min(100, Math.round(((this.progress?.processed ?? 0) / total) * 100));
  }

  get progressText(): string {
    const progress = this.progress;
    if (!progress) return "Initial load queued…";
    const total = progress.total == null ? "an unknown number of" : progress.total.toLocaleString();
    return `${(progress.processed ?? 0).toLocaleString()} of ${total} records processed, ${progress.failed ?? 0} failed (${progress.status ?? "Queued"}).`;
  }

  async handleDryRun(event: Event): Promise<void> {
    const definitionId = (event.currentTarget as HTMLElement).dataset.id;
    if (!definitionId) return;
    this.dryRunPairId = definitionId;
    this.dryRunning = true;
    this.dryRunError = undefined;
    this.preview = undefined;
    try {
      const result = await dryRun({ definitionId });
      this.preview = parsePreview(result.preview);
      this.dryRunMessage = `Dry run of ${result.definitionName ?? ""}: ${result.status ?? ""}${result.message ? `. ${result.message}` : ""}`;
    } catch (error) {
      this.dryRunError = error;
    } finally {
      this.dryRunning = false;
    }
  }

  async handleActivate(): Promise<void> {
    if (!this.state?.connectionId) return;
    this.activating = true;
    this.actionError = undefined;
    try {
      const state = await activateConnection({ connectionId: this.state.connectionId });
      this.doneMessage = "The connection is active.";
      this.dispatchEvent(new CustomEvent("activated", { detail: { state } }));
    } catch (error) {
      this.actionError = error;
    } finally {
      this.activating = false;
    }
  }

  async handleInitialLoad(): Promise<void> {
    if (!this.state?.connectionId) return;
    this.activating = true;
    this.actionError = undefined;
    try {
      this.runIds = await startInitialLoad({ connectionId: this.state.connectionId });
      this.progress = undefined;
      this.polls = 0;
      this.doneMessage = "";
      this.schedulePoll(FIRST_POLL_MS);
    } catch (error) {
      this.actionError = error;
    } finally {
      this.activating = false;
    }
  }

  /** Bounded polling: the interval grows by half each time up to MAX_POLL_MS, and stops after MAX_POLLS. */
  private schedulePoll(delay: number): void {
    clearTimeout(this.pollTimer);
    // Polling is the only way to follow a queued run; it is bounded (MAX_POLLS) and stops on disconnect.
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    this.pollTimer = setTimeout(() => void this.poll(delay), delay);
  }

  async poll(delay: number): Promise<void> {
    this.polls++;
    try {
      this.progress = await getRunProgress({ runIds: this.runIds });
      this.pollError = undefined;
    } catch (error) {
      this.pollError = error;
    }
    if (this.progress?.done) {
      this.doneMessage = `Initial load finished: ${this.progress.status ?? ""}.`;
      this.dispatchEvent(new CustomEvent("loadfinished", { detail: { progress: this.progress } }));
      return;
    }
    if (this.polls >= MAX_POLLS) {
      this.doneMessage = "The initial load is still running. Follow it on the Runs tab.";
      return;
    }
    this.schedulePoll(Math.min(MAX_POLL_MS, Math.round(delay * 1.5)));
  }

  /** The review step saves nothing itself. */
  @api
  async submit(): Promise<WizardState | null> {
    return Promise.resolve(this.state ?? null);
  }
}
