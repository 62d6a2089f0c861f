import { LightningElement, api } from "lwc";

type Difference = Apex.SyncStatusService.ValueDifference;

interface DiffRow {
  key: string;
  path: string;
  field: string;
  current: string;
  lastSent: string;
  changed: boolean;
  rowClass: string;
  changeLabel: string;
}

/** Shown for a value that is absent on one side, so an empty cell is never ambiguous. */
const NO_VALUE = "—";

/** The values last sent to the remote system next to the values the record maps to now. */
export default class TandemValueDiff extends LightningElement {
  @api differences: Difference[] = [];

  get hasRows(): boolean {
    return this.rows.length > 0;
  }

  get changedCount(): number {
    return this.rows.filter((row) => row.changed).length;
  }

  get summary(): string {
    const changed = this.changedCount;
    if (changed === 0) return "Every value matches what was last sent.";
    return changed === 1
      ? "1 value differs from what was last sent."
      : `${changed} values differ from what was last sent.`;
  }

  get rows(): DiffRow[] {
    return (this.differences ?? []).map((difference, index) => {
      const changed = difference.changed === true;
      return {
        key: `${difference.path ?? ""}#${index}`,
        path: difference.path ?? "",
        field: difference.salesforceField ?? NO_VALUE,
        current: difference.currentValue ?? NO_VALUE,
        lastSent: difference.lastSentValue ?? NO_VALUE,
        changed,
        rowClass: changed ? "slds-hint-parent changed" : "slds-hint-parent",
        changeLabel: changed ? "Changed" : "Same",
      };
    });
  }
}
