import { createElement } from "lwc";
import TandemConnectionHealth from "c/tandemConnectionHealth";
import getHealth from "@salesforce/apex/ConnectionHealthController.getHealth";
import reEnable from "@salesforce/apex/ConnectionHealthController.reEnable";
import connections from "./data/connections.json";

/** The event names the platform mocks in tools/jest-mocks give ShowToastEvent and RefreshEvent. */
const SHOW_TOAST_EVENT = "lightning__showtoast";
const REFRESH_EVENT = "lightning__refresh";

jest.mock(
  "@salesforce/apex/ConnectionHealthController.getHealth",
  () => {
    const { createApexTestWireAdapter } =
      jest.requireActual<typeof import("@salesforce/sfdx-lwc-jest")>("@salesforce/sfdx-lwc-jest");
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true },
);
jest.mock("@salesforce/apex/ConnectionHealthController.reEnable", () => ({ default: jest.fn() }), { virtual: true });

const healthWire = getHealth as unknown as {
  emit(value: unknown, filter?: (config: Record<string, unknown>) => boolean): void;
  error(body?: unknown): void;
};
const reEnableMock = reEnable as unknown as jest.Mock;

interface Toast {
  title: string;
  message?: string;
  variant?: string;
  mode?: string;
}
type StubButton = HTMLElement & { label?: string; disabled?: boolean; title?: string };

function createHealth(recordId?: string) {
  const element = createElement("c-tandem-connection-health", { is: TandemConnectionHealth });
  element.recordId = recordId;
  const toasts: Toast[] = [];
  let refreshes = 0;
  element.addEventListener(SHOW_TOAST_EVENT, (event) => toasts.push((event as CustomEvent<Toast>).detail));
  element.addEventListener(REFRESH_EVENT, () => refreshes++);
  document.body.appendChild(element);
  return { element, toasts, refreshCount: () => refreshes };
}

const root = (element: HTMLElement) => element.shadowRoot!;
const cards = (element: HTMLElement) => [...root(element).querySelectorAll<HTMLElement>("section.connection")];
const reEnableButtons = (element: HTMLElement) => [
  ...root(element).querySelectorAll<StubButton>("lightning-button.re-enable"),
];
/** Lets promises settle and LWC re-render: a few microtask turns cover every await in the component. */
const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

async function loaded(recordId?: string) {
  const created = createHealth(recordId);
  healthWire.emit(connections);
  await flush();
  return created;
}

describe("c-tandem-connection-health", () => {
  afterEach(() => {
    document.body.replaceChildren();
    jest.clearAllMocks();
    reEnableMock.mockReset();
  });

  it("shows a spinner while the health loads", async () => {
    const { element } = createHealth("a01000000000001AAA");
    expect(root(element).querySelector("lightning-spinner")).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it("asks for the health of the connection whose page it is on", async () => {
    const { element } = createHealth("a01000000000001AAA");
    await flush();
    healthWire.emit(connections.slice(0, 1), (config) => config.connectionId === "a01000000000001AAA");
    await flush();
    expect(cards(element)).toHaveLength(1);
  });

  it("shows a healthy connection's status, circuit, failures, budget bar and last successful sync", async () => {
    const { element } = await loaded();
    const card = cards(element)[0];
    expect(card.querySelector(".name")?.textContent).toBe("m3ter production");
    expect(card.querySelector(".subtitle")?.textContent).toBe("m3ter · Production");
    const badges = [
      ...card.querySelectorAll<HTMLElement & { status?: string; context?: string }>("c-tandem-status-badge"),
    ];
    expect(badges.map((badge) => [badge.context, badge.status])).toEqual([
      ["Status", "Active"],
      ["Circuit", "Closed"],
    ]);
    expect(card.querySelector(".failures")?.textContent).toBe("0 of 10");
    const bar = card.querySelector<HTMLElement & { value?: number }>("lightning-progress-bar");
    expect(bar?.value).toBe(24);
    const fmt = new Intl.NumberFormat();
    expect(card.querySelector(".budget-text")?.textContent).toBe(
      `${fmt.format(1200)} of ${fmt.format(5000)} callouts used today`,
    );
    expect(card.querySelector(".budget-note")).toBeNull();
    expect(
      card.querySelector<HTMLElement & { value?: string }>(".last-success lightning-formatted-date-time")?.value,
    ).toBe("2026-11-25T09:03:07.000Z");
    expect(card.querySelector("lightning-button.re-enable")).toBeNull();
    await expect(element).toBeAccessible();
  });

  it("shows why a connection was disabled, that its budget is spent, and offers Re-enable to admins", async () => {
    const { element } = await loaded();
    const card = cards(element)[1];
    expect(card.querySelector(".disabled-reason")?.textContent).toContain("HTTP 401 Unauthorized");
    expect(card.querySelector(".failures")?.textContent).toBe("10 of 10");
    expect(card.querySelector(".last-success")?.textContent?.trim()).toBe("Never");
    expect(card.querySelector(".budget-note")?.textContent).toContain("Budget spent");
    expect(reEnableButtons(element)).toHaveLength(1);
    expect(reEnableButtons(element)[0].title).toBe("Re-enable Ontra sandbox");
    await expect(element).toBeAccessible();
  });

  it("warns when the budget is nearly spent and hides Re-enable from users who may not use it", async () => {
    const { element } = await loaded();
    const card = cards(element)[2];
    expect(card.querySelector(".budget-note")?.textContent).toBe("Budget nearly spent.");
    expect(card.querySelector("lightning-button.re-enable")).toBeNull();
    expect(card.querySelector(".subtitle")?.textContent).toBe("Gentrack");
  });

  it("re-enables a connection, toasts, and refreshes the page and its own data", async () => {
    reEnableMock.mockResolvedValue({ ...connections[1], status: "Active", circuitState: "Closed", canReEnable: false });
    const { element, toasts, refreshCount } = await loaded();
    reEnableButtons(element)[0].click();
    await flush();
    expect(reEnableMock).toHaveBeenCalledWith({ connectionId: "a01000000000002AAA" });
    expect(toasts).toEqual([
      {
        title: "Connection re-enabled",
        message: "Ontra sandbox is active again; its circuit is closed.",
        variant: "success",
      },
    ]);
    expect(refreshCount()).toBe(1);
    expect(reEnableButtons(element)[0].disabled).toBe(false);
  });

  it("ignores a second click while re-enabling", async () => {
    let finish: (value: unknown) => void = () => undefined;
    reEnableMock.mockReturnValue(new Promise((resolve) => (finish = resolve)));
    const { element } = await loaded();
    reEnableButtons(element)[0].click();
    await flush();
    expect(reEnableButtons(element)[0].disabled).toBe(true);
    reEnableButtons(element)[0].click();
    finish({ name: "Ontra sandbox" });
    await flush();
    expect(reEnableMock).toHaveBeenCalledTimes(1);
  });

  it("shows the server's reason when re-enabling is refused", async () => {
    reEnableMock.mockRejectedValue({ body: { message: "You need the Manage Tandem permission to do this." } });
    const { element, toasts, refreshCount } = await loaded();
    reEnableButtons(element)[0].click();
    await flush();
    expect(toasts[0]).toEqual({
      title: "The connection could not be re-enabled",
      message: "You need the Manage Tandem permission to do this.",
      variant: "error",
      mode: "sticky",
    });
    expect(root(element).querySelector("c-tandem-error-panel.action-error")).not.toBeNull();
    expect(refreshCount()).toBe(0);
    await expect(element).toBeAccessible();
  });

  it("says there are no connections yet", async () => {
    const { element } = createHealth();
    healthWire.emit([]);
    await flush();
    expect(root(element).querySelector(".empty")?.textContent).toBe("No connections yet.");
    await expect(element).toBeAccessible();
  });

  it("shows the error panel when the health cannot be loaded", async () => {
    const { element } = createHealth();
    healthWire.error({ message: "You need the Run Tandem sync permission to do this." });
    await flush();
    expect(
      root(element).querySelector<HTMLElement & { friendlyMessage?: string }>("c-tandem-error-panel.load-error")
        ?.friendlyMessage,
    ).toBe("The connection health could not be loaded.");
    await expect(element).toBeAccessible();
  });
});
