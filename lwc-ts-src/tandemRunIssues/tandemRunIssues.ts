import { LightningElement, api, wire } from "lwc";
import { refreshApex } from "@salesforce/apex";
import { ShowToastEvent } from "lightning/platformShowToastEvent";
import getIssues from "@salesforce/apex/RunHistoryController.getIssues";
import retryIssues from "@salesforce/apex/RunHistoryController.retryIssues";
import { reduceErrors } from "c/reduceErrors";
import { csvDataUri, statusLabel, toCsv, type CsvColumn } from "c/tandemFormat";

type IssueRow = Apex.RunHistoryService.IssueRow;

interface IssueView {
  key: string;
  issue: IssueRow;
  selectable: boolean;
  selected: boolean;
  checkboxLabel: string;
  category: string;
  httpStatus: string;
  attempt: string;
  retryable: string;
  hasPayload: boolean;
}

const CSV_COLUMNS: CsvColumn<IssueRow>[] = [
  { label: "Issue", value: (issue) => issue.name },
  { label: "Record ID", value: (issue) => issue.recordId },
  { label: "External ID", value: (issue) => issue.externalId },
  { label: "Category", value: (issue) => issue.category },
  { label: "HTTP status", value: (issue) => issue.httpStatus },
  { label: "Code", value: (issue) => issue.code },
  { label: "Field", value: (issue) => issue.field },
  { label: "Message", value: (issue) => issue.message },
  { label: "Attempt", value: (issue) => issue.attempt },
  { label: "Retryable", value: (issue) => (issue.retryable ? "Yes" : "No") },
  { label: "Resolved at", value: (issue) => issue.resolvedAt },
  { label: "Payload (redacted)", value: (issue) => issue.payloadExcerpt },
];

/** The issues of one run: redacted payloads, retry of the selected failed records, CSV export. */
export default class TandemRunIssues extends LightningElement {
  @api runId?: string;
  @api runName?: string;

  issues?: IssueRow[];
  loadError?: unknown;
  retryError?: unknown;
  retrying = false;
  selectedIds: string[] = [];

  private wiredIssues?: Apex.WireResult<IssueRow[]>;

  @wire(getIssues, { runId: "$runId" })
  receiveIssues(result: Apex.WireResult<IssueRow[]>): void {
    this.wiredIssues = result;
    this.issues = result.data;
    this.loadError = result.error;
    // Ids of issues that are gone after a refresh must not stay selected.
    const present = new Set((result.data ?? []).map((issue) => issue.id));
    this.selectedIds = this.selectedIds.filter((id) => present.has(id));
  }

  get isLoading(): boolean {
    return !this.issues && !this.loadError;
  }

  get hasIssues(): boolean {
    return (this.issues ?? []).length > 0;
  }

  get isEmpty(): boolean {
    return Boolean(this.issues) && !this.hasIssues;
  }

  get heading(): string {
    return `Issues of ${this.runName ?? "the run"}`;
  }

  get rows(): IssueView[] {
    const selected = new Set(this.selectedIds);
    return (this.issues ?? []).map((issue) => ({
      key: issue.id ?? "",
      issue,
      selectable: Boolean(issue.recordId),
      selected: selected.has(issue.id ?? ""),
      checkboxLabel: `Select ${issue.name ?? "issue"} for retry`,
      category: statusLabel(issue.category),
      httpStatus: issue.httpStatus ? String(issue.httpStatus) : "",
      attempt: issue.attempt ? String(issue.attempt) : "",
      retryable: issue.retryable ? "Yes" : "No",
      hasPayload: Boolean(issue.payloadExcerpt),
    }));
  }

  get selectableIds(): string[] {
    return (this.issues ?? []).filter((issue) => issue.recordId).map((issue) => issue.id ?? "");
  }

  get allSelected(): boolean {
    const selectable = this.selectableIds;
    return selectable.length > 0 && selectable.every((id) => this.selectedIds.includes(id));
  }

  get selectAllDisabled(): boolean {
    return this.selectableIds.length === 0;
  }

  get retryDisabled(): boolean {
    return this.retrying || this.selectedIds.length === 0;
  }

  get retryLabel(): string {
    return this.selectedIds.length > 0 ? `Retry selected (${this.selectedIds.length})` : "Retry selected";
  }

  get csvHref(): string {
    return csvDataUri(toCsv(CSV_COLUMNS, this.issues ?? []));
  }

  get csvFileName(): string {
    return `${(this.runName ?? "run").replace(/[^\w-]+/g, "_")}-issues.csv`;
  }

  handleSelect(event: Event): void {
    const input = event.target as HTMLInputElement;
    const id = input.dataset.issueId ?? "";
    const others = this.selectedIds.filter((selectedId) => selectedId !== id);
    this.selectedIds = input.checked ? [...others, id] : others;
  }

  handleSelectAll(event: Event): void {
    this.selectedIds = (event.target as HTMLInputElement).checked ? this.selectableIds : [];
  }

  async handleRetry(): Promise<void> {
    if (this.retrying || this.selectedIds.length === 0) return;
    this.retrying = true;
    this.retryError = undefined;
    try {
      const outcome = await retryIssues({ issueIds: this.selectedIds });
      const skipped = outcome.skipped ? ` ${outcome.skipped} issue(s) name no Salesforce record and were skipped.` : "";
      this.dispatchEvent(
        new ShowToastEvent({
          title: "Retry started",
          message: `Tandem is retrying ${outcome.records ?? 0} record(s).${skipped}`,
          variant: "success",
        }),
      );
      this.selectedIds = [];
      // The parent refreshes its run list: the retry is a new run.
      this.dispatchEvent(
        new CustomEvent("retry", { detail: { runIds: (outcome.runs ?? []).map((run) => run.runId) } }),
      );
      if (this.wiredIssues) await refreshApex(this.wiredIssues);
    } catch (error) {
      this.retryError = error;
      this.dispatchEvent(
        new ShowToastEvent({
          title: "Retry failed",
          message: reduceErrors(error).join(" "),
          variant: "error",
          mode: "sticky",
        }),
      );
    } finally {
      this.retrying = false;
    }
  }

  handleClose(): void {
    this.dispatchEvent(new CustomEvent("close"));
  }
}
