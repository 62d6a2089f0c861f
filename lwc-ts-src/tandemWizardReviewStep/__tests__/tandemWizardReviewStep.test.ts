import { createElement } from "lwc";
import TandemWizardReviewStep, { FIRST_POLL_MS, MAX_POLLS } from "c/tandemWizardReviewStep";
import dryRun from "@salesforce/apex/SetupWizardController.dryRun";
import activateConnection from "@salesforce/apex/SetupWizardController.activateConnection";
import startInitialLoad from "@salesforce/apex/SetupWizardController.startInitialLoad";
import getRunProgress from "@salesforce/apex/SetupWizardController.getRunProgress";
import state from "../../tandemSetupWizard/__tests__/data/state.json";
import dryRunResult from "./data/dryRun.json";

jest.mock("@salesforce/apex/SetupWizardController.dryRun", () => ({ default: jest.fn() }), { virtual: true });
jest.mock("@salesforce/apex/SetupWizardController.activateConnection", () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock("@salesforce/apex/SetupWizardController.startInitialLoad", () => ({ default: jest.fn() }), { virtual: true });

/** The first argument of a mock's call (jest types mock calls as any). */
const argOf = <T = Record<string, unknown>>(fn: jest.Mock, call = 0): T => (fn.mock.calls as unknown[][])[call][0] as T;
jest.mock("@salesforce/apex/SetupWizardController.getRunProgress", () => ({ default: jest.fn() }), { virtual: true });
const mockDryRun = dryRun as unknown as jest.Mock;
const mockActivate = activateConnection as unknown as jest.Mock;
const mockStart = startInitialLoad as unknown as jest.Mock;
const mockProgress = getRunProgress as unknown as jest.Mock;

type Step = HTMLElement & { state: unknown; submit(): Promise<unknown> };
const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};
const root = (element: HTMLElement) => element.shadowRoot!;
const all = (element: HTMLElement, selector: string) => [...root(element).querySelectorAll<HTMLElement>(selector)];
const text = (element: HTMLElement, selector: string) => root(element).querySelector(selector)?.textContent ?? "";
const click = (element: HTMLElement, selector: string) => root(element).querySelector<HTMLElement>(selector)!.click();

function createStep(value: unknown = state): Step {
  const element = createElement("c-tandem-wizard-review-step", { is: TandemWizardReviewStep }) as unknown as Step;
  element.state = value;
  document.body.appendChild(element);
  return element;
}

describe("c-tandem-wizard-review-step", () => {
  afterEach(() => {
    document.body.replaceChildren();
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it("summarises every pair", async () => {
    const element = createStep();
    expect(all(element, "li.pair")).toHaveLength(2);
    expect(all(element, "li.pair")[0].textContent).toContain(
      "Account ↔ accounts: Outbound, Upsert, 4 mapped fields, schedule Hourly",
    );
    await expect(element).toBeAccessible();
    await expect(element.submit()).resolves.toMatchObject({ connectionId: "a00000000000001AAA" });
  });

  it("shows the first payloads and every record that would fail our checks", async () => {
    mockDryRun.mockResolvedValue(dryRunResult);
    const element = createStep();
    all(element, ".dry-run")[0].click();
    await flush();
    expect(mockDryRun).toHaveBeenCalledWith({ definitionId: "a01000000000001AAA" });
    expect(text(element, ".dry-run-message")).toBe("Dry run of Account - accounts: Succeeded. 2 records previewed");
    expect(text(element, ".preview-summary")).toBe("2 records checked; 1 would fail our checks.");
    expect(all(element, "pre.sample")).toHaveLength(1);
    expect(JSON.parse(all(element, "pre.sample")[0].textContent ?? "")).toEqual({ name: "Acme", code: "ACME" });
    expect(all(element, "table.failures tbody tr")[0].textContent).toContain(
      "Record 001000000000002AAA, field Name: the value is blank",
    );
    await expect(element).toBeAccessible();
  });

  it("says so when no record fails, and survives an unreadable preview", async () => {
    mockDryRun.mockResolvedValue({ definitionName: "Accounts", status: "Succeeded", preview: "{broken" });
    const element = createStep();
    all(element, ".dry-run")[0].click();
    await flush();
    expect(text(element, ".no-failures")).toBe("No record would fail our checks.");
  });

  it("shows the Apex message when the dry run fails", async () => {
    mockDryRun.mockRejectedValue({
      body: { message: "The field mappings of Accounts cannot be used: Mapping 1: no field Foo." },
    });
    const element = createStep();
    all(element, ".dry-run")[0].click();
    await flush();
    expect(
      (root(element).querySelector("c-tandem-error-panel.dry-run-error") as unknown as { errors: unknown }).errors,
    ).toEqual({
      body: { message: "The field mappings of Accounts cannot be used: Mapping 1: no field Foo." },
    });
    await expect(element).toBeAccessible();
  });

  it("activates the connection", async () => {
    mockActivate.mockResolvedValue({ ...state, status: "Active" });
    const element = createStep();
    const activated = jest.fn();
    element.addEventListener("activated", activated);
    click(element, ".activate");
    await flush();
    expect(mockActivate).toHaveBeenCalledWith({ connectionId: "a00000000000001AAA" });
    expect(argOf<CustomEvent<{ state: { status: string } }>>(activated, 0).detail.state.status).toBe("Active");
    expect(text(element, ".done")).toBe("The connection is active.");
  });

  it("shows the Apex message when activation is refused", async () => {
    mockActivate.mockRejectedValue({
      body: { message: "Contact - contacts: map at least one field before activating." },
    });
    const element = createStep();
    click(element, ".activate");
    await flush();
    expect(root(element).querySelector("c-tandem-error-panel.action-error")).not.toBeNull();
    mockStart.mockRejectedValue({ body: { message: "Connection is Paused." } });
    click(element, ".initial-load");
    await flush();
    expect(
      (root(element).querySelector("c-tandem-error-panel.action-error") as unknown as { errors: unknown }).errors,
    ).toEqual({
      body: { message: "Connection is Paused." },
    });
  });

  it("starts the initial load and follows the runs' counters with a growing interval until done", async () => {
    jest.useFakeTimers();
    mockStart.mockResolvedValue(["a03000000000001AAA", "a03000000000002AAA"]);
    mockProgress
      .mockResolvedValueOnce({ processed: 0, failed: 0, done: false, status: "Queued" })
      .mockResolvedValueOnce({ processed: 50, total: 200, failed: 1, done: false, status: "Running" })
      .mockResolvedValueOnce({ processed: 200, total: 200, failed: 1, done: true, status: "CompletedWithErrors" });
    const element = createStep();
    const finished = jest.fn();
    element.addEventListener("loadfinished", finished);
    click(element, ".initial-load");
    await flush();
    expect(text(element, ".progress-text")).toBe("Initial load queued…");
    jest.advanceTimersByTime(FIRST_POLL_MS);
    await flush();
    expect(mockProgress).toHaveBeenCalledWith({ runIds: ["a03000000000001AAA", "a03000000000002AAA"] });
    expect(text(element, ".progress-text")).toBe("0 of an unknown number of records processed, 0 failed (Queued).");
    jest.advanceTimersByTime(FIRST_POLL_MS);
    await flush();
    expect(mockProgress).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(FIRST_POLL_MS * 0.5);
    await flush();
    expect(mockProgress).toHaveBeenCalledTimes(2);
    expect((root(element).querySelector("lightning-progress-bar") as unknown as { value: number }).value).toBe(25);
    jest.advanceTimersByTime(10000);
    await flush();
    expect(text(element, ".done")).toBe("Initial load finished: CompletedWithErrors.");
    expect(finished).toHaveBeenCalled();
    jest.advanceTimersByTime(60000);
    expect(mockProgress).toHaveBeenCalledTimes(3);
  });

  it("stops polling after a bounded number of polls and shows progress read errors", async () => {
    jest.useFakeTimers();
    mockStart.mockResolvedValue(["a03000000000001AAA"]);
    mockProgress
      .mockRejectedValueOnce({ body: { message: "The runs were not found." } })
      .mockResolvedValue({ processed: 1, total: 10, done: false, status: "Running" });
    const element = createStep();
    click(element, ".initial-load");
    await flush();
    jest.advanceTimersByTime(FIRST_POLL_MS);
    await flush();
    expect(root(element).querySelector("c-tandem-error-panel.poll-error")).not.toBeNull();
    for (let i = 0; i < MAX_POLLS + 5; i++) {
      jest.advanceTimersByTime(15000);
      await flush();
    }
    expect(mockProgress).toHaveBeenCalledTimes(MAX_POLLS);
    expect(text(element, ".done")).toBe("The initial load is still running. Follow it on the Runs tab.");
  });
});
