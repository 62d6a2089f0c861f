import { LightningElement, api, wire } from "lwc";
import { refreshApex } from "@salesforce/apex";
import { ShowToastEvent, type ToastVariant } from "lightning/platformShowToastEvent";
import { RefreshEvent } from "lightning/refresh";
import getRecordStatus from "@salesforce/apex/SyncNowController.getRecordStatus";
import syncNow from "@salesforce/apex/SyncNowController.syncNow";
import getRunProgress from "@salesforce/apex/SyncNowController.getRunProgress";
import retryRecord from "@salesforce/apex/SyncNowController.retryRecord";
import { reduceErrors } from "c/reduceErrors";
import { formatCount, statusLabel } from "c/tandemFormat";

type RecordStatus = Apex.SyncStatusService.RecordStatus;
type LinkStatus = Apex.SyncStatusService.LinkStatus;
type SyncResult = Apex.SyncService.Result;
type RunSummary = Apex.RunHistoryService.RunSummary;

/** The first poll waits this long; each later one waits one step more, up to MAX_POLL_INTERVAL_MS. */
export const POLL_INTERVAL_MS = 1000;
export const MAX_POLL_INTERVAL_MS = 5000;
/** About two and a half minutes in all; a longer run goes on in the background and the toast says so. */
export const MAX_POLLS = 30;

const FAILED = new Set(["Failed", "Aborted"]);
const WARNING = new Set(["CompletedWithErrors"]);

interface LinkView {
  key: string;
  definitionId: string;
  heading: string;
  connectionName: string;
  status: string;
  externalId: string;
  lastSyncedAt?: string;
  lastMessage: string;
  attemptsText: string;
  canRetry: boolean;
  retryLabel: string;
  link: LinkStatus;
}

interface Outcome {
  name: string;
  status: string;
  message?: string;
}

/**
 * Sync now on a record page, and the same as a headless quick action (`invoke()`): the record's link per
 * definition with its diagnosis, Sync now and Retry as the clicking user, progress while a queued run works,
 * a toast with the result and a page refresh so the record shows what changed.
 */
export default class TandemSyncNow extends LightningElement {
  @api recordId?: string;
  @api objectApiName?: string;

  recordStatus?: RecordStatus;
  loadError?: unknown;
  actionError?: unknown;
  /** True from the click until the result is known: the double-click guard for both buttons and invoke(). */
  busy = false;
  progress: RunSummary[] = [];

  private wiredStatus?: Apex.WireResult<RecordStatus>;
  private timer?: ReturnType<typeof setTimeout>;
  private wake?: () => void;
  private disconnected = false;

  @wire(getRecordStatus, { recordId: "$recordId" })
  receiveStatus(result: Apex.WireResult<RecordStatus>): void {
    this.wiredStatus = result;
    this.recordStatus = result.data;
    this.loadError = result.error;
  }

  override connectedCallback(): void {
    this.disconnected = false;
  }

  override disconnectedCallback(): void {
    // Stops the poll loop: a component that left the page must not keep calling the server.
    this.disconnected = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.wake?.();
  }

  /** The headless quick action's entry point; the platform ignores the returned promise. */
  @api
  async invoke(): Promise<void> {
    await this.run(() => syncNow({ recordId: this.recordId ?? "" }));
  }

  // ---- template state --------------------------------------------------------------------------------

  get isLoading(): boolean {
    return !this.recordStatus && !this.loadError;
  }

  get links(): LinkView[] {
    return (this.recordStatus?.links ?? []).map((link, index) => ({
      key: `${link.definitionId ?? index}`,
      definitionId: link.definitionId ?? "",
      heading: link.definitionName ?? "Sync definition",
      connectionName: link.connectionName ?? "",
      status: link.status ?? "",
      externalId: link.externalId ?? "Not linked",
      lastSyncedAt: link.lastSyncedAt,
      lastMessage: link.lastMessage ?? "",
      attemptsText: link.attempts ? formatCount(link.attempts) : "0",
      canRetry: link.canRetry === true,
      retryLabel: `Retry ${link.definitionName ?? "this record"}`,
      link,
    }));
  }

  get hasLinks(): boolean {
    return this.links.length > 0;
  }

  get isEmpty(): boolean {
    return Boolean(this.recordStatus) && !this.hasLinks;
  }

  get syncDisabled(): boolean {
    return this.busy || !(this.recordStatus?.links ?? []).some((link) => link.canSync === true);
  }

  get syncLabel(): string {
    return this.busy ? "Syncing…" : "Sync now";
  }

  get hasProgress(): boolean {
    return this.busy && this.progress.length > 0;
  }

  get progressPercent(): number {
    const total = this.progress.reduce((sum, run) => sum + (run.totalRecords ?? 0), 0);
    const done = this.progress.reduce((sum, run) => sum + (run.processed ?? 0), 0);
    return total > 0 ? Math.min(100, Math.round((done * 100) / total)) : 0;
  }

  get progressText(): string {
    const processed = this.progress.reduce((sum, run) => sum + (run.processed ?? 0), 0);
    const total = this.progress.reduce((sum, run) => sum + (run.totalRecords ?? 0), 0);
    const states = [...new Set(this.progress.map((run) => statusLabel(run.status)))].join(", ");
    return total > 0 ? `${states}: ${formatCount(processed)} of ${formatCount(total)} records` : `${states}…`;
  }

  // ---- actions ---------------------------------------------------------------------------------------

  async handleSyncNow(): Promise<void> {
    await this.run(() => syncNow({ recordId: this.recordId ?? "" }));
  }

  async handleRetry(event: Event): Promise<void> {
    const definitionId = (event.currentTarget as HTMLElement).dataset.definitionId ?? "";
    await this.run(async () => [await retryRecord({ recordId: this.recordId ?? "", definitionId })]);
  }

  /** One action at a time: start it, follow queued runs, then tell the user and refresh the page. */
  private async run(start: () => Promise<SyncResult[]>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.actionError = undefined;
    this.progress = [];
    try {
      const results = await start();
      const queued = results
        .filter((result) => !result.synchronous)
        .map((result) => result.runId)
        .filter((runId): runId is string => Boolean(runId));
      const finished = queued.length > 0 ? await this.watch(queued) : [];
      if (this.disconnected) return;
      this.announce(results, finished);
      this.dispatchEvent(new RefreshEvent());
      if (this.wiredStatus) await refreshApex(this.wiredStatus);
    } catch (error) {
      this.actionError = error;
      this.toast("error", "Tandem could not sync this record", reduceErrors(error).join(" "));
    } finally {
      this.busy = false;
      this.progress = [];
    }
  }

  /** Polls the runs until all finish; undefined when they are still going after MAX_POLLS. */
  private async watch(runIds: string[]): Promise<RunSummary[] | undefined> {
    for (let poll = 1; poll <= MAX_POLLS; poll++) {
      await this.sleep(Math.min(POLL_INTERVAL_MS * poll, MAX_POLL_INTERVAL_MS));
      if (this.disconnected) return undefined;
      const runs = await getRunProgress({ runIds });
      this.progress = runs;
      if (runs.length > 0 && runs.every((run) => run.finished === true)) return runs;
    }
    return undefined;
  }

  private sleep(millis: number): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      // Polling a queued run needs a timer; disconnectedCallback clears it.
      // eslint-disable-next-line @lwc/lwc/no-async-operation
      this.timer = setTimeout(() => {
        this.timer = undefined;
        resolve();
      }, millis);
    });
  }

  /** One toast for the whole action, as severe as its worst outcome. */
  private announce(results: SyncResult[], finished: RunSummary[] | undefined): void {
    if (finished === undefined) {
      this.toast(
        "info",
        "Sync is still running",
        "Tandem goes on in the background; the run history shows the result.",
      );
      return;
    }
    const byRun = new Map(finished.map((run) => [run.id, run]));
    const outcomes: Outcome[] = results.map((result) => {
      const run = result.runId ? byRun.get(result.runId) : undefined;
      return {
        name: result.definitionName ?? "Sync",
        status: run?.status ?? result.status ?? "",
        message: run?.message ?? result.message,
      };
    });
    const failed = outcomes.filter((outcome) => FAILED.has(outcome.status));
    const partial = outcomes.filter((outcome) => WARNING.has(outcome.status));
    const detail = outcomes
      .map(
        (outcome) => `${outcome.name}: ${statusLabel(outcome.status)}${outcome.message ? ` (${outcome.message})` : ""}`,
      )
      .join("; ");
    if (failed.length > 0) this.toast("error", "Sync failed", detail);
    else if (partial.length > 0) this.toast("warning", "Synced with errors", detail);
    else this.toast("success", "Record synced", detail);
  }

  private toast(variant: ToastVariant, title: string, message: string): void {
    this.dispatchEvent(
      new ShowToastEvent({ title, message, variant, mode: variant === "error" ? "sticky" : "dismissible" }),
    );
  }
}
