import { createElement } from "lwc";
import TandemStatusBadge from "c/tandemStatusBadge";

function createBadge(props: { status?: string; context?: string }) {
  const element = createElement("c-tandem-status-badge", { is: TandemStatusBadge });
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

const badgeOf = (element: HTMLElement) => element.shadowRoot?.querySelector<HTMLElement>(".slds-badge");

describe("c-tandem-status-badge", () => {
  afterEach(() => {
    document.body.replaceChildren();
    jest.clearAllMocks();
  });

  it("shows the status label in a badge themed by its tone", async () => {
    const element = createBadge({ status: "CompletedWithErrors" });
    expect(badgeOf(element)?.className).toBe("slds-badge slds-theme_warning");
    expect(badgeOf(element)?.querySelector(".label")?.textContent).toBe("Completed with errors");
    await expect(element).toBeAccessible();
  });

  it("tells screen readers what the status is about", async () => {
    const element = createBadge({ status: "DeadLetter", context: "Link status" });
    expect(badgeOf(element)?.querySelector(".slds-assistive-text")?.textContent).toBe("Link status: ");
    expect(badgeOf(element)?.className).toContain("slds-theme_error");
    await expect(element).toBeAccessible();
  });

  it("renders nothing without a status", async () => {
    const element = createBadge({});
    expect(badgeOf(element)).toBeNull();
    await expect(element).toBeAccessible();
  });
});
