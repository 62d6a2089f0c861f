import { LightningElement, api } from "lwc";
import saveCredentials from "@salesforce/apex/SetupWizardController.saveCredentials";
import testConnection from "@salesforce/apex/SetupWizardController.testConnection";

type WizardState = Apex.SetupService.WizardState;
type TestResult = Apex.SetupService.TestResult;

/** What each Test connection outcome means for the person setting up. */
const OUTCOMES: Record<string, { title: string; advice: string; success: boolean }> = {
  OK: { title: "Connection works", advice: "Tandem reached the system with these credentials.", success: true },
  UNAUTHORIZED: {
    title: "Wrong client id or secret",
    advice: "The system refused the credentials. Check the client id and secret, save them again and retest.",
    success: false,
  },
  FORBIDDEN: {
    title: "Access forbidden",
    advice: "The credentials are valid but may not use this API. Ask the system's administrator to grant API access.",
    success: false,
  },
  UNREACHABLE: {
    title: "System unreachable",
    advice:
      "The system did not answer. Check the environment (production or sandbox), the Named Credential's URL and remote site access.",
    success: false,
  },
  ERROR: { title: "Test failed", advice: "The system answered with an error.", success: false },
};

/**
 * Step 2: the client id and secret, stored through the credential service in the External Credential (never in
 * a field, never shown again), and Test connection with a clear result.
 */
export default class TandemWizardCredentialsStep extends LightningElement {
  @api state?: WizardState;

  clientId = "";
  clientSecret = "";
  saving = false;
  testing = false;
  error: unknown;
  result?: TestResult;
  savedMessage = "";

  get credentialsSaved(): boolean {
    return this.state?.credentialsSaved === true;
  }

  get saveDisabled(): boolean {
    return this.saving || !this.clientId.trim() || !this.clientSecret.trim();
  }

  get testDisabled(): boolean {
    return this.testing || !this.credentialsSaved;
  }

  get busy(): boolean {
    return this.saving || this.testing;
  }

  get outcome() {
    if (!this.result) return undefined;
    return OUTCOMES[this.result.outcome ?? "ERROR"] ?? OUTCOMES.ERROR;
  }

  get resultClass(): string {
    const theme = this.outcome?.success ? "slds-theme_success" : "slds-theme_error";
    return `slds-box slds-m-top_small result ${theme}`;
  }

  get resultDetail(): string {
    const status = this.result?.httpStatus ? ` (HTTP ${this.result.httpStatus})` : "";
    return this.result?.message ? `${this.result.message}${status}` : status.trim();
  }

  get lastOutcomeText(): string {
    const last = this.state?.lastTestOutcome;
    return last && !this.result ? `Last test: ${OUTCOMES[last]?.title ?? last}.` : "";
  }

  handleClientId(event: CustomEvent<{ value: string }>): void {
    this.clientId = event.detail.value;
  }

  handleClientSecret(event: CustomEvent<{ value: string }>): void {
    this.clientSecret = event.detail.value;
  }

  async handleSave(): Promise<void> {
    await this.saveTyped();
  }

  /** Saves the typed credentials; the new state (its revision moved on), or null when saving failed. */
  private async saveTyped(): Promise<WizardState | null> {
    if (!this.state?.connectionId) return null;
    this.saving = true;
    this.error = undefined;
    try {
      const state = await saveCredentials({
        connectionId: this.state.connectionId,
        clientId: this.clientId,
        clientSecret: this.clientSecret,
      });
      // The secret leaves the page as soon as it is stored.
      this.clientSecret = "";
      this.clientId = "";
      this.result = undefined;
      this.savedMessage = "Credentials saved in the External Credential.";
      this.dispatchEvent(new CustomEvent("statechange", { detail: { state } }));
      return state;
    } catch (error) {
      this.error = error;
      return null;
    } finally {
      this.saving = false;
    }
  }

  async handleTest(): Promise<void> {
    if (!this.state?.connectionId) return;
    this.testing = true;
    this.error = undefined;
    this.result = undefined;
    try {
      this.result = await testConnection({ connectionId: this.state.connectionId });
    } catch (error) {
      this.error = error;
    } finally {
      this.testing = false;
    }
  }

  /** Saves credentials that were typed but not saved; refuses to continue without saved credentials. */
  @api
  async submit(): Promise<WizardState | null> {
    if (this.clientId.trim() && this.clientSecret.trim()) {
      return this.saveTyped();
    }
    if (!this.credentialsSaved) {
      this.error = "Enter and save the client id and secret before you continue.";
      return null;
    }
    return this.state ?? null;
  }
}
