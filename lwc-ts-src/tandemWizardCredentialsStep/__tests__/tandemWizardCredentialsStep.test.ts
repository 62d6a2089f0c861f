import { createElement } from "lwc";
import TandemWizardCredentialsStep from "c/tandemWizardCredentialsStep";
import saveCredentials from "@salesforce/apex/SetupWizardController.saveCredentials";
import testConnection from "@salesforce/apex/SetupWizardController.testConnection";
import state from "../../tandemSetupWizard/__tests__/data/state.json";

jest.mock("@salesforce/apex/SetupWizardController.saveCredentials", () => ({ default: jest.fn() }), { virtual: true });
jest.mock("@salesforce/apex/SetupWizardController.testConnection", () => ({ default: jest.fn() }), { virtual: true });
const mockSave = saveCredentials as unknown as jest.Mock;
const mockTest = testConnection as unknown as jest.Mock;

type Step = HTMLElement & { state: unknown; submit(): Promise<unknown> };

function createStep(value: unknown = state): Step {
  const element = createElement("c-tandem-wizard-credentials-step", {
    is: TandemWizardCredentialsStep,
  }) as unknown as Step;
  element.state = value;
  document.body.appendChild(element);
  return element;
}

const root = (element: HTMLElement) => element.shadowRoot!;
const set = (element: HTMLElement, selector: string, value: string) =>
  root(element)
    .querySelector(selector)
    ?.dispatchEvent(new CustomEvent("change", { detail: { value } }));
const click = (element: HTMLElement, selector: string) => root(element).querySelector<HTMLElement>(selector)!.click();
const flush = async () => {
  for (let i = 0; i < 4; i++) await Promise.resolve();
};
const text = (element: HTMLElement, selector: string) => root(element).querySelector(selector)?.textContent ?? "";

describe("c-tandem-wizard-credentials-step", () => {
  afterEach(() => {
    document.body.replaceChildren();
    jest.clearAllMocks();
  });

  it("stores the client id and secret and clears them from the page", async () => {
    const element = createStep({ ...state, credentialsSaved: false, lastTestOutcome: undefined });
    const changed = jest.fn();
    element.addEventListener("statechange", changed);
    set(element, ".client-id", "client-1");
    set(element, ".client-secret", "s3cret");
    await flush();
    mockSave.mockResolvedValue({ ...state, credentialsSaved: true });
    click(element, ".save");
    await flush();
    expect(mockSave).toHaveBeenCalledWith({
      connectionId: "a00000000000001AAA",
      clientId: "client-1",
      clientSecret: "s3cret",
    });
    expect((root(element).querySelector(".client-secret") as unknown as { value: string }).value).toBe("");
    expect(changed).toHaveBeenCalled();
    await expect(element).toBeAccessible();
  });

  it.each([
    ["OK", "Connection works", 200],
    ["UNAUTHORIZED", "Wrong client id or secret", 401],
    ["FORBIDDEN", "Access forbidden", 403],
    ["UNREACHABLE", "System unreachable", 504],
    ["ERROR", "Test failed", 500],
    ["SOMETHING_NEW", "Test failed", undefined],
  ])("explains the %s outcome of Test connection", async (outcome, title, httpStatus) => {
    const element = createStep();
    mockTest.mockResolvedValue({ success: outcome === "OK", outcome, httpStatus, message: "From the server" });
    click(element, ".test");
    await flush();
    expect(mockTest).toHaveBeenCalledWith({ connectionId: "a00000000000001AAA" });
    expect(text(element, ".result-title")).toBe(title);
    expect(text(element, ".result-detail")).toBe(
      httpStatus ? `From the server (HTTP ${httpStatus})` : "From the server",
    );
    await expect(element).toBeAccessible();
  });

  it("remembers the last test outcome and disables Test connection until credentials are saved", () => {
    expect(text(createStep(), ".last-outcome")).toBe("Last test: Connection works.");
    const fresh = createStep({ ...state, credentialsSaved: false });
    expect((root(fresh).querySelector(".test") as unknown as { disabled: boolean }).disabled).toBe(true);
  });

  it("shows the Apex message when saving or testing fails", async () => {
    const element = createStep();
    mockTest.mockRejectedValue({ body: { message: "No connector profile for m3ter." } });
    click(element, ".test");
    await flush();
    expect((root(element).querySelector("c-tandem-error-panel") as unknown as { errors: unknown }).errors).toEqual({
      body: { message: "No connector profile for m3ter." },
    });
    set(element, ".client-id", "id");
    set(element, ".client-secret", "secret");
    mockSave.mockRejectedValue({ body: { message: "No access to the External Credential." } });
    await expect(element.submit()).resolves.toBeNull();
    await flush();
    expect((root(element).querySelector("c-tandem-error-panel") as unknown as { errors: unknown }).errors).toEqual({
      body: { message: "No access to the External Credential." },
    });
    await expect(element).toBeAccessible();
  });

  it("saves typed credentials on Next, refuses to continue without any, and continues with saved ones", async () => {
    const fresh = createStep({ ...state, credentialsSaved: false });
    await expect(fresh.submit()).resolves.toBeNull();
    await flush();
    expect((root(fresh).querySelector("c-tandem-error-panel") as unknown as { errors: unknown }).errors).toBe(
      "Enter and save the client id and secret before you continue.",
    );
    set(fresh, ".client-id", "id");
    set(fresh, ".client-secret", "secret");
    mockSave.mockResolvedValue({ ...state });
    await expect(fresh.submit()).resolves.toMatchObject({ credentialsSaved: true });
    await expect(createStep().submit()).resolves.toMatchObject({ connectionId: "a00000000000001AAA" });
  });
});
