import { LightningElement, api, wire } from "lwc";
import { refreshApex } from "@salesforce/apex";
import { ShowToastEvent } from "lightning/platformShowToastEvent";
import { RefreshEvent } from "lightning/refresh";
import getHealth from "@salesforce/apex/ConnectionHealthController.getHealth";
import reEnable from "@salesforce/apex/ConnectionHealthController.reEnable";
import { reduceErrors } from "c/reduceErrors";
import { formatCount } from "c/tandemFormat";

type Health = Apex.ConnectionHealthService.Health;

interface HealthView {
  key: string;
  health: Health;
  name: string;
  subtitle: string;
  failuresText: string;
  budgetText: string;
  budgetPercent: number;
  budgetNote: string;
  canReEnable: boolean;
  reEnableLabel: string;
  hasDisabledReason: boolean;
}

/** From this share of the daily budget on, the card warns before syncing stops. */
const BUDGET_WARNING_PERCENT = 80;

function budgetNote(percent: number): string {
  if (percent >= 100) return "Budget spent: syncing waits until the budget resets (midnight UTC).";
  return percent >= BUDGET_WARNING_PERCENT ? "Budget nearly spent." : "";
}

/**
 * Connection health: status, circuit, failed runs in a row, callouts used today against the budget and the
 * last successful sync; admins can re-enable a disabled connection after fixing it. On a Connection__c record
 * page it shows that connection; on an app page every connection.
 */
export default class TandemConnectionHealth extends LightningElement {
  @api recordId?: string;

  connections?: Health[];
  loadError?: unknown;
  actionError?: unknown;
  /** The id of the connection being re-enabled: the double-click guard. */
  enablingId?: string;

  private wiredHealth?: Apex.WireResult<Health[]>;

  @wire(getHealth, { connectionId: "$recordId" })
  receiveHealth(result: Apex.WireResult<Health[]>): void {
    this.wiredHealth = result;
    this.connections = result.data;
    this.loadError = result.error;
  }

  get isLoading(): boolean {
    return !this.connections && !this.loadError;
  }

  get isEmpty(): boolean {
    return Boolean(this.connections) && this.rows.length === 0;
  }

  get hasRows(): boolean {
    return this.rows.length > 0;
  }

  get rows(): HealthView[] {
    return (this.connections ?? []).map((health) => {
      const used = health.calloutsUsedToday ?? 0;
      const budget = health.dailyCalloutBudget ?? 0;
      const percent = Math.max(0, Math.min(100, health.budgetUsedPercent ?? 0));
      return {
        key: health.id ?? "",
        health,
        name: health.name ?? "",
        subtitle: [health.provider, health.environment].filter(Boolean).join(" · "),
        failuresText: `${formatCount(health.consecutiveFailures)} of ${formatCount(health.autoDisableThreshold)}`,
        budgetText: `${formatCount(used)} of ${formatCount(budget)} callouts used today`,
        budgetPercent: percent,
        budgetNote: budgetNote(percent),
        canReEnable: health.canReEnable === true,
        reEnableLabel: `Re-enable ${health.name ?? "the connection"}`,
        hasDisabledReason: Boolean(health.disabledReason),
      };
    });
  }

  get busy(): boolean {
    return this.enablingId !== undefined;
  }

  async handleReEnable(event: Event): Promise<void> {
    if (this.enablingId !== undefined) return;
    const connectionId = (event.currentTarget as HTMLElement).dataset.connectionId ?? "";
    this.enablingId = connectionId;
    this.actionError = undefined;
    try {
      const health = await reEnable({ connectionId });
      this.dispatchEvent(
        new ShowToastEvent({
          title: "Connection re-enabled",
          message: `${health.name ?? "The connection"} is active again; its circuit is closed.`,
          variant: "success",
        }),
      );
      this.dispatchEvent(new RefreshEvent());
      if (this.wiredHealth) await refreshApex(this.wiredHealth);
    } catch (error) {
      this.actionError = error;
      this.dispatchEvent(
        new ShowToastEvent({
          title: "The connection could not be re-enabled",
          message: reduceErrors(error).join(" "),
          variant: "error",
          mode: "sticky",
        }),
      );
    } finally {
      this.enablingId = undefined;
    }
  }
}
