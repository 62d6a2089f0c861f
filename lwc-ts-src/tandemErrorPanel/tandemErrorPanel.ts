import { LightningElement, api } from "lwc";
import { reduceErrors } from "c/reduceErrors";

/**
 * The one error panel: a short summary for everyone and, behind a toggle, the detailed messages that
 * `reduceErrors` extracts from whatever the caller caught.
 */
export default class TandemErrorPanel extends LightningElement {
  /** Anything caught or received from a wire: an Error, an Apex or UI API error, a string, or a list of them. */
  @api errors: unknown;

  /** A sentence for the user ("We could not sync this record."); the raw messages become the details. */
  @api friendlyMessage?: string;

  detailsExpanded = false;

  get messages(): string[] {
    return reduceErrors(this.errors);
  }

  get hasContent(): boolean {
    return this.summary !== "";
  }

  get summary(): string {
    if (this.friendlyMessage) return this.friendlyMessage;
    // reduceErrors already gives a readable fallback for errors that carry no message.
    return this.messages[0] ?? "";
  }

  /** Without a friendly message the first error is the summary, so the details are the rest. */
  get details(): string[] {
    return this.friendlyMessage ? this.messages : this.messages.slice(1);
  }

  get hasDetails(): boolean {
    return this.details.length > 0;
  }

  get detailsHidden(): boolean {
    return !this.detailsExpanded;
  }

  get ariaExpanded(): string {
    return String(this.detailsExpanded);
  }

  get toggleLabel(): string {
    return this.detailsExpanded ? "Hide details" : "Show details";
  }

  handleToggleDetails(): void {
    this.detailsExpanded = !this.detailsExpanded;
  }
}
