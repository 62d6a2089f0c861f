import { createElement } from "lwc";
import { getRecord } from "lightning/uiRecordApi";
import { getObjectInfo } from "lightning/uiObjectInfoApi";
import MockProbe from "./mockProbe/mockProbe";
import { navigateMock } from "../lightning/navigation";
import { SHOW_TOAST_EVENT } from "../lightning/platformShowToastEvent";
import { REFRESH_EVENT } from "../lightning/refresh";
import { CLOSE_ACTION_SCREEN_EVENT } from "../lightning/actions";

/** The typed declarations hide the test adapters' `emit`; the mocks provide it. */
interface TestAdapter {
  emit(value: unknown): void;
}

const emit = (adapter: unknown, value: unknown) => {
  (adapter as TestAdapter).emit(value);
};

function createProbe() {
  const element = createElement("c-mock-probe", { is: MockProbe });
  element.recordId = "001000000000001AAA";
  document.body.appendChild(element);
  return element;
}

const text = (element: HTMLElement, selector: string) => element.shadowRoot?.querySelector(selector)?.textContent;

describe("platform mocks", () => {
  afterEach(() => {
    document.body.replaceChildren();
    jest.clearAllMocks();
  });

  it("lets tests drive the uiRecordApi and uiObjectInfoApi wires and read fields", async () => {
    const element = createProbe();
    emit(getRecord, {
      apiName: "Account",
      id: "001000000000001AAA",
      fields: { Name: { value: "Acme", displayValue: null } },
    });
    emit(getObjectInfo, { apiName: "Account", label: "Account", fields: {} });
    await Promise.resolve();
    expect(text(element, ".name")).toBe("Acme");
    expect(text(element, ".label")).toBe("Account");
  });

  it("dispatches the platform's toast, refresh and close events and records navigation", () => {
    const element = createProbe();
    const seen: string[] = [];
    for (const name of [SHOW_TOAST_EVENT, REFRESH_EVENT, CLOSE_ACTION_SCREEN_EVENT]) {
      element.addEventListener(name, (event) => seen.push(event.type));
    }
    const toasts: unknown[] = [];
    element.addEventListener(SHOW_TOAST_EVENT, (event) => toasts.push((event as CustomEvent).detail));
    element.finish();
    expect(seen).toEqual([SHOW_TOAST_EVENT, REFRESH_EVENT, CLOSE_ACTION_SCREEN_EVENT]);
    expect(toasts).toEqual([{ title: "Synced", message: "Done", variant: "success" }]);
    expect(navigateMock).toHaveBeenCalledWith(
      { type: "standard__recordPage", attributes: { recordId: "001000000000001AAA", actionName: "view" } },
      undefined,
    );
  });
});
