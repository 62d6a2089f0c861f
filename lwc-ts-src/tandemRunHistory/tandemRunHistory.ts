import { LightningElement, api, wire } from "lwc";
import { refreshApex } from "@salesforce/apex";
import getRuns from "@salesforce/apex/RunHistoryController.getRuns";
import { formatCount, formatDuration, statusLabel } from "c/tandemFormat";

type RunSummary = Apex.RunHistoryService.RunSummary;

interface RunView {
  key: string;
  run: RunSummary;
  name: string;
  definitionName: string;
  trigger: string;
  when?: string;
  duration: string;
  processed: string;
  created: string;
  updated: string;
  failed: string;
  callouts: string;
  selected: boolean;
  expanded: string;
  rowClass: string;
  openLabel: string;
  hasFailures: boolean;
}

/**
 * Sync runs, newest first: on an app page all of them, on a connection or definition record page that
 * record's. A chart of runs and failures per day, and a run's issues on demand.
 */
export default class TandemRunHistory extends LightningElement {
  /** Set on a Connection__c or SyncDefinition__c record page; blank on an app page. */
  @api recordId?: string;
  @api maxRows = 50;
  @api chartDays = 14;

  runs?: RunSummary[];
  loadError?: unknown;
  selectedRunId?: string;

  private wiredRuns?: Apex.WireResult<RunSummary[]>;

  @wire(getRuns, { parentId: "$recordId", maxRows: "$maxRows" })
  receiveRuns(result: Apex.WireResult<RunSummary[]>): void {
    this.wiredRuns = result;
    this.runs = result.data;
    this.loadError = result.error;
  }

  get isLoading(): boolean {
    return !this.runs && !this.loadError;
  }

  get hasRuns(): boolean {
    return (this.runs ?? []).length > 0;
  }

  get isEmpty(): boolean {
    return Boolean(this.runs) && !this.hasRuns;
  }

  get rows(): RunView[] {
    return (this.runs ?? []).map((run) => {
      const selected = run.id === this.selectedRunId;
      const failed = run.failed ?? 0;
      return {
        key: run.id ?? "",
        run,
        name: run.name ?? "",
        definitionName: run.definitionName ?? "",
        trigger: `${statusLabel(run.triggerType)}${run.dryRun ? " (dry run)" : ""}`,
        when: run.startedAt ?? run.createdDate,
        duration: formatDuration(run.durationMillis),
        processed: formatCount(run.processed),
        created: formatCount(run.created),
        updated: formatCount(run.updated),
        failed: formatCount(failed),
        callouts: formatCount(run.calloutsUsed),
        selected,
        expanded: String(selected),
        rowClass: selected ? "slds-hint-parent slds-is-selected run" : "slds-hint-parent run",
        openLabel: `Show the issues of ${run.name ?? "this run"}`,
        hasFailures: failed > 0,
      };
    });
  }

  get selectedRun(): RunSummary | undefined {
    return (this.runs ?? []).find((run) => run.id === this.selectedRunId);
  }

  get selectedRunName(): string | undefined {
    return this.selectedRun?.name;
  }

  handleOpenIssues(event: Event): void {
    const runId = (event.currentTarget as HTMLElement).dataset.runId;
    this.selectedRunId = runId === this.selectedRunId ? undefined : runId;
  }

  handleCloseIssues(): void {
    this.selectedRunId = undefined;
  }

  async handleRefresh(): Promise<void> {
    if (this.wiredRuns) await refreshApex(this.wiredRuns);
  }
}
