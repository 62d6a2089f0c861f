import { createElement } from "lwc";
import TandemSyncNow, { MAX_POLLS, MAX_POLL_INTERVAL_MS } from "c/tandemSyncNow";
import getRecordStatus from "@salesforce/apex/SyncNowController.getRecordStatus";
import syncNow from "@salesforce/apex/SyncNowController.syncNow";
import getRunProgress from "@salesforce/apex/SyncNowController.getRunProgress";
import retryRecord from "@salesforce/apex/SyncNowController.retryRecord";
import linkedRecord from "./data/linkedRecord.json";
import neverSynced from "./data/neverSynced.json";
import diagnoses from "./data/diagnoses.json";
import syncResults from "./data/syncResults.json";
import runProgress from "./data/runProgress.json";

/** The event names the platform mocks in tools/jest-mocks give ShowToastEvent and RefreshEvent. */
const SHOW_TOAST_EVENT = "lightning__showtoast";
const REFRESH_EVENT = "lightning__refresh";

jest.mock(
  "@salesforce/apex/SyncNowController.getRecordStatus",
  () => {
    const { createApexTestWireAdapter } =
      jest.requireActual<typeof import("@salesforce/sfdx-lwc-jest")>("@salesforce/sfdx-lwc-jest");
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true },
);
jest.mock("@salesforce/apex/SyncNowController.syncNow", () => ({ default: jest.fn() }), { virtual: true });
jest.mock("@salesforce/apex/SyncNowController.getRunProgress", () => ({ default: jest.fn() }), { virtual: true });
jest.mock("@salesforce/apex/SyncNowController.retryRecord", () => ({ default: jest.fn() }), { virtual: true });

type RecordStatus = Apex.SyncStatusService.RecordStatus;
type LinkStatus = Apex.SyncStatusService.LinkStatus;
interface Toast {
  title: string;
  message?: string;
  variant?: string;
  mode?: string;
}

const RECORD_ID = "001000000000001AAA";
const DEFINITION_ID = "a02000000000001AAA";

const statusWire = getRecordStatus as unknown as {
  emit(value: unknown, filter?: (config: Record<string, unknown>) => boolean): void;
  error(body?: unknown, status?: number, statusText?: string): void;
};
const syncNowMock = syncNow as unknown as jest.Mock;
const progressMock = getRunProgress as unknown as jest.Mock;
const retryMock = retryRecord as unknown as jest.Mock;

type StubButton = HTMLElement & { label?: string; disabled?: boolean; title?: string };

function createComponent() {
  const element = createElement("c-tandem-sync-now", { is: TandemSyncNow });
  element.recordId = RECORD_ID;
  element.objectApiName = "Account";
  const toasts: Toast[] = [];
  let refreshes = 0;
  element.addEventListener(SHOW_TOAST_EVENT, (event) => toasts.push((event as CustomEvent<Toast>).detail));
  element.addEventListener(REFRESH_EVENT, () => refreshes++);
  document.body.appendChild(element);
  return { element, toasts, refreshCount: () => refreshes };
}

function withLink(link: Partial<LinkStatus>): RecordStatus {
  return {
    recordId: RECORD_ID,
    objectApiName: "Account",
    links: [
      { definitionId: DEFINITION_ID, definitionName: "Accounts to m3ter", connectionName: "m3ter production", ...link },
    ],
  };
}

const root = (element: HTMLElement) => element.shadowRoot!;
const syncButton = (element: HTMLElement) => root(element).querySelector<StubButton>("lightning-button.sync-now");
const retryButtons = (element: HTMLElement) => [
  ...root(element).querySelectorAll<StubButton>("lightning-button.retry"),
];
const textOf = (element: HTMLElement, selector: string) => root(element).querySelector(selector)?.textContent?.trim();

/** Lets promises settle and LWC re-render: a few microtask turns cover every await in the component. */
const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

describe("c-tandem-sync-now", () => {
  afterEach(() => {
    document.body.replaceChildren();
    jest.clearAllMocks();
    // Queued one-time results of a failed test must not leak into the next one.
    [syncNowMock, progressMock, retryMock].forEach((mock) => mock.mockReset());
    jest.useRealTimers();
  });

  describe("status", () => {
    it("shows a spinner until the status arrives", async () => {
      const { element } = createComponent();
      expect(root(element).querySelector("lightning-spinner")).not.toBeNull();
      await expect(element).toBeAccessible();
    });

    it("asks for the status of its own record", async () => {
      const { element } = createComponent();
      await flush();
      // Only a wire configured with this record id receives the data.
      statusWire.emit(linkedRecord, (config) => config.recordId === RECORD_ID);
      await flush();
      expect(textOf(element, ".definition")).toBe("Accounts to m3ter");
    });

    it("shows the error panel when the status cannot be loaded", async () => {
      const { element } = createComponent();
      statusWire.error({ message: "You need the Run Tandem sync permission to do this." });
      await flush();
      const panel = root(element).querySelector<HTMLElement & { friendlyMessage?: string; errors?: unknown }>(
        "c-tandem-error-panel.load-error",
      );
      expect(panel?.friendlyMessage).toBe("The sync status could not be loaded.");
      expect(panel?.errors).toMatchObject({ body: { message: "You need the Run Tandem sync permission to do this." } });
      expect(syncButton(element)?.disabled).toBe(true);
      await expect(element).toBeAccessible();
    });

    it("says no sync covers the record when its object has no active definition, and offers no Sync now", async () => {
      const { element } = createComponent();
      statusWire.emit({ recordId: RECORD_ID, objectApiName: "Account", links: [] });
      await flush();
      expect(textOf(element, ".empty")).toBe("No active Tandem sync covers this kind of record.");
      expect(syncButton(element)?.disabled).toBe(true);
      await expect(element).toBeAccessible();
    });

    it("shows a linked record's external id, status, last sync, message, diagnosis and value diff", async () => {
      const { element } = createComponent();
      statusWire.emit(linkedRecord);
      await flush();
      expect(textOf(element, ".definition")).toBe("Accounts to m3ter");
      expect(root(element).querySelector<HTMLElement & { status?: string }>("c-tandem-status-badge")?.status).toBe(
        "Linked",
      );
      expect(textOf(element, ".connection")).toBe("m3ter production");
      expect(textOf(element, ".external-id")).toBe("acc-7f3a");
      expect(
        root(element).querySelector<HTMLElement & { value?: string }>(".last-synced lightning-formatted-date-time")
          ?.value,
      ).toBe("2026-11-24T10:15:00.000Z");
      expect(textOf(element, ".last-message")).toBe("Updated in the external system.");
      expect(textOf(element, ".attempts")).toBe("0");
      const diagnosis = root(element).querySelector<
        HTMLElement & { diagnosis?: Apex.SyncStatusService.Diagnosis; differences?: unknown[] }
      >("c-tandem-sync-diagnosis");
      expect(diagnosis?.diagnosis?.reason).toBe("Changed");
      expect(diagnosis?.differences).toHaveLength(2);
      expect(syncButton(element)?.disabled).toBe(false);
      expect(syncButton(element)?.label).toBe("Sync now");
      expect(retryButtons(element)).toHaveLength(0);
      await expect(element).toBeAccessible();
    });

    it("shows a record that was never synced as not linked and never synced", async () => {
      const { element } = createComponent();
      statusWire.emit(neverSynced);
      await flush();
      expect(textOf(element, ".external-id")).toBe("Not linked");
      expect(textOf(element, ".last-synced")).toBe("Never");
      expect(
        root(element).querySelector<HTMLElement & { diagnosis?: { reason?: string } }>("c-tandem-sync-diagnosis")
          ?.diagnosis?.reason,
      ).toBe("NeverSynced");
      await expect(element).toBeAccessible();
    });

    it.each(diagnoses.map((link) => [link.diagnosis.reason, link] as const))(
      "explains why the record was not synced when the reason is %s",
      async (reason, link) => {
        const { element } = createComponent();
        statusWire.emit(withLink(link));
        await flush();
        const child = root(element).querySelector<HTMLElement & { diagnosis?: Apex.SyncStatusService.Diagnosis }>(
          "c-tandem-sync-diagnosis",
        );
        expect(child?.diagnosis).toEqual(link.diagnosis);
        expect(child?.diagnosis?.reason).toBe(reason);
        // Only failed links can be retried; a disabled connection cannot sync at all.
        expect(retryButtons(element)).toHaveLength(link.canRetry ? 1 : 0);
        expect(syncButton(element)?.disabled).toBe(!link.canSync);
        await expect(element).toBeAccessible();
      },
    );

    it("counts the failed attempts of a dead-lettered link", async () => {
      const { element } = createComponent();
      statusWire.emit(withLink(diagnoses[1]));
      await flush();
      expect(textOf(element, ".attempts")).toBe("5");
      expect(retryButtons(element)[0]?.title).toBe("Retry Accounts to m3ter");
    });
  });

  describe("Sync now", () => {
    async function ready(status: RecordStatus = linkedRecord) {
      const created = createComponent();
      statusWire.emit(status);
      await flush();
      return created;
    }

    it("syncs the record as the clicking user, toasts the result and refreshes the page", async () => {
      syncNowMock.mockResolvedValue(syncResults.succeeded);
      const { element, toasts, refreshCount } = await ready();
      syncButton(element)?.click();
      await flush();
      expect(syncNowMock).toHaveBeenCalledWith({ recordId: RECORD_ID });
      expect(progressMock).not.toHaveBeenCalled();
      expect(toasts).toEqual([
        {
          title: "Record synced",
          message: "Accounts to m3ter: Succeeded (1 record updated.)",
          variant: "success",
          mode: "dismissible",
        },
      ]);
      expect(refreshCount()).toBe(1);
      expect(syncButton(element)?.disabled).toBe(false);
      await expect(element).toBeAccessible();
    });

    it("shows that it is syncing and ignores further clicks until the first finishes", async () => {
      let finish: (value: unknown) => void = () => undefined;
      syncNowMock.mockReturnValue(new Promise((resolve) => (finish = resolve)));
      const { element, toasts } = await ready();
      syncButton(element)?.click();
      await flush();
      syncButton(element)?.click();
      syncButton(element)?.click();
      await flush();
      expect(syncNowMock).toHaveBeenCalledTimes(1);
      expect(syncButton(element)?.disabled).toBe(true);
      expect(syncButton(element)?.label).toBe("Syncing…");
      expect(textOf(element, ".syncing")).toBe("Syncing this record…");
      await expect(element).toBeAccessible();
      finish(syncResults.succeeded);
      await flush();
      expect(toasts).toHaveLength(1);
      expect(syncButton(element)?.label).toBe("Sync now");
    });

    it("reports a run that failed with an error toast that stays until closed", async () => {
      syncNowMock.mockResolvedValue(syncResults.failed);
      const { element, toasts } = await ready();
      syncButton(element)?.click();
      await flush();
      expect(toasts[0]).toMatchObject({ title: "Sync failed", variant: "error", mode: "sticky" });
      expect(toasts[0].message).toContain("Read timed out");
    });

    it("reports a run that completed with errors with a warning toast", async () => {
      syncNowMock.mockResolvedValue(syncResults.completedWithErrors);
      const { element, toasts } = await ready();
      syncButton(element)?.click();
      await flush();
      expect(toasts[0]).toMatchObject({
        title: "Synced with errors",
        message: "Accounts to m3ter: Completed with errors",
        variant: "warning",
      });
    });

    it("shows the server's message in a toast and the error panel when the sync cannot start", async () => {
      syncNowMock.mockRejectedValue({
        body: { message: "Connection m3ter production is Disabled, so nothing was synced." },
      });
      const { element, toasts, refreshCount } = await ready();
      syncButton(element)?.click();
      await flush();
      expect(toasts[0]).toEqual({
        title: "Tandem could not sync this record",
        message: "Connection m3ter production is Disabled, so nothing was synced.",
        variant: "error",
        mode: "sticky",
      });
      const panel = root(element).querySelector<HTMLElement & { errors?: unknown }>(
        "c-tandem-error-panel.action-error",
      );
      expect((panel?.errors as { body: { message: string } }).body.message).toContain("Disabled");
      expect(refreshCount()).toBe(0);
      expect(syncButton(element)?.disabled).toBe(false);
      await expect(element).toBeAccessible();
    });

    it("clears an earlier error when the next sync succeeds", async () => {
      syncNowMock.mockRejectedValueOnce(new Error("Timeout")).mockResolvedValueOnce(syncResults.succeeded);
      const { element } = await ready();
      syncButton(element)?.click();
      await flush();
      expect(root(element).querySelector("c-tandem-error-panel.action-error")).not.toBeNull();
      syncButton(element)?.click();
      await flush();
      expect(root(element).querySelector("c-tandem-error-panel.action-error")).toBeNull();
    });
  });

  describe("queued runs", () => {
    async function readyWithFakeTimers() {
      jest.useFakeTimers();
      const created = createComponent();
      statusWire.emit(linkedRecord);
      await jest.advanceTimersByTimeAsync(0);
      return created;
    }

    it("shows the progress of a queued run while it polls", async () => {
      syncNowMock.mockResolvedValue(syncResults.queued);
      progressMock.mockResolvedValue(runProgress.running);
      const { element } = await readyWithFakeTimers();
      syncButton(element)?.click();
      await jest.advanceTimersByTimeAsync(0);
      expect(progressMock).not.toHaveBeenCalled();

      await jest.advanceTimersByTimeAsync(1000);
      expect(progressMock).toHaveBeenCalledWith({ runIds: ["a05000000000004AAA"] });
      const bar = root(element).querySelector<HTMLElement & { value?: number }>("lightning-progress-bar");
      expect(bar?.value).toBe(25);
      expect(textOf(element, ".progress-text")).toBe("Running: 1 of 4 records");
      // sa11y refuses to run under fake timers; the poll left pending is cleared when the element is removed.
      jest.useRealTimers();
      await expect(element).toBeAccessible();
    });

    it("toasts and refreshes the page when the queued run finishes", async () => {
      syncNowMock.mockResolvedValue(syncResults.queued);
      progressMock.mockResolvedValueOnce(runProgress.running).mockResolvedValueOnce(runProgress.succeeded);
      const { element, toasts, refreshCount } = await readyWithFakeTimers();
      syncButton(element)?.click();
      await jest.advanceTimersByTimeAsync(1000 + 2000);
      expect(progressMock).toHaveBeenCalledTimes(2);
      expect(toasts).toEqual([
        expect.objectContaining({
          title: "Record synced",
          message: "Accounts to m3ter: Succeeded (4 records updated.)",
        }),
      ]);
      expect(refreshCount()).toBe(1);
      expect(root(element).querySelector("lightning-progress-bar")).toBeNull();
    });

    it("reports a queued run that failed", async () => {
      syncNowMock.mockResolvedValue(syncResults.queued);
      progressMock.mockResolvedValue(runProgress.failed);
      const { element, toasts } = await readyWithFakeTimers();
      syncButton(element)?.click();
      await jest.advanceTimersByTimeAsync(1000);
      expect(toasts[0]).toMatchObject({ title: "Sync failed", variant: "error" });
      expect(toasts[0].message).toContain("Connection refused");
    });

    it("stops polling after the maximum number of polls and says the run goes on in the background", async () => {
      syncNowMock.mockResolvedValue(syncResults.queued);
      progressMock.mockResolvedValue(runProgress.running);
      const { element, toasts } = await readyWithFakeTimers();
      syncButton(element)?.click();
      await jest.advanceTimersByTimeAsync(MAX_POLLS * MAX_POLL_INTERVAL_MS);
      expect(progressMock).toHaveBeenCalledTimes(MAX_POLLS);
      expect(toasts).toEqual([expect.objectContaining({ title: "Sync is still running", variant: "info" })]);
      await jest.advanceTimersByTimeAsync(60_000);
      expect(progressMock).toHaveBeenCalledTimes(MAX_POLLS);
      expect(syncButton(element)?.disabled).toBe(false);
    });

    it("waits longer between polls, up to a bounded interval", async () => {
      syncNowMock.mockResolvedValue(syncResults.queued);
      progressMock.mockResolvedValue(runProgress.running);
      const { element } = await readyWithFakeTimers();
      syncButton(element)?.click();
      await jest.advanceTimersByTimeAsync(1000 + 2000 + 3000);
      expect(progressMock).toHaveBeenCalledTimes(3);
      await jest.advanceTimersByTimeAsync(4000 + 5000 + 5000);
      expect(progressMock).toHaveBeenCalledTimes(6);
    });

    it("stops polling and clears its timer when it leaves the page", async () => {
      syncNowMock.mockResolvedValue(syncResults.queued);
      progressMock.mockResolvedValue(runProgress.running);
      const { element, toasts } = await readyWithFakeTimers();
      syncButton(element)?.click();
      await jest.advanceTimersByTimeAsync(1000);
      expect(progressMock).toHaveBeenCalledTimes(1);
      document.body.removeChild(element);
      expect(jest.getTimerCount()).toBe(0);
      await jest.advanceTimersByTimeAsync(60_000);
      expect(progressMock).toHaveBeenCalledTimes(1);
      expect(toasts).toHaveLength(0);
    });

    it("shows the error when polling fails", async () => {
      syncNowMock.mockResolvedValue(syncResults.queued);
      progressMock.mockRejectedValue({ body: { message: "Too many requests" } });
      const { element, toasts } = await readyWithFakeTimers();
      syncButton(element)?.click();
      await jest.advanceTimersByTimeAsync(1000);
      expect(toasts[0]).toMatchObject({ title: "Tandem could not sync this record", message: "Too many requests" });
    });
  });

  describe("Retry", () => {
    it("retries a dead-lettered record under its definition and follows the retry run", async () => {
      jest.useFakeTimers();
      retryMock.mockResolvedValue(syncResults.queued[0]);
      progressMock.mockResolvedValue(runProgress.succeeded);
      const { element, toasts, refreshCount } = createComponent();
      statusWire.emit(withLink(diagnoses[1]));
      await jest.advanceTimersByTimeAsync(0);
      retryButtons(element)[0]?.click();
      await jest.advanceTimersByTimeAsync(0);
      expect(retryMock).toHaveBeenCalledWith({ recordId: RECORD_ID, definitionId: DEFINITION_ID });
      expect(retryButtons(element)[0]?.disabled).toBe(true);
      await jest.advanceTimersByTimeAsync(1000);
      expect(toasts[0]).toMatchObject({ title: "Record synced", variant: "success" });
      expect(refreshCount()).toBe(1);
    });

    it("shows why a retry was refused", async () => {
      retryMock.mockRejectedValue({ body: { message: "You need the Run Tandem sync permission to do this." } });
      const { element, toasts } = createComponent();
      statusWire.emit(withLink(diagnoses[3]));
      await flush();
      retryButtons(element)[0]?.click();
      await flush();
      expect(toasts[0]).toMatchObject({
        variant: "error",
        message: "You need the Run Tandem sync permission to do this.",
      });
    });
  });

  describe("headless quick action", () => {
    it("syncs the record when invoked, without waiting for the status to load", async () => {
      syncNowMock.mockResolvedValue(syncResults.succeeded);
      const { element, toasts, refreshCount } = createComponent();
      await element.invoke();
      expect(syncNowMock).toHaveBeenCalledWith({ recordId: RECORD_ID });
      expect(toasts[0]).toMatchObject({ title: "Record synced" });
      expect(refreshCount()).toBe(1);
    });

    it("runs once when invoked again while the first invocation is still running", async () => {
      let finish: (value: unknown) => void = () => undefined;
      syncNowMock.mockReturnValue(new Promise((resolve) => (finish = resolve)));
      const { element, toasts } = createComponent();
      const first = element.invoke();
      const second = element.invoke();
      await second;
      finish(syncResults.succeeded);
      await first;
      expect(syncNowMock).toHaveBeenCalledTimes(1);
      expect(toasts).toHaveLength(1);
    });
  });
});
