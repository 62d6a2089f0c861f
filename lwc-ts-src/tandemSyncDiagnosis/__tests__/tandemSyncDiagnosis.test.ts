import { createElement } from "lwc";
import TandemSyncDiagnosis from "c/tandemSyncDiagnosis";

type Diagnosis = Apex.SyncStatusService.Diagnosis;

function createDiagnosis(diagnosis: Diagnosis | undefined, differences: Apex.SyncStatusService.ValueDifference[] = []) {
  const element = createElement("c-tandem-sync-diagnosis", { is: TandemSyncDiagnosis });
  element.diagnosis = diagnosis;
  element.differences = differences;
  document.body.appendChild(element);
  return element;
}

const text = (element: HTMLElement, selector: string) => element.shadowRoot?.querySelector(selector)?.textContent;

describe("c-tandem-sync-diagnosis", () => {
  afterEach(() => {
    document.body.replaceChildren();
    jest.clearAllMocks();
  });

  it.each([
    ["ConnectionDisabled", "Connection disabled", "utility:ban", true],
    ["DeadLetter", "Dead-lettered", "utility:error", true],
    ["Error", "Failed", "utility:error", true],
    ["BudgetSpent", "Daily callout budget spent", "utility:warning", true],
    ["OutsideFilter", "Outside the record filter", "utility:filterList", false],
    ["Invalid", "Fails Tandem's checks", "utility:warning", true],
    ["NoIdMapEntry", "No ID-map entry", "utility:link", true],
    ["ExcludedByMode", "Not synced in this mode", "utility:info", false],
    ["Unchanged", "Unchanged since the last sync", "utility:check", false],
    ["Pending", "Sync pending", "utility:clock", false],
    ["NeverSynced", "Never synced", "utility:info", false],
    ["Changed", "Changed since the last sync", "utility:edit", false],
    ["Deleted", "Remote record deleted", "utility:delete", false],
  ])("explains the reason %s as %s", async (reason, heading, icon, hasHint) => {
    const element = createDiagnosis({ reason, message: `Because of ${reason}.` });
    expect(text(element, ".title")).toBe(heading);
    expect(text(element, ".message")).toBe(`Because of ${reason}.`);
    expect(element.shadowRoot?.querySelector<HTMLElement & { iconName?: string }>("lightning-icon")?.iconName).toBe(
      icon,
    );
    expect(Boolean(element.shadowRoot?.querySelector(".hint"))).toBe(hasHint);
    await expect(element).toBeAccessible();
  });

  it("names the retry that is due and when", async () => {
    const element = createDiagnosis({
      reason: "WaitingForRetry",
      message: "Retry 2 is due.",
      attempt: 2,
      dueAt: "2026-11-25T20:05:00.000Z",
    });
    expect(text(element, ".title")).toBe("Waiting for retry 2");
    const due = element.shadowRoot?.querySelector<HTMLElement & { value?: string }>(
      ".due lightning-formatted-date-time",
    );
    expect(due?.value).toBe("2026-11-25T20:05:00.000Z");
    await expect(element).toBeAccessible();
  });

  it("falls back to a neutral heading for a reason it does not know", () => {
    const element = createDiagnosis({ reason: "SomethingNew", message: "New." });
    expect(text(element, ".title")).toBe("Sync status");
    const noReason = createDiagnosis(undefined);
    expect(noReason.shadowRoot?.querySelectorAll(".title")[0]?.textContent).toBe("Sync status");
    expect(text(noReason, ".message")).toBe("");
  });

  it("shows the value diff only when there are values to compare", () => {
    const withValues = createDiagnosis({ reason: "Changed", message: "Changed." }, [{ path: "name", changed: true }]);
    expect(withValues.shadowRoot?.querySelector("c-tandem-value-diff")).not.toBeNull();
    const without = createDiagnosis({ reason: "NeverSynced", message: "Never." });
    expect(without.shadowRoot?.querySelector("c-tandem-value-diff")).toBeNull();
  });
});
