import { createElement } from "lwc";
import TandemWizardSystemStep from "c/tandemWizardSystemStep";
import saveSystem from "@salesforce/apex/SetupWizardController.saveSystem";
import state from "../../tandemSetupWizard/__tests__/data/state.json";

jest.mock("@salesforce/apex/SetupWizardController.saveSystem", () => ({ default: jest.fn() }), { virtual: true });
const mockSave = saveSystem as unknown as jest.Mock;

type Step = HTMLElement & { state: unknown; submit(): Promise<unknown> };

function createStep(value: unknown): Step {
  const element = createElement("c-tandem-wizard-system-step", { is: TandemWizardSystemStep }) as unknown as Step;
  element.state = value;
  document.body.appendChild(element);
  return element;
}

const root = (element: HTMLElement) => element.shadowRoot!;
const set = (element: HTMLElement, selector: string, value: string) =>
  root(element)
    .querySelector(selector)
    ?.dispatchEvent(new CustomEvent("change", { detail: { value } }));
const flush = () => Promise.resolve();

describe("c-tandem-wizard-system-step", () => {
  afterEach(() => {
    document.body.replaceChildren();
    jest.clearAllMocks();
  });

  it("creates the draft connection with the chosen system and environment", async () => {
    const element = createStep({ step: 1, revision: 0, pairs: [] });
    set(element, ".name", "m3ter production");
    set(element, ".provider", "m3ter");
    set(element, ".environment", "Sandbox");
    await flush();
    expect(
      root(element).querySelector(".tenant")?.getAttribute("label") ??
        (root(element).querySelector(".tenant") as unknown as { label: string }).label,
    ).toBe("m3ter organization id");
    set(element, ".tenant", "org-1");
    mockSave.mockResolvedValue({ connectionId: "a00000000000001AAA", step: 2 });
    await expect(element.submit()).resolves.toEqual({ connectionId: "a00000000000001AAA", step: 2 });
    expect(mockSave).toHaveBeenCalledWith({
      connectionId: null,
      name: "m3ter production",
      provider: "m3ter",
      environment: "Sandbox",
      remoteTenantId: "org-1",
      revision: 0,
    });
    await expect(element).toBeAccessible();
  });

  it("asks no tenant id for Ontra and locks the system once pairs exist", async () => {
    const element = createStep({ ...state, provider: "Ontra" });
    await flush();
    expect(root(element).querySelector(".tenant")).toBeNull();
    expect(root(element).querySelector(".locked")).not.toBeNull();
    set(element, ".provider", "Gentrack");
    await flush();
    expect((root(element).querySelector(".tenant") as unknown as { label: string }).label).toBe("Gentrack instance id");
  });

  it("stops when a required input is invalid", async () => {
    const element = createStep(state);
    const name = root(element).querySelector<HTMLElement & { reportValidity: jest.Mock }>(".name")!;
    name.reportValidity = jest.fn(() => false);
    await expect(element.submit()).resolves.toBeNull();
    expect(mockSave).not.toHaveBeenCalled();
  });

  it("shows the Apex message when the connection cannot be saved", async () => {
    const element = createStep(state);
    mockSave.mockRejectedValue({ body: { message: "Remote tenant id: m3ter needs it." } });
    await expect(element.submit()).resolves.toBeNull();
    await flush();
    const panel = root(element).querySelector<HTMLElement & { errors: unknown }>("c-tandem-error-panel");
    expect(panel?.errors).toEqual({ body: { message: "Remote tenant id: m3ter needs it." } });
    await expect(element).toBeAccessible();
  });
});
