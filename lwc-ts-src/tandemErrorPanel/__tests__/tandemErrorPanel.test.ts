import { createElement } from "lwc";
import TandemErrorPanel from "c/tandemErrorPanel";
import { UNKNOWN_ERROR } from "c/reduceErrors";

type Panel = ReturnType<typeof createPanel>;

function createPanel(props: { errors?: unknown; friendlyMessage?: string } = {}) {
  const element = createElement("c-tandem-error-panel", { is: TandemErrorPanel });
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

function shadow(element: Panel): ShadowRoot {
  if (!element.shadowRoot) throw new Error("the panel has no shadow root");
  return element.shadowRoot;
}

const summaryOf = (element: Panel) => shadow(element).querySelector(".summary")?.textContent;
const toggleOf = (element: Panel) => shadow(element).querySelector<HTMLButtonElement>("button.toggle");
const detailsOf = (element: Panel) => shadow(element).querySelector<HTMLUListElement>("ul.details");
const detailTexts = (element: Panel) =>
  [...shadow(element).querySelectorAll("ul.details li")].map((li) => li.textContent);

/** Lets LWC re-render after a property change or a click. */
const rendered = () => Promise.resolve();

const apexError = { body: { message: "Connection is paused" }, status: 400 };
const uiApiError = {
  body: {
    output: {
      errors: [{ message: "Close date is in the past" }],
      fieldErrors: { Name: [{ message: "Name is required" }] },
    },
  },
};

describe("c-tandem-error-panel", () => {
  afterEach(() => {
    document.body.replaceChildren();
    jest.clearAllMocks();
  });

  it("renders nothing without errors or a friendly message", async () => {
    const element = createPanel();
    expect(shadow(element).querySelector('[role="alert"]')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it("renders nothing for an empty list of errors", () => {
    const element = createPanel({ errors: [] });
    expect(shadow(element).querySelector('[role="alert"]')).toBeNull();
  });

  it("shows a single error as the summary, with no details toggle", async () => {
    const element = createPanel({ errors: apexError });
    expect(shadow(element).querySelector('[role="alert"]')).not.toBeNull();
    expect(summaryOf(element)).toBe("Connection is paused");
    expect(toggleOf(element)).toBeNull();
    await expect(element).toBeAccessible();
  });

  it("shows the first of several errors as the summary and the rest as details", () => {
    const element = createPanel({ errors: uiApiError });
    expect(summaryOf(element)).toBe("Close date is in the past");
    expect(detailTexts(element)).toEqual(["Name is required"]);
  });

  it("shows a friendly message alone, with an error icon and no toggle", async () => {
    const element = createPanel({ friendlyMessage: "We could not load the sync status." });
    expect(summaryOf(element)).toBe("We could not load the sync status.");
    const icon = shadow(element).querySelector<HTMLElement & { iconName?: string; alternativeText?: string }>(
      "lightning-icon",
    );
    expect(icon?.iconName).toBe("utility:error");
    expect(icon?.alternativeText).toBe("Error");
    expect(toggleOf(element)).toBeNull();
    await expect(element).toBeAccessible();
  });

  it("keeps every error behind a collapsed toggle when a friendly message is given", async () => {
    const element = createPanel({ friendlyMessage: "Sync failed.", errors: [apexError, "Timeout"] });
    const toggle = toggleOf(element);
    const details = detailsOf(element);
    expect(summaryOf(element)).toBe("Sync failed.");
    expect(toggle?.textContent?.trim()).toBe("Show details");
    expect(toggle?.getAttribute("aria-expanded")).toBe("false");
    expect(toggle?.getAttribute("aria-controls")).toBe(details?.id);
    expect(details?.hidden).toBe(true);
    expect(detailTexts(element)).toEqual(["Connection is paused", "Timeout"]);
    await expect(element).toBeAccessible();
  });

  it("expands and collapses the details when the toggle is pressed", async () => {
    const element = createPanel({ friendlyMessage: "Sync failed.", errors: new Error("Timeout") });
    toggleOf(element)?.click();
    await rendered();
    expect(toggleOf(element)?.getAttribute("aria-expanded")).toBe("true");
    expect(toggleOf(element)?.textContent?.trim()).toBe("Hide details");
    expect(detailsOf(element)?.hidden).toBe(false);
    await expect(element).toBeAccessible();

    toggleOf(element)?.click();
    await rendered();
    expect(toggleOf(element)?.getAttribute("aria-expanded")).toBe("false");
    expect(detailsOf(element)?.hidden).toBe(true);
  });

  it("uses a native button, so Enter and Space toggle it and focus stays on it", async () => {
    const element = createPanel({ friendlyMessage: "Sync failed.", errors: "Timeout" });
    const toggle = toggleOf(element);
    expect(toggle?.tagName).toBe("BUTTON");
    expect(toggle?.type).toBe("button");
    toggle?.focus();
    expect(shadow(element).activeElement).toBe(toggle);
    // Browsers turn Enter and Space on a focused <button> into a click; jsdom does not, so click as they would.
    toggle?.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    toggle?.click();
    await rendered();
    expect(toggle?.getAttribute("aria-expanded")).toBe("true");
    expect(shadow(element).activeElement).toBe(toggle);
  });

  it("follows changes to its errors and hides itself when they are cleared", async () => {
    const element = createPanel({ errors: "First failure" });
    expect(summaryOf(element)).toBe("First failure");
    element.errors = { body: [{ message: "Second failure" }] };
    await rendered();
    expect(summaryOf(element)).toBe("Second failure");
    element.errors = undefined;
    await rendered();
    expect(shadow(element).querySelector('[role="alert"]')).toBeNull();
  });

  it("never shows an empty summary for an unreadable error", () => {
    const element = createPanel({ errors: {} });
    expect(summaryOf(element)).toBe(UNKNOWN_ERROR);
  });
});
