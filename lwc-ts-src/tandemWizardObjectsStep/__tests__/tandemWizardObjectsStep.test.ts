import { createElement } from "lwc";
import TandemWizardObjectsStep from "c/tandemWizardObjectsStep";
import describeConnector from "@salesforce/apex/SetupWizardController.describeConnector";
import getSalesforceObjects from "@salesforce/apex/SetupWizardController.getSalesforceObjects";
import saveObjects from "@salesforce/apex/SetupWizardController.saveObjects";
import state from "../../tandemSetupWizard/__tests__/data/state.json";
import connector from "../../tandemSetupWizard/__tests__/data/connector.json";

jest.mock("@salesforce/apex/SetupWizardController.describeConnector", () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock("@salesforce/apex/SetupWizardController.getSalesforceObjects", () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock("@salesforce/apex/SetupWizardController.saveObjects", () => ({ default: jest.fn() }), { virtual: true });

/** The first argument of a mock's call (jest types mock calls as any). */
const argOf = <T = Record<string, unknown>>(fn: jest.Mock, call = 0): T => (fn.mock.calls as unknown[][])[call][0] as T;
const mockDescribe = describeConnector as unknown as jest.Mock;
const mockObjects = getSalesforceObjects as unknown as jest.Mock;
const mockSave = saveObjects as unknown as jest.Mock;

type Step = HTMLElement & { state: unknown; submit(): Promise<unknown> };
const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};
const root = (element: HTMLElement) => element.shadowRoot!;
const all = (element: HTMLElement, selector: string) => [...root(element).querySelectorAll<HTMLElement>(selector)];
const modes = (element: HTMLElement, index = 0) =>
  (all(element, ".mode")[index] as unknown as { options: { value: string }[] }).options.map((option) => option.value);

async function createStep(value: unknown): Promise<Step> {
  mockDescribe.mockResolvedValue(JSON.parse(JSON.stringify(connector)));
  mockObjects.mockResolvedValue([
    { apiName: "Account", label: "Account" },
    { apiName: "Contact", label: "Contact" },
  ]);
  const element = createElement("c-tandem-wizard-objects-step", { is: TandemWizardObjectsStep }) as unknown as Step;
  element.state = value;
  document.body.appendChild(element);
  await flush();
  return element;
}

const ontraState = { ...state, provider: "Ontra", pairs: [] };

describe("c-tandem-wizard-objects-step", () => {
  afterEach(() => {
    document.body.replaceChildren();
    jest.clearAllMocks();
  });

  it("starts with one empty pair and offers the connector's entities", async () => {
    const element = await createStep(ontraState);
    expect(all(element, "fieldset.pair")).toHaveLength(1);
    const entities = (root(element).querySelector(".external-entity") as unknown as { options: { label: string }[] })
      .options;
    expect(entities.map((option) => option.label)).toEqual(["Fund entities (update only)", "Contacts"]);
    await expect(element).toBeAccessible();
  });

  it("offers only the modes the connector can perform, and explains update-only entities", async () => {
    const element = await createStep(ontraState);
    root(element)
      .querySelector(".external-entity")
      ?.dispatchEvent(new CustomEvent("change", { detail: { value: "entities" } }));
    await flush();
    expect(modes(element)).toEqual(["UpdateOnly"]);
    expect((root(element).querySelector(".mode") as unknown as { value: string }).value).toBe("UpdateOnly");
    expect(root(element).querySelector(".update-only")?.textContent).toBe(
      "Ontra only updates Fund entities: Tandem never creates or deletes them there.",
    );
    root(element)
      .querySelector(".direction")
      ?.dispatchEvent(new CustomEvent("change", { detail: { value: "Inbound" } }));
    await flush();
    expect(modes(element)).toEqual(["Upsert", "UpdateOnly", "InsertOnly", "Delete", "Mirror"]);
    expect(root(element).querySelector(".update-only")).toBeNull();
  });

  it("asks for the master system only in both directions", async () => {
    const element = await createStep(state);
    expect(all(element, ".master")).toHaveLength(1);
    expect(modes(element, 1)).toEqual(["Upsert", "UpdateOnly"]);
  });

  it("adds and removes pairs, never the last one", async () => {
    const element = await createStep(state);
    root(element).querySelector<HTMLElement>(".add")!.click();
    await flush();
    expect(all(element, "fieldset.pair")).toHaveLength(3);
    all(element, ".remove")[0].click();
    await flush();
    expect(all(element, "fieldset.pair")).toHaveLength(2);
    all(element, ".remove")[0].click();
    await flush();
    expect((all(element, ".remove")[0] as unknown as { disabled: boolean }).disabled).toBe(true);
  });

  it("saves the pairs with the state's revision", async () => {
    const element = await createStep(state);
    mockSave.mockResolvedValue({ ...state, step: 4 });
    await expect(element.submit()).resolves.toMatchObject({ step: 4 });
    expect(mockSave).toHaveBeenCalledWith(expect.objectContaining({ connectionId: "a00000000000001AAA", revision: 3 }));
    expect(argOf<{ pairs: unknown[] }>(mockSave, 0).pairs).toHaveLength(2);
  });

  it("shows the Apex message when the pairs are refused", async () => {
    const element = await createStep(state);
    mockSave.mockRejectedValue({ body: { message: "Pair 1, mode: Ontra cannot do Upsert on entities." } });
    await expect(element.submit()).resolves.toBeNull();
    await flush();
    expect(
      (root(element).querySelector("c-tandem-error-panel.error") as unknown as { errors: unknown }).errors,
    ).toEqual({
      body: { message: "Pair 1, mode: Ontra cannot do Upsert on entities." },
    });
    await expect(element).toBeAccessible();
  });

  it("shows the Apex message when the connector cannot be described, and an empty state without entities", async () => {
    mockDescribe.mockRejectedValue({ body: { message: "No connector profile for Ontra." } });
    mockObjects.mockResolvedValue([]);
    const element = createElement("c-tandem-wizard-objects-step", { is: TandemWizardObjectsStep }) as unknown as Step;
    element.state = ontraState;
    document.body.appendChild(element);
    await flush();
    expect(root(element).querySelector("c-tandem-error-panel.load-error")).not.toBeNull();
    await expect(element).toBeAccessible();

    document.body.replaceChildren();
    mockDescribe.mockResolvedValue({ ...connector, entities: [] });
    const empty = createElement("c-tandem-wizard-objects-step", { is: TandemWizardObjectsStep }) as unknown as Step;
    empty.state = ontraState;
    document.body.appendChild(empty);
    await flush();
    expect(root(empty).querySelector(".empty")?.textContent).toBe(
      "The connector describes no entities, so there is nothing to pair.",
    );
  });
});
