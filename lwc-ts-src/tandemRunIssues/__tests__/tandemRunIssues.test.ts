import { createElement } from "lwc";
import TandemRunIssues from "c/tandemRunIssues";
import getIssues from "@salesforce/apex/RunHistoryController.getIssues";
import retryIssues from "@salesforce/apex/RunHistoryController.retryIssues";
import issues from "./data/issues.json";

/** The event names the platform mocks in tools/jest-mocks give ShowToastEvent and RefreshEvent. */
const SHOW_TOAST_EVENT = "lightning__showtoast";

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

const issuesWire = getIssues as unknown as {
  emit(value: unknown, filter?: (config: Record<string, unknown>) => boolean): void;
  error(body?: unknown): void;
};
const retryMock = retryIssues as unknown as jest.Mock;

interface Toast {
  title: string;
  message?: string;
  variant?: string;
}
type StubButton = HTMLElement & { label?: string; disabled?: boolean };

const RUN_ID = "a05000000000003AAA";

function createIssues() {
  const element = createElement("c-tandem-run-issues", { is: TandemRunIssues });
  element.runId = RUN_ID;
  element.runName = "RUN-00000003";
  const toasts: Toast[] = [];
  const events: string[] = [];
  element.addEventListener(SHOW_TOAST_EVENT, (event) => toasts.push((event as CustomEvent<Toast>).detail));
  element.addEventListener("retry", () => events.push("retry"));
  element.addEventListener("close", () => events.push("close"));
  document.body.appendChild(element);
  return { element, toasts, events };
}

const root = (element: HTMLElement) => element.shadowRoot!;
const rows = (element: HTMLElement) => [...root(element).querySelectorAll<HTMLTableRowElement>("tr.issue")];
const checkboxes = (element: HTMLElement) => [...root(element).querySelectorAll<HTMLInputElement>("input.select")];
const selectAll = (element: HTMLElement) => root(element).querySelector<HTMLInputElement>("input.select-all");
const retryButton = (element: HTMLElement) => root(element).querySelector<StubButton>("lightning-button.retry");
const exportLink = (element: HTMLElement) => root(element).querySelector<HTMLAnchorElement>("a.export");
/** Lets promises settle and LWC re-render: a few microtask turns cover every await in the component. */
const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

function check(input: HTMLInputElement | null | undefined, checked: boolean): void {
  if (!input) throw new Error("no checkbox");
  input.checked = checked;
  input.dispatchEvent(new CustomEvent("change"));
}

async function loaded() {
  const created = createIssues();
  await flush();
  issuesWire.emit(issues, (config) => config.runId === RUN_ID);
  await flush();
  return created;
}

describe("c-tandem-run-issues", () => {
  afterEach(() => {
    document.body.replaceChildren();
    jest.clearAllMocks();
    retryMock.mockReset();
  });

  it("shows a spinner while the issues load", async () => {
    const { element } = createIssues();
    expect(root(element).querySelector("lightning-spinner")).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it("lists the run's issues with category, HTTP status, message and the redacted payload", async () => {
    const { element } = await loaded();
    expect(root(element).querySelector(".heading")?.textContent).toBe("Issues of RUN-00000003");
    const first = rows(element)[0];
    expect(first.querySelector("th")?.textContent).toBe("ISS-00000001");
    expect(first.querySelector(".record-id")?.textContent).toBe("001000000000001AAA");
    expect(first.querySelector(".external-id")?.textContent).toBe("acc-7f3a");
    expect(first.textContent).toContain("Rejected");
    expect(first.textContent).toContain("422");
    expect(first.querySelector(".payload summary")?.textContent).toBe("Payload (redacted)");
    expect(first.querySelector(".payload pre")?.textContent).toContain('"apiKey":"[redacted]"');
    expect(rows(element)[1].querySelector(".payload")).toBeNull();
    await expect(element).toBeAccessible();
  });

  it("offers a checkbox only for issues that name a Salesforce record", async () => {
    const { element } = await loaded();
    expect(checkboxes(element)).toHaveLength(2);
    expect(rows(element)[2].querySelector("input.select")).toBeNull();
    expect(checkboxes(element)[0].getAttribute("aria-label")).toBe("Select ISS-00000001 for retry");
  });

  it("retries the selected records, toasts, asks the history to refresh and clears the selection", async () => {
    retryMock.mockResolvedValue({ runs: [{ runId: "a05000000000009AAA", status: "Queued" }], records: 1, skipped: 0 });
    const { element, toasts, events } = await loaded();
    expect(retryButton(element)?.disabled).toBe(true);
    check(checkboxes(element)[1], true);
    await flush();
    expect(retryButton(element)?.disabled).toBe(false);
    expect(retryButton(element)?.label).toBe("Retry selected (1)");
    retryButton(element)?.click();
    await flush();
    expect(retryMock).toHaveBeenCalledWith({ issueIds: ["a06000000000002AAA"] });
    expect(toasts).toEqual([
      { title: "Retry started", message: "Tandem is retrying 1 record(s).", variant: "success" },
    ]);
    expect(events).toEqual(["retry"]);
    expect(retryButton(element)?.label).toBe("Retry selected");
    expect(checkboxes(element).every((box) => !box.checked)).toBe(true);
  });

  it("selects and clears every retryable issue with the header checkbox", async () => {
    retryMock.mockResolvedValue({ runs: [], records: 2, skipped: 1 });
    const { element, toasts } = await loaded();
    check(selectAll(element), true);
    await flush();
    expect(checkboxes(element).every((box) => box.checked)).toBe(true);
    expect(selectAll(element)?.checked).toBe(true);
    check(checkboxes(element)[0], false);
    await flush();
    expect(selectAll(element)?.checked).toBe(false);
    check(selectAll(element), true);
    await flush();
    retryButton(element)?.click();
    await flush();
    expect(retryMock).toHaveBeenCalledWith({ issueIds: ["a06000000000001AAA", "a06000000000002AAA"] });
    expect(toasts[0].message).toBe(
      "Tandem is retrying 2 record(s). 1 issue(s) name no Salesforce record and were skipped.",
    );
    check(selectAll(element), false);
    await flush();
    expect(checkboxes(element).some((box) => box.checked)).toBe(false);
  });

  it("ignores a second click while a retry is running", async () => {
    let finish: (value: unknown) => void = () => undefined;
    retryMock.mockReturnValue(new Promise((resolve) => (finish = resolve)));
    const { element } = await loaded();
    check(checkboxes(element)[0], true);
    await flush();
    retryButton(element)?.click();
    await flush();
    expect(retryButton(element)?.disabled).toBe(true);
    retryButton(element)?.click();
    finish({ runs: [], records: 1, skipped: 0 });
    await flush();
    expect(retryMock).toHaveBeenCalledTimes(1);
  });

  it("shows why a retry failed in a toast and the error panel", async () => {
    retryMock.mockRejectedValue({
      body: { message: "None of the selected issues names a Salesforce record that can be retried." },
    });
    const { element, toasts, events } = await loaded();
    check(checkboxes(element)[0], true);
    await flush();
    retryButton(element)?.click();
    await flush();
    expect(toasts[0]).toMatchObject({ title: "Retry failed", variant: "error" });
    expect(root(element).querySelector("c-tandem-error-panel.retry-error")).not.toBeNull();
    expect(events).toEqual([]);
    await expect(element).toBeAccessible();
  });

  it("exports the issues as a CSV download with every value escaped", async () => {
    const { element } = await loaded();
    const link = exportLink(element);
    expect(link?.getAttribute("download")).toBe("RUN-00000003-issues.csv");
    const href = link?.getAttribute("href") ?? "";
    expect(href.startsWith("data:text/csv;charset=utf-8,")).toBe(true);
    const csv = decodeURIComponent(href.slice(href.indexOf(",") + 1)).replace(/^\uFEFF/, "");
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "Issue,Record ID,External ID,Category,HTTP status,Code,Field,Message,Attempt,Retryable,Resolved at,Payload (redacted)",
    );
    // Quotes doubled, commas quoted, and a formula neutralised.
    expect(lines[1]).toContain(
      '"Record 001000000000001AAA, field AccountNumber: Rejected (HTTP 422): code ""ACC-1"" is taken, try another"',
    );
    expect(lines[1]).toContain('"{""name"":""Acme, Inc."",""code"":""ACC-1"",""apiKey"":""[redacted]""}"');
    expect(lines[2]).toContain("'=cmd|' /C calc'!A0");
    expect(lines[3]).toBe(
      "ISS-00000003,,remote-9,Salesforce,,,,Record external id remote-9: Salesforce: REQUIRED_FIELD_MISSING: Name,1,No,,",
    );
  });

  it("says when the run has no issues, without export or retry", async () => {
    const { element } = createIssues();
    issuesWire.emit([]);
    await flush();
    expect(root(element).querySelector(".empty")?.textContent).toBe("This run has no issues.");
    expect(exportLink(element)).toBeNull();
    expect(retryButton(element)).toBeNull();
    await expect(element).toBeAccessible();
  });

  it("shows the error panel when the issues cannot be loaded", async () => {
    const { element } = createIssues();
    issuesWire.error({ message: "Insufficient access" });
    await flush();
    expect(
      root(element).querySelector<HTMLElement & { friendlyMessage?: string }>("c-tandem-error-panel.load-error")
        ?.friendlyMessage,
    ).toBe("The issues could not be loaded.");
    await expect(element).toBeAccessible();
  });

  it("is usable from the keyboard: native checkboxes and a link, and a close button that tells the history", async () => {
    const { element, events } = await loaded();
    const box = checkboxes(element)[0];
    box.focus();
    expect(root(element).activeElement).toBe(box);
    // Space on a focused checkbox toggles it in a browser; jsdom needs the click that Space turns into.
    box.click();
    await flush();
    expect(retryButton(element)?.label).toBe("Retry selected (1)");
    exportLink(element)?.focus();
    expect(root(element).activeElement).toBe(exportLink(element));
    root(element).querySelector<StubButton>("lightning-button.close")?.click();
    expect(events).toEqual(["close"]);
  });

  it("drops selections of issues that are gone after a refresh", async () => {
    const { element } = await loaded();
    check(checkboxes(element)[0], true);
    await flush();
    issuesWire.emit(issues.slice(1));
    await flush();
    expect(retryButton(element)?.label).toBe("Retry selected");
  });
});
