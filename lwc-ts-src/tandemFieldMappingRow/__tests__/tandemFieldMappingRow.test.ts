import { createElement } from "lwc";
import TandemFieldMappingRow from "c/tandemFieldMappingRow";

/** The first argument of a mock's call (jest types mock calls as any). */
const argOf = <T = Record<string, unknown>>(fn: jest.Mock, call = 0): T => (fn.mock.calls as unknown[][])[call][0] as T;

const baseRow = {
  key: "Industry",
  fieldLabel: "Industry",
  fieldApiName: "Industry",
  typeLabel: "Picklist",
  isPicklist: true,
  requiredInSalesforce: false,
  readOnlyInSalesforce: false,
  externalPath: "industry",
  externalType: "string",
  externalLabel: "Industry",
  requiredOnTarget: false,
  writePolicy: "Always",
  masterSystem: "",
  transform: "Direct",
  active: true,
  compatible: true,
  reason: "",
  autoMapped: false,
};

const options = [
  { label: "— Not mapped —", value: "" },
  { label: "Industry (industry, string)", value: "industry" },
];

function createRow(row: Partial<typeof baseRow> = {}, showMaster = false) {
  const element = createElement("c-tandem-field-mapping-row", { is: TandemFieldMappingRow }) as HTMLElement & {
    row: unknown;
    externalOptions: unknown;
    showMaster: boolean;
    focusValueMap(): void;
  };
  element.row = { ...baseRow, ...row };
  element.externalOptions = options;
  element.showMaster = showMaster;
  element.setAttribute("role", "listitem");
  const list = document.createElement("div");
  list.setAttribute("role", "list");
  list.appendChild(element);
  document.body.appendChild(list);
  return element;
}

const root = (element: HTMLElement) => element.shadowRoot!;

describe("c-tandem-field-mapping-row", () => {
  afterEach(() => {
    document.body.replaceChildren();
    jest.clearAllMocks();
  });

  it("shows a compatible mapped picklist with its value-map button", async () => {
    const element = createRow();
    expect(root(element).querySelector(".compatible")?.textContent).toBe("Types compatible (string)");
    expect(root(element).querySelector(".value-map-button")?.textContent).toBe("Map values");
    expect(root(element).querySelector(".reason")).toBeNull();
    await expect(element).toBeAccessible();
  });

  it("shows why an incompatible pair is refused", async () => {
    const element = createRow({ compatible: false, reason: "A Picklist field cannot hold an array value." });
    expect(root(element).querySelector(".reason")?.textContent).toContain(
      "A Picklist field cannot hold an array value.",
    );
    expect(root(element).firstElementChild?.className).toContain("incompatible");
    await expect(element).toBeAccessible();
  });

  it("flags required fields, read-only fields and auto-mapped rows", () => {
    const element = createRow({
      requiredInSalesforce: true,
      requiredOnTarget: true,
      autoMapped: true,
      readOnlyInSalesforce: true,
      transform: "ValueMap",
    });
    expect(root(element).querySelector(".required-salesforce")).not.toBeNull();
    expect(root(element).querySelector(".required-target")).not.toBeNull();
    expect(root(element).querySelector(".auto-mapped")).not.toBeNull();
    expect(root(element).querySelector(".read-only")).not.toBeNull();
    expect(root(element).querySelector(".value-map-button")?.textContent).toBe("Edit value map");
  });

  it("disables the policy controls of an unmapped field", async () => {
    const element = createRow({ externalPath: "", isPicklist: false });
    expect(root(element).querySelector<HTMLSelectElement>("select.write-policy")?.disabled).toBe(true);
    expect(root(element).querySelector<HTMLInputElement>("input.active")?.disabled).toBe(true);
    expect(root(element).querySelector(".change-external")?.textContent?.trim()).toBe("Not mapped");
    expect(root(element).querySelector(".value-map-button")).toBeNull();
    await expect(element).toBeAccessible();
  });

  it("opens the external-field picker only on request and reports the choice", async () => {
    const element = createRow({}, true);
    const handler = jest.fn();
    element.addEventListener("rowchange", handler);
    expect(root(element).querySelector(".external-field")).toBeNull();
    const change = root(element).querySelector<HTMLButtonElement>(".change-external")!;
    expect(change.textContent?.trim()).toBe("Industry (industry)");
    expect(change.getAttribute("aria-label")).toBe("Change the external field of Industry");
    change.click();
    await Promise.resolve();
    const picker = root(element).querySelector<HTMLElement & { options: unknown }>(".external-field")!;
    expect(picker.options).toEqual(options);
    await expect(element).toBeAccessible();
    picker.dispatchEvent(new CustomEvent("change", { detail: { value: "" } }));
    await Promise.resolve();
    expect(argOf<CustomEvent<unknown>>(handler).detail).toEqual({ key: "Industry", field: "externalPath", value: "" });
    expect(root(element).querySelector(".external-field")).toBeNull();
    expect(root(element).activeElement).toBe(root(element).querySelector(".change-external"));
  });

  it("closes the picker without a change", async () => {
    const element = createRow();
    const handler = jest.fn();
    element.addEventListener("rowchange", handler);
    root(element).querySelector<HTMLButtonElement>(".change-external")!.click();
    await Promise.resolve();
    root(element).querySelector<HTMLElement>(".cancel-external")!.click();
    await Promise.resolve();
    expect(root(element).querySelector(".external-field")).toBeNull();
    expect(handler).not.toHaveBeenCalled();
  });

  it("reports policy, master and active changes with the row's key", () => {
    const element = createRow({ masterSystem: "External" }, true);
    const handler = jest.fn();
    element.addEventListener("rowchange", handler);
    const policy = root(element).querySelector<HTMLSelectElement>("select.write-policy")!;
    expect(policy.value).toBe("Always");
    policy.value = "FillIfEmpty";
    policy.dispatchEvent(new CustomEvent("change"));
    const master = root(element).querySelector<HTMLSelectElement>("select.master")!;
    expect(master.value).toBe("External");
    master.value = "Salesforce";
    master.dispatchEvent(new CustomEvent("change"));
    const active = root(element).querySelector<HTMLInputElement>("input.active")!;
    active.checked = false;
    active.dispatchEvent(new CustomEvent("change"));
    expect((handler.mock.calls as [CustomEvent][]).map(([event]) => event.detail as unknown)).toEqual([
      { key: "Industry", field: "writePolicy", value: "FillIfEmpty" },
      { key: "Industry", field: "masterSystem", value: "Salesforce" },
      { key: "Industry", field: "active", value: false },
    ]);
  });

  it("asks to open the value map and takes the focus back afterwards", () => {
    const element = createRow();
    const handler = jest.fn();
    element.addEventListener("openvaluemap", handler);
    const button = root(element).querySelector<HTMLButtonElement>(".value-map-button");
    button?.click();
    expect(argOf<CustomEvent<unknown>>(handler, 0).detail).toEqual({ key: "Industry" });
    element.focusValueMap();
    expect(root(element).activeElement).toBe(button);
  });
});
