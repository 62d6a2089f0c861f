import { LightningElement, api } from "lwc";
import saveSystem from "@salesforce/apex/SetupWizardController.saveSystem";

type WizardState = Apex.SetupService.WizardState;

const PROVIDERS = [
  { label: "m3ter (usage billing)", value: "m3ter" },
  { label: "Ontra (fund entities)", value: "Ontra" },
  { label: "Gentrack (utility billing)", value: "Gentrack" },
];

const ENVIRONMENTS = [
  { label: "Production", value: "Production" },
  { label: "Sandbox", value: "Sandbox" },
];

/** Step 1: which system, which environment, the connection's name and the remote tenant id. */
export default class TandemWizardSystemStep extends LightningElement {
  @api
  get state(): WizardState | undefined {
    return this._state;
  }
  set state(value: WizardState | undefined) {
    this._state = value;
    this.name = value?.connectionName ?? "";
    this.provider = value?.provider ?? "";
    this.environment = value?.environment ?? "Production";
    this.remoteTenantId = value?.remoteTenantId ?? "";
  }

  private _state?: WizardState;
  name = "";
  provider = "";
  environment = "Production";
  remoteTenantId = "";
  error: unknown;

  providerOptions = PROVIDERS;
  environmentOptions = ENVIRONMENTS;

  get needsTenant(): boolean {
    return this.provider === "m3ter" || this.provider === "Gentrack";
  }

  get tenantLabel(): string {
    return this.provider === "m3ter" ? "m3ter organization id" : "Gentrack instance id";
  }

  get providerLocked(): boolean {
    return (this._state?.pairs?.length ?? 0) > 0;
  }

  handleName(event: CustomEvent<{ value: string }>): void {
    this.name = event.detail.value;
  }

  handleProvider(event: CustomEvent<{ value: string }>): void {
    this.provider = event.detail.value;
  }

  handleEnvironment(event: CustomEvent<{ value: string }>): void {
    this.environment = event.detail.value;
  }

  handleTenant(event: CustomEvent<{ value: string }>): void {
    this.remoteTenantId = event.detail.value;
  }

  private inputsValid(): boolean {
    const inputs = [...(this.template?.querySelectorAll<HTMLElement & { reportValidity(): boolean }>(".input") ?? [])];
    return inputs.reduce((valid, input) => input.reportValidity?.() !== false && valid, true);
  }

  /** Saves the system and returns the new state; null when something needs fixing (shown here). */
  @api
  async submit(): Promise<WizardState | null> {
    this.error = undefined;
    if (!this.inputsValid()) return null;
    try {
      return await saveSystem({
        connectionId: (this._state?.connectionId ?? null) as unknown as string,
        name: this.name,
        provider: this.provider,
        environment: this.environment,
        remoteTenantId: this.needsTenant ? this.remoteTenantId : "",
        revision: this._state?.revision ?? 0,
      });
    } catch (error) {
      this.error = error;
      return null;
    }
  }
}
