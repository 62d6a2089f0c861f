import { createElement } from "lwc";
import TandemValueDiff from "c/tandemValueDiff";

type Difference = Apex.SyncStatusService.ValueDifference;

function createDiff(differences: Difference[]) {
  const element = createElement("c-tandem-value-diff", { is: TandemValueDiff });
  element.differences = differences;
  document.body.appendChild(element);
  return element;
}

const rowsOf = (element: HTMLElement) => [...(element.shadowRoot?.querySelectorAll("tbody tr") ?? [])];

describe("c-tandem-value-diff", () => {
  afterEach(() => {
    document.body.replaceChildren();
    jest.clearAllMocks();
  });

  it("lists each external field with its current and last sent value and says which changed", async () => {
    const element = createDiff([
      { path: "name", salesforceField: "Name", currentValue: "Acme Ltd", lastSentValue: "Acme", changed: true },
      {
        path: "customFields.tier",
        salesforceField: "Tier__c",
        currentValue: "Gold",
        lastSentValue: "Gold",
        changed: false,
      },
    ]);
    const rows = rowsOf(element);
    expect(rows).toHaveLength(2);
    expect(rows[0].querySelector("th")?.textContent).toBe("name");
    expect(rows[0].querySelector(".current")?.textContent).toBe("Acme Ltd");
    expect(rows[0].querySelector(".last-sent")?.textContent).toBe("Acme");
    expect(rows[0].querySelector(".change")?.textContent).toBe("Changed");
    expect(rows[0].classList.contains("changed")).toBe(true);
    expect(rows[1].querySelector(".change")?.textContent).toBe("Same");
    expect(element.shadowRoot?.querySelector(".summary")?.textContent).toBe("1 value differs from what was last sent.");
    await expect(element).toBeAccessible();
  });

  it("marks a value missing on one side with a dash", () => {
    const element = createDiff([{ path: "email", changed: true }]);
    const row = rowsOf(element)[0];
    expect(row.querySelector(".current")?.textContent).toBe("—");
    expect(row.querySelector(".last-sent")?.textContent).toBe("—");
  });

  it("counts several changed values and says when every value matches", () => {
    const changed = createDiff([
      { path: "a", changed: true },
      { path: "b", changed: true },
    ]);
    expect(changed.shadowRoot?.querySelector(".summary")?.textContent).toBe("2 values differ from what was last sent.");
    const same = createDiff([{ path: "a", currentValue: "1", lastSentValue: "1", changed: false }]);
    expect(same.shadowRoot?.querySelector(".summary")?.textContent).toBe("Every value matches what was last sent.");
  });

  it("says there is nothing to compare without differences", async () => {
    const element = createDiff([]);
    expect(element.shadowRoot?.querySelector("table")).toBeNull();
    expect(element.shadowRoot?.querySelector(".empty")?.textContent).toContain("No values to compare yet");
    await expect(element).toBeAccessible();
  });
});
