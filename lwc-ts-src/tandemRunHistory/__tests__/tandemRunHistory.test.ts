import { createElement } from "lwc";
import TandemRunHistory from "c/tandemRunHistory";
import getRuns from "@salesforce/apex/RunHistoryController.getRuns";
import runs from "./data/runs.json";

jest.mock(
  "@salesforce/apex/RunHistoryController.getRuns",
  () => {
    const { createApexTestWireAdapter } =
      jest.requireActual<typeof import("@salesforce/sfdx-lwc-jest")>("@salesforce/sfdx-lwc-jest");
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true },
);
jest.mock(
  "@salesforce/apex/RunHistoryController.getIssues",
  () => {
    const { createApexTestWireAdapter } =
      jest.requireActual<typeof import("@salesforce/sfdx-lwc-jest")>("@salesforce/sfdx-lwc-jest");
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true },
);
jest.mock("@salesforce/apex/RunHistoryController.retryIssues", () => ({ default: jest.fn() }), { virtual: true });

const runsWire = getRuns as unknown as {
  emit(value: unknown, filter?: (config: Record<string, unknown>) => boolean): void;
  error(body?: unknown): void;
};

const DEFINITION_ID = "a02000000000001AAA";

function createHistory(props: { recordId?: string; maxRows?: number } = {}) {
  const element = createElement("c-tandem-run-history", { is: TandemRunHistory });
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

const root = (element: HTMLElement) => element.shadowRoot!;
const runRows = (element: HTMLElement) => [...root(element).querySelectorAll<HTMLTableRowElement>("tr.run")];
const openButtons = (element: HTMLElement) => [
  ...root(element).querySelectorAll<HTMLButtonElement>("button.open-issues"),
];
const issuesPanel = (element: HTMLElement) =>
  root(element).querySelector<HTMLElement & { runId?: string; runName?: string }>("c-tandem-run-issues");
/** Lets promises settle and LWC re-render: a few microtask turns cover every await in the component. */
const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

describe("c-tandem-run-history", () => {
  afterEach(() => {
    document.body.replaceChildren();
    jest.clearAllMocks();
  });

  it("shows a spinner while the runs load", async () => {
    const element = createHistory();
    expect(root(element).querySelector("lightning-spinner")).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it("asks for the runs of the record page it is on, as many as configured", async () => {
    const element = createHistory({ recordId: DEFINITION_ID, maxRows: 20 });
    await flush();
    runsWire.emit(runs, (config) => config.parentId === DEFINITION_ID && config.maxRows === 20);
    await flush();
    expect(runRows(element)).toHaveLength(3);
  });

  it("lists runs with status badges, counts, duration and callouts, and charts them", async () => {
    const element = createHistory();
    runsWire.emit(runs);
    await flush();
    const rows = runRows(element);
    expect(rows).toHaveLength(3);
    const first = rows[0];
    expect(first.querySelector("button.open-issues")?.textContent?.trim()).toBe("RUN-00000003");
    expect(first.querySelector<HTMLElement & { status?: string }>("c-tandem-status-badge")?.status).toBe(
      "CompletedWithErrors",
    );
    expect(first.querySelector(".duration")?.textContent).toBe("3 min 5 s");
    expect(first.querySelector(".processed")?.textContent).toBe("120");
    expect(first.querySelector(".failed")?.textContent).toBe("3");
    expect(first.querySelector(".callouts")?.textContent).toBe("4");
    expect(rows[1].textContent).toContain("On demand (dry run)");
    expect(rows[1].querySelector(".duration")?.textContent).toBe("850 ms");
    expect(rows[2].querySelector(".processed")?.textContent).toBe(new Intl.NumberFormat().format(5000));
    const chart = root(element).querySelector<HTMLElement & { runs?: unknown[]; days?: number }>("c-tandem-run-chart");
    expect(chart?.runs).toHaveLength(3);
    expect(chart?.days).toBe(14);
    await expect(element).toBeAccessible();
  });

  it("says there are no runs yet", async () => {
    const element = createHistory();
    runsWire.emit([]);
    await flush();
    expect(root(element).querySelector(".empty")?.textContent).toBe("No sync runs yet.");
    expect(root(element).querySelector("c-tandem-run-chart")).toBeNull();
    await expect(element).toBeAccessible();
  });

  it("shows the error panel when the runs cannot be loaded", async () => {
    const element = createHistory();
    runsWire.error({ message: "You need the Run Tandem sync permission to do this." });
    await flush();
    const panel = root(element).querySelector<HTMLElement & { errors?: unknown; friendlyMessage?: string }>(
      "c-tandem-error-panel",
    );
    expect(panel?.friendlyMessage).toBe("The run history could not be loaded.");
    expect((panel?.errors as { body: { message: string } }).body.message).toContain("Run Tandem sync");
    await expect(element).toBeAccessible();
  });

  it("opens a run's issues from its name, marks the row and closes them again", async () => {
    const element = createHistory();
    runsWire.emit(runs);
    await flush();
    const button = openButtons(element)[0];
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(button.getAttribute("aria-label")).toBe("Show the issues of RUN-00000003");
    button.click();
    await flush();
    expect(issuesPanel(element)?.runId).toBe("a05000000000003AAA");
    expect(issuesPanel(element)?.runName).toBe("RUN-00000003");
    expect(openButtons(element)[0].getAttribute("aria-expanded")).toBe("true");
    expect(runRows(element)[0].classList.contains("slds-is-selected")).toBe(true);
    await expect(element).toBeAccessible();

    issuesPanel(element)?.dispatchEvent(new CustomEvent("close"));
    await flush();
    expect(issuesPanel(element)).toBeNull();
  });

  it("switches to another run's issues, and closes them when the same run is pressed again", async () => {
    const element = createHistory();
    runsWire.emit(runs);
    await flush();
    openButtons(element)[0].click();
    await flush();
    openButtons(element)[1].click();
    await flush();
    expect(issuesPanel(element)?.runId).toBe("a05000000000002AAA");
    openButtons(element)[1].click();
    await flush();
    expect(issuesPanel(element)).toBeNull();
  });

  it("is usable from the keyboard: run names are native buttons in the tab order", async () => {
    const element = createHistory();
    runsWire.emit(runs);
    await flush();
    const button = openButtons(element)[2];
    expect(button.type).toBe("button");
    button.focus();
    expect(root(element).activeElement).toBe(button);
    button.click();
    await flush();
    expect(issuesPanel(element)?.runId).toBe("a05000000000001AAA");
  });

  it("refreshes the runs from the refresh button and after a retry", async () => {
    const element = createHistory();
    runsWire.emit(runs);
    await flush();
    const refresh = root(element).querySelector<HTMLElement & { alternativeText?: string }>(
      "lightning-button-icon.refresh",
    );
    expect(refresh?.alternativeText).toBe("Refresh the run history");
    refresh?.click();
    await flush();
    openButtons(element)[0].click();
    await flush();
    issuesPanel(element)?.dispatchEvent(new CustomEvent("retry", { detail: { runIds: ["a05000000000009AAA"] } }));
    await flush();
    // refreshApex is the platform's; the list stays and keeps working.
    expect(runRows(element)).toHaveLength(3);
  });
});
