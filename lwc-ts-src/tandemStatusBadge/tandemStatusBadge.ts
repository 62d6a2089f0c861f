import { LightningElement, api } from "lwc";
import { badgeClass, statusLabel } from "c/tandemFormat";

/** A status as a coloured badge whose text always says the status, so colour is never the only cue. */
export default class TandemStatusBadge extends LightningElement {
  /** A picklist API name: run, link, connection or circuit status. */
  @api status?: string;
  /** Read before the status by screen readers ("Run status"). */
  @api context?: string;

  get hasStatus(): boolean {
    return Boolean(this.status);
  }

  get label(): string {
    return statusLabel(this.status);
  }

  get badgeClass(): string {
    return badgeClass(this.status);
  }

  get assistiveText(): string {
    return this.context ? `${this.context}: ` : "";
  }
}
