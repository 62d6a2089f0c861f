import { createElement } from "lwc";
import TandemValueMapEditor from "c/tandemValueMapEditor";
import { getPicklistValuesByRecordType } from "../../../tools/jest-mocks/lightning/uiObjectInfoApi";
import picklistValues from "../../tandemFieldMapper/__tests__/data/picklistValues.json";

/** The first argument of a mock's call (jest types mock calls as any). */
const argOf = <T = Record<string, unknown>>(fn: jest.Mock, call = 0): T => (fn.mock.calls as unknown[][])[call][0] as T;
const parse = (json: string) => JSON.parse(json) as Record<string, unknown>;

const adapter = getPicklistValuesByRecordType as unknown as {
  emit(value: unknown): void;
  error(body?: unknown): void;
  getLastConfig(): Record<string, unknown>;
};

const flush = async () => {
  for (let i = 0; i < 4; i++) await Promise.resolve();
};

type Editor = HTMLElement & { config?: string; allowedValues: string[]; recordTypes: unknown[] };

async function createEditor(props: Partial<Editor> = {}, values: unknown = picklistValues): Promise<Editor> {
  const element = createElement("c-tandem-value-map-editor", { is: TandemValueMapEditor }) as unknown as Editor;
  Object.assign(element, {
    objectApiName: "Account",
    fieldApiName: "Industry",
    fieldLabel: "Industry",
    allowedValues: ["Banking", "Energy", "Other"],
    recordTypes: [
      { recordTypeId: "012000000000000AAA", developerName: "Master", label: "Master", master: true },
      { recordTypeId: "0125g000000AAAAAAA", developerName: "Partner", label: "Partner", master: false },
    ],
    masterRecordTypeId: "012000000000000AAA",
    ...props,
  });
  document.body.appendChild(element);
  await flush();
  if (values) adapter.emit(JSON.parse(JSON.stringify(values)));
  await flush();
  return element;
}

const root = (element: HTMLElement) => element.shadowRoot!;
const badges = (element: HTMLElement) => root(element).querySelectorAll(".unmapped").length;
const valueInputs = (element: HTMLElement) => [...root(element).querySelectorAll<HTMLElement>(".external-value")];

describe("c-tandem-value-map-editor", () => {
  afterEach(() => {
    document.body.replaceChildren();
    jest.clearAllMocks();
  });

  it("lists the picklist values of the master record type and flags the unmapped ones", async () => {
    const element = await createEditor({ config: '{"default":{"Banking":"Banking"},"unmapped":"error"}' });
    expect(adapter.getLastConfig()).toEqual({ objectApiName: "Account", recordTypeId: "012000000000000AAA" });
    expect(valueInputs(element)).toHaveLength(3);
    expect(badges(element)).toBe(2);
    expect(root(element).querySelector(".unmapped-summary")?.textContent).toBe("2 values are not mapped.");
    await expect(element).toBeAccessible();
  });

  it("emits the new configuration when a value is mapped or unmapped", async () => {
    const element = await createEditor({ config: '{"default":{"Banking":"Banking"}}' });
    const handler = jest.fn();
    element.addEventListener("change", handler);
    valueInputs(element)[1].dispatchEvent(new CustomEvent("change", { detail: { value: "Energy" } }));
    await flush();
    expect(parse(argOf<CustomEvent<{ config: string }>>(handler, 0).detail.config)).toEqual({
      default: { Banking: "Banking", Energy: "Energy" },
      unmapped: "error",
    });
    valueInputs(element)[0].dispatchEvent(new CustomEvent("change", { detail: { value: "" } }));
    await flush();
    expect(parse(argOf<CustomEvent<{ config: string }>>(handler, 1).detail.config).default).toEqual({
      Energy: "Energy",
    });
    root(element)
      .querySelector(".unmapped-policy")
      ?.dispatchEvent(new CustomEvent("change", { detail: { value: "pass" } }));
    expect(parse(argOf<CustomEvent<{ config: string }>>(handler, 2).detail.config).unmapped).toBe("pass");
  });

  it("edits a record type's own map, falling back to the default map", async () => {
    const element = await createEditor({ config: '{"default":{"Banking":"Banking"}}' });
    const handler = jest.fn();
    element.addEventListener("change", handler);
    root(element)
      .querySelector(".scope")
      ?.dispatchEvent(new CustomEvent("change", { detail: { value: "Partner" } }));
    await flush();
    expect(adapter.getLastConfig()).toEqual({ objectApiName: "Account", recordTypeId: "0125g000000AAAAAAA" });
    adapter.emit(JSON.parse(JSON.stringify(picklistValues)));
    await flush();
    expect(badges(element)).toBe(2);
    valueInputs(element)[2].dispatchEvent(new CustomEvent("change", { detail: { value: "Other" } }));
    await flush();
    expect(parse(argOf<CustomEvent<{ config: string }>>(handler, 0).detail.config)).toEqual({
      default: { Banking: "Banking" },
      byRecordType: { Partner: { Mining: "Other" } },
      unmapped: "error",
    });
    expect(badges(element)).toBe(1);
  });

  it("uses free text when the external field has no allowed values and survives a damaged configuration", async () => {
    const element = await createEditor({ allowedValues: [], recordTypes: [], config: "{not json" });
    expect(valueInputs(element)[0].tagName.toLowerCase()).toBe("lightning-input");
    expect(root(element).querySelector(".scope")).toBeNull();
    expect(badges(element)).toBe(3);
  });

  it("says so when the field has no values", async () => {
    const element = await createEditor({}, { picklistFieldValues: {} });
    expect(root(element).querySelector(".empty")?.textContent).toBe(
      "This field has no picklist values for the chosen record type.",
    );
    await expect(element).toBeAccessible();
  });

  it("shows the UI API error when the values cannot be loaded", async () => {
    const element = await createEditor({}, null);
    adapter.error({ message: "No access" });
    await flush();
    expect(root(element).querySelector("c-tandem-error-panel.error")).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it("closes on Done", async () => {
    const element = await createEditor();
    const handler = jest.fn();
    element.addEventListener("close", handler);
    root(element).querySelector<HTMLElement>(".close")!.click();
    expect(handler).toHaveBeenCalled();
  });
});
