import { createElement } from "lwc";
import TandemRunChart from "c/tandemRunChart";
import runs from "./data/runs.json";

type RunSummary = Apex.RunHistoryService.RunSummary;

const NOW = Date.parse("2026-11-25T12:00:00.000Z");

function createChart(props: { runs?: RunSummary[]; days?: number }) {
  const element = createElement("c-tandem-run-chart", { is: TandemRunChart });
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

const root = (element: HTMLElement) => element.shadowRoot!;
const toggle = (element: HTMLElement) => root(element).querySelector<HTMLButtonElement>("button.table-toggle");
const tableRows = (element: HTMLElement) =>
  [...root(element).querySelectorAll(".data-table tbody tr")].map((row) =>
    [...row.children].map((cell) => cell.textContent?.trim()),
  );
const rendered = () => Promise.resolve();

describe("c-tandem-run-chart", () => {
  beforeEach(() => {
    jest.spyOn(Date, "now").mockReturnValue(NOW);
  });

  afterEach(() => {
    document.body.replaceChildren();
    jest.restoreAllMocks();
    jest.clearAllMocks();
  });

  it("draws one bar pair per day with an accessible title and a description in words", async () => {
    const element = createChart({ runs, days: 7 });
    const svg = root(element).querySelector("svg");
    expect(svg?.getAttribute("role")).toBe("img");
    expect(root(element).querySelectorAll("g.day")).toHaveLength(7);
    expect(root(element).querySelector("title")?.textContent).toBe("Sync runs per day, last 7 days");
    const description = root(element).querySelector("desc")?.textContent ?? "";
    expect(description).toContain("3 runs, 2 with failures");
    // The labelledby ids point at the title and the description, whatever LWC renames them to.
    const ids = svg?.getAttribute("aria-labelledby")?.split(" ") ?? [];
    expect(ids).toHaveLength(2);
    expect(ids.map((id) => root(element).querySelector(`[id="${id}"]`)?.tagName.toLowerCase())).toEqual([
      "title",
      "desc",
    ]);
    await expect(element).toBeAccessible();
  });

  it("scales the bars to the busiest day and overlays the runs with failures", () => {
    const element = createChart({ runs, days: 7 });
    const days = [...root(element).querySelectorAll("g.day")];
    const last = days[days.length - 1];
    // Today had one run, with failures: both bars are full height.
    expect(last.querySelector("rect.runs")?.getAttribute("height")).toBe("144.0");
    expect(last.querySelector("rect.failures")?.getAttribute("height")).toBe("144.0");
    // Five days ago: a successful run, no failure bar.
    const fiveDaysAgo = days[days.length - 6];
    expect(fiveDaysAgo.querySelector("rect.runs")?.getAttribute("height")).toBe("144.0");
    expect(fiveDaysAgo.querySelector("rect.failures")?.getAttribute("height")).toBe("0.0");
    expect(days[0].querySelector("title")?.textContent).toMatch(/: 0 runs, 0 with failures$/);
  });

  it("offers the same numbers as a data table behind a toggle that says whether it is pressed", async () => {
    const element = createChart({ runs, days: 7 });
    expect(root(element).querySelector(".data-table")).toBeNull();
    expect(toggle(element)?.getAttribute("aria-pressed")).toBe("false");
    toggle(element)?.click();
    await rendered();
    expect(toggle(element)?.getAttribute("aria-pressed")).toBe("true");
    expect(toggle(element)?.textContent?.trim()).toBe("Hide data table");
    const rows = tableRows(element);
    expect(rows).toHaveLength(7);
    expect(rows[6].slice(1)).toEqual(["1", "1"]);
    expect(rows[5].slice(1)).toEqual(["1", "1"]);
    expect(rows[1].slice(1)).toEqual(["1", "0"]);
    await expect(element).toBeAccessible();
  });

  it("works from the keyboard: the toggle is a native button, so Enter and Space press it", async () => {
    const element = createChart({ runs });
    const button = toggle(element);
    expect(button?.tagName).toBe("BUTTON");
    expect(button?.type).toBe("button");
    button?.focus();
    expect(root(element).activeElement).toBe(button);
    // jsdom does not turn Enter into a click as browsers do for buttons, so click as they would.
    button?.click();
    await rendered();
    expect(root(element).querySelector(".data-table")).not.toBeNull();
    button?.click();
    await rendered();
    expect(root(element).querySelector(".data-table")).toBeNull();
  });

  it("says there were no runs and leaves out runs older than the window", async () => {
    const element = createChart({ runs: [runs[2]], days: 3 });
    expect(root(element).querySelector("desc")?.textContent).toMatch(/: no runs\.$/);
    await expect(element).toBeAccessible();
  });

  it("skips runs without a date and falls back to 14 days for a nonsensical day count", () => {
    const element = createChart({ runs: [{ id: "x", status: "Queued" }], days: 0 });
    expect(root(element).querySelectorAll("g.day")).toHaveLength(14);
    expect(root(element).querySelector("desc")?.textContent).toMatch(/no runs/);
  });
});
