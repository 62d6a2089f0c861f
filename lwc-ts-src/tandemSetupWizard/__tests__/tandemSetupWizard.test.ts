import { createElement } from "lwc";
import TandemSetupWizard, { STEPS } from "c/tandemSetupWizard";
import { getObjectInfo } from "../../../tools/jest-mocks/lightning/uiObjectInfoApi";
import getDrafts from "@salesforce/apex/SetupWizardController.getDrafts";
import loadState from "@salesforce/apex/SetupWizardController.loadState";
import saveProgress from "@salesforce/apex/SetupWizardController.saveProgress";
import saveSystem from "@salesforce/apex/SetupWizardController.saveSystem";
import describeConnector from "@salesforce/apex/SetupWizardController.describeConnector";
import getSalesforceObjects from "@salesforce/apex/SetupWizardController.getSalesforceObjects";
import saveObjects from "@salesforce/apex/SetupWizardController.saveObjects";
import saveSelection from "@salesforce/apex/SetupWizardController.saveSelection";
import countMatching from "@salesforce/apex/SetupWizardController.countMatching";
import saveBehaviour from "@salesforce/apex/SetupWizardController.saveBehaviour";
import getMappingContext from "@salesforce/apex/FieldMappingController.getMappingContext";
import saveMappings from "@salesforce/apex/FieldMappingController.saveMappings";
import state from "./data/state.json";
import connector from "./data/connector.json";
import objectInfo from "../../tandemFieldMapper/__tests__/data/objectInfo.json";
import mappingContext from "../../tandemFieldMapper/__tests__/data/mappingContext.json";

jest.mock("@salesforce/apex/SetupWizardController.getDrafts", () => ({ default: jest.fn() }), { virtual: true });
jest.mock("@salesforce/apex/SetupWizardController.loadState", () => ({ default: jest.fn() }), { virtual: true });
jest.mock("@salesforce/apex/SetupWizardController.saveProgress", () => ({ default: jest.fn() }), { virtual: true });
jest.mock("@salesforce/apex/SetupWizardController.saveSystem", () => ({ default: jest.fn() }), { virtual: true });
jest.mock("@salesforce/apex/SetupWizardController.describeConnector", () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock("@salesforce/apex/SetupWizardController.getSalesforceObjects", () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock("@salesforce/apex/SetupWizardController.saveObjects", () => ({ default: jest.fn() }), { virtual: true });
jest.mock("@salesforce/apex/SetupWizardController.saveSelection", () => ({ default: jest.fn() }), { virtual: true });
jest.mock("@salesforce/apex/SetupWizardController.countMatching", () => ({ default: jest.fn() }), { virtual: true });
jest.mock("@salesforce/apex/SetupWizardController.saveBehaviour", () => ({ default: jest.fn() }), { virtual: true });
jest.mock("@salesforce/apex/SetupWizardController.saveCredentials", () => ({ default: jest.fn() }), { virtual: true });
jest.mock("@salesforce/apex/SetupWizardController.testConnection", () => ({ default: jest.fn() }), { virtual: true });
jest.mock("@salesforce/apex/SetupWizardController.importIdMap", () => ({ default: jest.fn() }), { virtual: true });
jest.mock("@salesforce/apex/SetupWizardController.dryRun", () => ({ default: jest.fn() }), { virtual: true });
jest.mock("@salesforce/apex/SetupWizardController.activateConnection", () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock("@salesforce/apex/SetupWizardController.startInitialLoad", () => ({ default: jest.fn() }), { virtual: true });
jest.mock("@salesforce/apex/SetupWizardController.getRunProgress", () => ({ default: jest.fn() }), { virtual: true });
jest.mock("@salesforce/apex/FieldMappingController.getMappingContext", () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock("@salesforce/apex/FieldMappingController.saveMappings", () => ({ default: jest.fn() }), { virtual: true });

const mock = (fn: unknown) => fn as jest.Mock;
const objectInfoAdapter = getObjectInfo as unknown as { emit(value: unknown): void };
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

type Wizard = HTMLElement & { recordId?: string };
const flush = async () => {
  for (let i = 0; i < 8; i++) await Promise.resolve();
};
const root = (element: HTMLElement) => element.shadowRoot!;
const text = (element: HTMLElement, selector: string) => root(element).querySelector(selector)?.textContent ?? "";
const click = async (element: HTMLElement, selector: string) => {
  root(element).querySelector<HTMLElement>(selector)!.click();
  await flush();
};
const heading = (element: HTMLElement) => text(element, ".step-heading");

async function createWizard(props: Partial<Wizard> = {}): Promise<Wizard> {
  const element = createElement("c-tandem-setup-wizard", { is: TandemSetupWizard }) as unknown as Wizard;
  Object.assign(element, props);
  document.body.appendChild(element);
  await flush();
  return element;
}

describe("c-tandem-setup-wizard", () => {
  beforeEach(() => {
    mock(saveProgress).mockImplementation((params: { step: number; selectedPair: number }) =>
      Promise.resolve({ ...copy(state), step: params.step, selectedPair: params.selectedPair }),
    );
  });

  afterEach(() => {
    document.body.replaceChildren();
    jest.clearAllMocks();
  });

  it("offers to connect a new system or resume a draft", async () => {
    mock(getDrafts).mockResolvedValue([
      {
        connectionId: "a00000000000001AAA",
        name: "m3ter production",
        provider: "m3ter",
        environment: "Production",
        step: 3,
      },
    ]);
    const element = await createWizard();
    expect(text(element, "li.draft")).toContain("m3ter, Production: step 3 of 7");
    expect((root(element).querySelector(".resume") as unknown as { label: string }).label).toBe(
      "Resume m3ter production",
    );
    await expect(element).toBeAccessible();
  });

  it("says when no setup is in progress", async () => {
    mock(getDrafts).mockResolvedValue([]);
    const element = await createWizard();
    expect(text(element, ".no-drafts")).toBe("No setup in progress.");
    await expect(element).toBeAccessible();
  });

  it("shows the Apex message when the drafts cannot be read", async () => {
    mock(getDrafts).mockRejectedValue({
      body: { message: "You need the Tandem Admin permission set (custom permission ManageTandem) to set up Tandem." },
    });
    const element = await createWizard();
    expect((root(element).querySelector("c-tandem-error-panel") as unknown as { errors: unknown }).errors).toEqual({
      body: { message: "You need the Tandem Admin permission set (custom permission ManageTandem) to set up Tandem." },
    });
    await expect(element).toBeAccessible();
  });

  it("walks through every step, saving each one, with the focus on each step's heading", async () => {
    mock(getDrafts).mockResolvedValue([]);
    const element = await createWizard();
    await click(element, ".start-new");
    expect(heading(element)).toBe("Step 1 of 7: System and environment");
    expect(root(element).activeElement).toBe(root(element).querySelector(".step-heading"));
    expect(
      (root(element).querySelector("lightning-progress-indicator") as unknown as { currentStep: string }).currentStep,
    ).toBe("1");
    expect((root(element).querySelector(".back") as unknown as { disabled: boolean }).disabled).toBe(true);
    await expect(element).toBeAccessible();

    // 1 → 2: the system step creates the draft connection.
    const system = root(element).querySelector<HTMLElement>("c-tandem-wizard-system-step")!;
    for (const [selector, value] of [
      [".name", "m3ter production"],
      [".provider", "m3ter"],
    ]) {
      root(system)
        .querySelector(selector)
        ?.dispatchEvent(new CustomEvent("change", { detail: { value } }));
    }
    await flush();
    root(system)
      .querySelector(".tenant")
      ?.dispatchEvent(new CustomEvent("change", { detail: { value: "org-1" } }));
    mock(saveSystem).mockResolvedValue({ ...copy(state), step: 2 });
    await click(element, ".next");
    expect(mock(saveProgress)).toHaveBeenLastCalledWith({
      connectionId: "a00000000000001AAA",
      step: 2,
      selectedPair: 0,
      revision: 3,
    });
    expect(heading(element)).toBe("Step 2 of 7: Credentials");
    expect(root(element).activeElement).toBe(root(element).querySelector(".step-heading"));

    // 2 → 3: credentials are already saved.
    mock(describeConnector).mockResolvedValue(copy(connector));
    mock(getSalesforceObjects).mockResolvedValue([{ apiName: "Account", label: "Account" }]);
    await click(element, ".next");
    expect(heading(element)).toBe("Step 3 of 7: Objects");

    // 3 → 4: the pairs are saved.
    mock(saveObjects).mockResolvedValue({ ...copy(state), step: 4 });
    mock(getMappingContext).mockResolvedValue(copy(mappingContext));
    await click(element, ".next");
    expect(heading(element)).toBe("Step 4 of 7: Field mapping");
    expect(root(element).querySelector(".pair-picker")).not.toBeNull();
    objectInfoAdapter.emit(copy(objectInfo));
    await flush();

    // 4 → 5: the mapper saves its mappings.
    mock(saveMappings).mockResolvedValue({ saved: true, errors: [], mappings: copy(mappingContext.mappings) });
    mock(countMatching).mockResolvedValue({ count: 3, errors: [] });
    await click(element, ".next");
    expect(mock(saveMappings)).toHaveBeenCalled();
    expect(heading(element)).toBe("Step 5 of 7: Record selection");

    // The pair picker switches the pair steps 4 and 5 work on.
    root(element)
      .querySelector(".pair-picker")
      ?.dispatchEvent(new CustomEvent("change", { detail: { value: "1" } }));
    await flush();
    expect((root(element).querySelector(".pair-picker") as unknown as { value: string }).value).toBe("1");

    // 5 → 6 → 7.
    mock(saveSelection).mockResolvedValue({ ...copy(state), selectedPair: 1 });
    await click(element, ".next");
    expect(heading(element)).toBe("Step 6 of 7: Behaviour");
    mock(saveBehaviour).mockResolvedValue(copy(state));
    await click(element, ".next");
    expect(heading(element)).toBe("Step 7 of 7: Review and activate");
    expect(root(element).querySelector(".next")).toBeNull();
    await expect(element).toBeAccessible();

    // Activation from the review step updates the wizard's state.
    root(element)
      .querySelector("c-tandem-wizard-review-step")
      ?.dispatchEvent(new CustomEvent("activated", { detail: { state: { ...copy(state), status: "Active" } } }));
    await flush();

    // Back saves the position too.
    await click(element, ".back");
    expect(heading(element)).toBe("Step 6 of 7: Behaviour");
    expect(mock(saveProgress)).toHaveBeenLastCalledWith(expect.objectContaining({ step: 6 }));
  });

  it("stays on a step whose save failed", async () => {
    mock(getDrafts).mockResolvedValue([]);
    const element = await createWizard();
    await click(element, ".start-new");
    mock(saveSystem).mockRejectedValue({ body: { message: "System: choose Ontra, m3ter or Gentrack." } });
    await click(element, ".next");
    expect(heading(element)).toBe("Step 1 of 7: System and environment");
    expect(mock(saveProgress)).not.toHaveBeenCalled();
  });

  it("resumes a draft at its saved step", async () => {
    mock(getDrafts).mockResolvedValue([{ connectionId: "a00000000000001AAA", name: "m3ter production", step: 6 }]);
    mock(loadState).mockResolvedValue({ ...copy(state), step: 6 });
    const element = await createWizard();
    await click(element, ".resume");
    expect(mock(loadState)).toHaveBeenCalledWith({ connectionId: "a00000000000001AAA" });
    expect(heading(element)).toBe(`Step 6 of 7: ${STEPS[5].label}`);
  });

  it("resumes the connection of the record page directly, and shows a failed resume", async () => {
    mock(loadState).mockResolvedValue({ ...copy(state), step: 2 });
    const element = await createWizard({ recordId: "a00000000000001AAA" });
    expect(mock(getDrafts)).not.toHaveBeenCalled();
    expect(heading(element)).toBe("Step 2 of 7: Credentials");

    document.body.replaceChildren();
    mock(loadState).mockRejectedValue({
      body: { message: "This connection was set up by a newer version of Tandem." },
    });
    const failed = await createWizard({ recordId: "a00000000000001AAA" });
    expect(root(failed).querySelector("c-tandem-error-panel")).not.toBeNull();
    expect(root(failed).querySelector(".step-heading")).toBeNull();
  });

  it("keeps the step and shows the Apex message when the position cannot be saved", async () => {
    mock(loadState).mockResolvedValue({ ...copy(state), step: 2 });
    mock(saveProgress).mockRejectedValue({ body: { message: "This setup was changed in another window." } });
    const element = await createWizard({ recordId: "a00000000000001AAA" });
    await click(element, ".next");
    expect(heading(element)).toBe("Step 2 of 7: Credentials");
    expect(
      (root(element).querySelector("c-tandem-error-panel.error") as unknown as { errors: unknown }).errors,
    ).toEqual({
      body: { message: "This setup was changed in another window." },
    });
  });

  it("asks for an object pair before mapping fields, and moves on without one", async () => {
    mock(loadState).mockResolvedValue({ ...copy(state), step: 4, pairs: [] });
    const element = await createWizard({ recordId: "a00000000000001AAA" });
    expect(text(element, ".no-pairs")).toBe("Add an object pair in step 3 first.");
    await click(element, ".next");
    expect(heading(element)).toBe("Step 5 of 7: Record selection");
  });

  it("stays on the mapping step when the mappings are refused", async () => {
    mock(loadState).mockResolvedValue({ ...copy(state), step: 4 });
    mock(getMappingContext).mockResolvedValue(copy(mappingContext));
    const element = await createWizard({ recordId: "a00000000000001AAA" });
    objectInfoAdapter.emit(copy(objectInfo));
    await flush();
    mock(saveMappings).mockResolvedValue({ saved: false, errors: ["Mapping 1: bad"] });
    await click(element, ".next");
    expect(heading(element)).toBe("Step 4 of 7: Field mapping");
  });
});
