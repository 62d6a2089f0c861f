import { LightningElement, api } from "lwc";

type Diagnosis = Apex.SyncStatusService.Diagnosis;

interface ReasonLook {
  title: string;
  icon: string;
  /** What the user can do about it; blank when nothing. */
  hint: string;
}

/** One entry per SyncStatusService.REASON_ constant. */
const REASONS: Record<string, ReasonLook> = {
  ConnectionDisabled: {
    title: "Connection disabled",
    icon: "utility:ban",
    hint: "An admin can re-enable the connection on its record page after fixing the cause.",
  },
  DeadLetter: { title: "Dead-lettered", icon: "utility:error", hint: "Fix the cause, then press Retry." },
  WaitingForRetry: {
    title: "Waiting for a retry",
    icon: "utility:clock",
    hint: "Tandem retries automatically; Retry tries now.",
  },
  Error: { title: "Failed", icon: "utility:error", hint: "Fix the cause, then press Retry." },
  BudgetSpent: {
    title: "Daily callout budget spent",
    icon: "utility:warning",
    hint: "Syncing continues when the budget resets; an admin can raise the budget.",
  },
  OutsideFilter: { title: "Outside the record filter", icon: "utility:filterList", hint: "" },
  Invalid: {
    title: "Fails Tandem's checks",
    icon: "utility:warning",
    hint: "Correct the record or the field mapping.",
  },
  NoIdMapEntry: {
    title: "No ID-map entry",
    icon: "utility:link",
    hint: "Link the record to its remote record (ID-map import), or change the definition's mode.",
  },
  ExcludedByMode: { title: "Not synced in this mode", icon: "utility:info", hint: "" },
  Unchanged: { title: "Unchanged since the last sync", icon: "utility:check", hint: "" },
  Pending: { title: "Sync pending", icon: "utility:clock", hint: "" },
  NeverSynced: { title: "Never synced", icon: "utility:info", hint: "" },
  Changed: { title: "Changed since the last sync", icon: "utility:edit", hint: "" },
  Deleted: { title: "Remote record deleted", icon: "utility:delete", hint: "" },
};

const UNKNOWN: ReasonLook = { title: "Sync status", icon: "utility:info", hint: "" };

/** "Why was this record not synced?" for one definition: the reason, what to do, and the value diff. */
export default class TandemSyncDiagnosis extends LightningElement {
  @api diagnosis?: Diagnosis;
  @api differences: Apex.SyncStatusService.ValueDifference[] = [];

  get look(): ReasonLook {
    return REASONS[this.diagnosis?.reason ?? ""] ?? UNKNOWN;
  }

  get heading(): string {
    const attempt = this.diagnosis?.attempt;
    if (this.diagnosis?.reason === "WaitingForRetry" && attempt) return `Waiting for retry ${attempt}`;
    return this.look.title;
  }

  get iconName(): string {
    return this.look.icon;
  }

  get message(): string {
    return this.diagnosis?.message ?? "";
  }

  get hint(): string {
    return this.look.hint;
  }

  get hasHint(): boolean {
    return this.hint !== "";
  }

  get dueAt(): string | undefined {
    return this.diagnosis?.dueAt;
  }

  get hasDifferences(): boolean {
    return (this.differences ?? []).length > 0;
  }
}
