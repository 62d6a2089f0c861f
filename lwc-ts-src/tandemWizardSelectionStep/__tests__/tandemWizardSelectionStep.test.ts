import { createElement } from "lwc";
import TandemWizardSelectionStep from "c/tandemWizardSelectionStep";
import { getObjectInfo } from "../../../tools/jest-mocks/lightning/uiObjectInfoApi";
import countMatching from "@salesforce/apex/SetupWizardController.countMatching";
import saveSelection from "@salesforce/apex/SetupWizardController.saveSelection";
import importIdMap from "@salesforce/apex/SetupWizardController.importIdMap";
import state from "../../tandemSetupWizard/__tests__/data/state.json";
import objectInfo from "../../tandemFieldMapper/__tests__/data/objectInfo.json";

jest.mock("@salesforce/apex/SetupWizardController.countMatching", () => ({ default: jest.fn() }), { virtual: true });
jest.mock("@salesforce/apex/SetupWizardController.saveSelection", () => ({ default: jest.fn() }), { virtual: true });
jest.mock("@salesforce/apex/SetupWizardController.importIdMap", () => ({ default: jest.fn() }), { virtual: true });

/** The first argument of a mock's call (jest types mock calls as any). */
const argOf = <T = Record<string, unknown>>(fn: jest.Mock, call = 0): T => (fn.mock.calls as unknown[][])[call][0] as T;
const mockCount = countMatching as unknown as jest.Mock;
const mockSave = saveSelection as unknown as jest.Mock;
const mockImport = importIdMap as unknown as jest.Mock;
const adapter = getObjectInfo as unknown as { emit(value: unknown): void; error(body?: unknown): void };

type Step = HTMLElement & { state: unknown; submit(): Promise<unknown> };
const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};
const root = (element: HTMLElement) => element.shadowRoot!;
const all = (element: HTMLElement, selector: string) => [...root(element).querySelectorAll<HTMLElement>(selector)];
const text = (element: HTMLElement, selector: string) => root(element).querySelector(selector)?.textContent ?? "";
const change = (target: Element | undefined | null, detail: unknown) =>
  target?.dispatchEvent(new CustomEvent("change", { detail }));

function createStep(value: unknown = state): Step {
  const element = createElement("c-tandem-wizard-selection-step", { is: TandemWizardSelectionStep }) as unknown as Step;
  element.state = value;
  document.body.appendChild(element);
  adapter.emit(JSON.parse(JSON.stringify(objectInfo)));
  return element;
}

describe("c-tandem-wizard-selection-step", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => {
    document.body.replaceChildren();
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it("shows the saved conditions and counts the matching records once typing pauses", async () => {
    mockCount.mockResolvedValue({ count: 1234, errors: [] });
    const element = createStep();
    await flush();
    expect(all(element, "li.condition")).toHaveLength(2);
    expect((all(element, ".condition-value")[1] as unknown as { value: string }).value).toBe("A, B");
    change(root(element).querySelector(".logic"), { value: "1 OR 2" });
    change(root(element).querySelector(".include"), { value: "001000000000002" });
    change(root(element).querySelector(".exclude"), { value: "" });
    expect(mockCount).not.toHaveBeenCalled();
    jest.advanceTimersByTime(400);
    await flush();
    expect(mockCount).toHaveBeenCalledTimes(1);
    expect(mockCount).toHaveBeenCalledWith({
      definitionId: "a01000000000001AAA",
      filterConditions:
        '[{"field":"Industry","operator":"equals","value":"Banking"},{"field":"Type","operator":"in","value":["A","B"]}]',
      filterLogic: "1 OR 2",
      includeIds: "001000000000002",
      excludeIds: "",
    });
    expect(text(element, ".count-text")).toBe(`${(1234).toLocaleString()} Account records match.`);
    jest.useRealTimers();
    await expect(element).toBeAccessible();
  });

  it("edits, adds and removes conditions; blank operators carry no value", async () => {
    mockCount.mockResolvedValue({ count: 1, errors: [] });
    const element = createStep({ ...state, pairs: [{ ...state.pairs[0], filterConditions: "" }] });
    await flush();
    expect(text(element, ".no-conditions")).toBe("No conditions: every record of the object is selected.");
    root(element).querySelector<HTMLElement>(".add-condition")!.click();
    await flush();
    change(root(element).querySelector(".condition-field"), { value: "Phone" });
    change(root(element).querySelector(".condition-operator"), { value: "isNull" });
    await flush();
    expect(root(element).querySelector(".condition-value")).toBeNull();
    jest.advanceTimersByTime(400);
    await flush();
    expect(argOf(mockCount, 0).filterConditions).toBe('[{"field":"Phone","operator":"isNull"}]');
    expect(text(element, ".count-text")).toBe("1 Account record matches.");
    root(element).querySelector<HTMLElement>(".remove-condition")!.click();
    jest.advanceTimersByTime(400);
    await flush();
    expect(argOf(mockCount, 1).filterConditions).toBe("");
  });

  it("lists the filter's problems instead of a count", async () => {
    mockCount.mockResolvedValue({ errors: ["Filter, condition 1, field Foo: no such field on Account."] });
    const element = createStep();
    jest.advanceTimersByTime(400);
    await flush();
    expect(text(element, ".count-problems")).toBe("Filter, condition 1, field Foo: no such field on Account.");
    expect(text(element, ".count-text")).toBe("");
  });

  it("ignores a late count answer when a newer one was asked for", async () => {
    let resolveFirst: (value: unknown) => void = () => undefined;
    mockCount
      .mockImplementationOnce(() => new Promise((resolve) => (resolveFirst = resolve)))
      .mockResolvedValueOnce({ count: 2, errors: [] });
    const element = createStep();
    jest.advanceTimersByTime(400);
    change(root(element).querySelector(".logic"), { value: "1" });
    jest.advanceTimersByTime(400);
    await flush();
    resolveFirst({ count: 99, errors: [] });
    await flush();
    expect(text(element, ".count-text")).toBe("2 Account records match.");
  });

  it("shows the Apex message when counting fails", async () => {
    mockCount.mockRejectedValue({ body: { message: "The records could not be counted." } });
    const element = createStep();
    jest.advanceTimersByTime(400);
    await flush();
    expect(root(element).querySelector("c-tandem-error-panel.count-error")).not.toBeNull();
    jest.useRealTimers();
    await expect(element).toBeAccessible();
  });

  it("imports an ID map and reports every rejected row", async () => {
    mockCount.mockResolvedValue({ count: 1, errors: [] });
    mockImport.mockResolvedValue({
      totalRows: 3,
      linked: 2,
      rejected: [
        {
          line: 3,
          salesforceId: "bad",
          externalId: "x",
          reason: 'salesforce_id "bad" is not a 15- or 18-character Salesforce id.',
        },
      ],
    });
    const element = createStep();
    const file = { text: () => Promise.resolve("salesforce_id,external_id\n001000000000001,a\n") };
    change(root(element).querySelector(".file"), { files: [file] });
    await flush();
    expect(mockImport).toHaveBeenCalledWith({
      definitionId: "a01000000000001AAA",
      csv: "salesforce_id,external_id\n001000000000001,a\n",
    });
    expect(text(element, ".import-summary")).toBe("Linked 2 of 3 rows; 1 rejected.");
    expect(all(element, "table.rejected tbody tr")).toHaveLength(1);
    jest.useRealTimers();
    await expect(element).toBeAccessible();
  });

  it("shows the Apex message when the import fails, and ignores an empty file choice", async () => {
    const element = createStep();
    change(root(element).querySelector(".file"), { files: [] });
    await flush();
    expect(mockImport).not.toHaveBeenCalled();
    mockImport.mockRejectedValue({
      body: { message: "ID map: the first line must be the header salesforce_id,external_id." },
    });
    change(root(element).querySelector(".file"), { files: [{ text: () => Promise.resolve("x") }] });
    await flush();
    expect(root(element).querySelector("c-tandem-error-panel.import-error")).not.toBeNull();
  });

  it("saves the selection, and shows the Apex message when it is refused", async () => {
    const element = createStep();
    mockSave.mockResolvedValue({ ...state, step: 6 });
    await expect(element.submit()).resolves.toMatchObject({ step: 6 });
    expect(argOf(mockSave, 0)).toMatchObject({
      definitionId: "a01000000000001AAA",
      filterLogic: "1 AND 2",
      excludeIds: "001000000000001",
    });
    mockSave.mockRejectedValue({ body: { message: "Exclude ids: Entry 1 of the id list is not an id." } });
    await expect(element.submit()).resolves.toBeNull();
    await flush();
    expect(root(element).querySelector("c-tandem-error-panel.error")).not.toBeNull();
  });

  it("needs a saved pair and shows the UI API error when the object cannot be described", async () => {
    const element = createElement("c-tandem-wizard-selection-step", {
      is: TandemWizardSelectionStep,
    }) as unknown as Step;
    element.state = { ...state, pairs: [] };
    document.body.appendChild(element);
    adapter.error({ message: "No access" });
    await flush();
    expect(root(element).querySelector("c-tandem-error-panel.object-error")).not.toBeNull();
    await expect(element.submit()).resolves.toBeNull();
    expect(mockSave).not.toHaveBeenCalled();
  });
});
