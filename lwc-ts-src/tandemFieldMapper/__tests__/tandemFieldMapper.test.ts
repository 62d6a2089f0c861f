import { createElement } from "lwc";
import TandemFieldMapper from "c/tandemFieldMapper";
import { getObjectInfo } from "../../../tools/jest-mocks/lightning/uiObjectInfoApi";
import getMappingContext from "@salesforce/apex/FieldMappingController.getMappingContext";
import saveMappings from "@salesforce/apex/FieldMappingController.saveMappings";
import objectInfo from "./data/objectInfo.json";
import mappingContext from "./data/mappingContext.json";

jest.mock("@salesforce/apex/FieldMappingController.getMappingContext", () => ({ default: jest.fn() }), {
  virtual: true,
});

/** The first argument of a mock's call (jest types mock calls as any). */
const argOf = <T = Record<string, unknown>>(fn: jest.Mock, call = 0): T => (fn.mock.calls as unknown[][])[call][0] as T;
jest.mock("@salesforce/apex/FieldMappingController.saveMappings", () => ({ default: jest.fn() }), { virtual: true });

const mockGetContext = getMappingContext as unknown as jest.Mock;
const mockSave = saveMappings as unknown as jest.Mock;
const objectInfoAdapter = getObjectInfo as unknown as { emit(value: unknown): void; error(body?: unknown): void };

type Mapper = HTMLElement & { definitionId?: string; save(): Promise<boolean>; hasUnsavedChanges: boolean };

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

async function createMapper(context: unknown = mappingContext, info: unknown = objectInfo): Promise<Mapper> {
  mockGetContext.mockResolvedValue(clone(context));
  const element = createElement("c-tandem-field-mapper", { is: TandemFieldMapper }) as unknown as Mapper;
  element.definitionId = "a01000000000001AAA";
  document.body.appendChild(element);
  await flush();
  if (info) objectInfoAdapter.emit(clone(info));
  await flush();
  return element;
}

const root = (element: HTMLElement) => element.shadowRoot!;
const rows = (element: HTMLElement) => [
  ...root(element).querySelectorAll<HTMLElement & { row: Record<string, unknown> }>("c-tandem-field-mapping-row"),
];
const rowFor = (element: HTMLElement, key: string) => rows(element).find((row) => row.row.key === key);
const text = (element: HTMLElement, selector: string) => root(element).querySelector(selector)?.textContent ?? "";
const button = (element: HTMLElement, selector: string) => root(element).querySelector<HTMLElement>(selector)!;

function change(row: HTMLElement, field: string, value: unknown): void {
  row.dispatchEvent(
    new CustomEvent("rowchange", {
      detail: { key: (row as unknown as { row: { key: string } }).row.key, field, value },
    }),
  );
}

describe("c-tandem-field-mapper", () => {
  afterEach(() => {
    document.body.replaceChildren();
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it("shows one row per mappable Salesforce field joined with the saved mappings", async () => {
    const element = await createMapper();
    expect(mockGetContext).toHaveBeenCalledWith({ definitionId: "a01000000000001AAA" });
    const keys = rows(element).map((row) => row.row.key);
    expect(keys).toEqual([
      "Name",
      "Phone",
      "IsActive__c",
      "AnnualRevenue",
      "NumberOfEmployees",
      "Industry",
      "Score__c",
      "Tier__c",
    ]);
    expect(keys).not.toContain("BillingAddress");
    expect(keys).not.toContain("CreatedById");
    expect(rowFor(element, "Name")?.row.externalPath).toBe("name");
    expect(text(element, ".summary")).toBe(
      "2 of 8 fields mapped, 1 with type problems, 1 other mappings kept as they are.",
    );
    await expect(element).toBeAccessible();
  });

  it("marks an incompatible pair with the reason", async () => {
    const element = await createMapper();
    const revenue = rowFor(element, "AnnualRevenue");
    expect(revenue?.row.compatible).toBe(false);
    expect(revenue?.row.reason).toBe(
      "A Currency field cannot hold a boolean value; map it to number, integer, string.",
    );
  });

  it("flags the external system's required fields that are not mapped", async () => {
    const element = await createMapper();
    expect(text(element, ".external-gaps")).toBe("Required by the external system and not mapped: Customer code");
    expect(root(element).querySelector(".salesforce-gaps")).toBeNull();
  });

  it("flags Salesforce's required fields for inbound definitions", async () => {
    const context = { ...clone(mappingContext), direction: "Inbound", mappings: [] };
    const element = await createMapper(context);
    expect(text(element, ".salesforce-gaps")).toBe("Required in Salesforce and not mapped: Account Name");
    expect(root(element).querySelector(".external-gaps")).toBeNull();
  });

  it("shows the master per field only for bidirectional definitions", async () => {
    const element = await createMapper({ ...clone(mappingContext), direction: "Bidirectional" });
    expect((rows(element)[0] as unknown as { showMaster: boolean }).showMaster).toBe(true);
  });

  it("shows a spinner while the Salesforce fields load", async () => {
    const element = await createMapper(mappingContext, null);
    expect(root(element).querySelector("lightning-spinner")).not.toBeNull();
    expect(rows(element)).toHaveLength(0);
  });

  it("says so when the external entity describes no fields", async () => {
    const element = await createMapper({ ...clone(mappingContext), externalFields: [] });
    expect(text(element, ".empty")).toBe(
      "The external entity accounts describes no fields, so there is nothing to map.",
    );
    await expect(element).toBeAccessible();
  });

  it("says so when the object has no mappable fields", async () => {
    const info = { ...clone(objectInfo), fields: {} };
    const element = await createMapper(mappingContext, info);
    expect(text(element, ".empty")).toBe("Account has no fields you can map.");
  });

  it("shows the Apex message when the mapping context cannot be loaded", async () => {
    mockGetContext.mockRejectedValue({ body: { message: "You need the Tandem Admin permission set." }, status: 500 });
    const element = createElement("c-tandem-field-mapper", { is: TandemFieldMapper }) as unknown as Mapper;
    element.definitionId = "a01000000000001AAA";
    document.body.appendChild(element);
    await flush();
    const panel = root(element).querySelector<HTMLElement & { errors: unknown }>("c-tandem-error-panel.load-error");
    expect(panel?.errors).toEqual({ body: { message: "You need the Tandem Admin permission set." }, status: 500 });
    await expect(element).toBeAccessible();
  });

  it("shows the UI API error when the object cannot be described", async () => {
    const element = await createMapper(mappingContext, null);
    objectInfoAdapter.error({ message: "Object not supported" });
    await flush();
    expect(root(element).querySelector("c-tandem-error-panel.load-error")).not.toBeNull();
  });

  it("does nothing without a definition and reloads when the definition changes", async () => {
    const element = createElement("c-tandem-field-mapper", { is: TandemFieldMapper }) as unknown as Mapper;
    document.body.appendChild(element);
    await flush();
    expect(mockGetContext).not.toHaveBeenCalled();
    expect(await element.save()).toBe(false);
    mockGetContext.mockResolvedValue(clone(mappingContext));
    element.definitionId = "a01000000000002AAA";
    await flush();
    expect(mockGetContext).toHaveBeenCalledWith({ definitionId: "a01000000000002AAA" });
  });

  it("searches by label, API name or external field after a pause in typing", async () => {
    jest.useFakeTimers();
    const element = await createMapper();
    const search = root(element).querySelector(".search")!;
    search.dispatchEvent(new CustomEvent("change", { detail: { value: "phone" } }));
    jest.advanceTimersByTime(300);
    await flush();
    expect(rows(element).map((row) => row.row.key)).toEqual(["Phone"]);
    search.dispatchEvent(new CustomEvent("change", { detail: { value: "revenue" } }));
    jest.advanceTimersByTime(300);
    await flush();
    expect(rows(element).map((row) => row.row.key)).toEqual(["AnnualRevenue"]);
    search.dispatchEvent(new CustomEvent("change", { detail: { value: "zzz" } }));
    jest.advanceTimersByTime(300);
    await flush();
    expect(text(element, ".no-match")).toBe("No fields match the search and filter.");
  });

  it.each([
    ["mapped", ["Name", "AnnualRevenue"]],
    ["unmapped", ["Phone", "IsActive__c", "NumberOfEmployees", "Industry", "Score__c", "Tier__c"]],
    ["problems", ["AnnualRevenue"]],
    ["required", ["Name"]],
    ["all", ["Name", "Phone", "IsActive__c", "AnnualRevenue", "NumberOfEmployees", "Industry", "Score__c", "Tier__c"]],
  ])("filters the rows: %s", async (filter, expected) => {
    const element = await createMapper();
    root(element)
      .querySelector(".filter")
      ?.dispatchEvent(new CustomEvent("change", { detail: { value: filter } }));
    await flush();
    expect(rows(element).map((row) => row.row.key)).toEqual(expected);
  });

  it("renders only one page of rows and moves between pages", async () => {
    const info = clone(objectInfo) as { fields: Record<string, unknown> };
    for (let i = 0; i < 120; i++) {
      const apiName = `Field${String(i).padStart(3, "0")}__c`;
      info.fields[apiName] = {
        ...(info.fields.Phone as object),
        apiName,
        label: `Field ${String(i).padStart(3, "0")}`,
      };
    }
    const element = await createMapper(mappingContext, info);
    expect(rows(element)).toHaveLength(50);
    expect(text(element, ".page-label")).toBe("Fields 1–50 of 128, page 1 of 3");
    expect((button(element, ".previous") as unknown as { disabled: boolean }).disabled).toBe(true);
    button(element, ".next").click();
    await flush();
    expect(text(element, ".page-label")).toBe("Fields 51–100 of 128, page 2 of 3");
    button(element, ".next").click();
    await flush();
    expect(rows(element)).toHaveLength(28);
    expect((button(element, ".next") as unknown as { disabled: boolean }).disabled).toBe(true);
    button(element, ".previous").click();
    await flush();
    expect(text(element, ".page-label")).toBe("Fields 51–100 of 128, page 2 of 3");
  });

  it("auto-maps unmapped fields by name when the types are compatible", async () => {
    const element = await createMapper();
    button(element, ".auto-map").click();
    await flush();
    expect(rowFor(element, "Phone")?.row.externalPath).toBe("phone_number");
    expect(rowFor(element, "Industry")?.row.externalPath).toBe("industry");
    expect(rowFor(element, "Tier__c")?.row.externalPath).toBe("tier");
    expect(rowFor(element, "Phone")?.row.autoMapped).toBe(true);
    expect(text(element, ".status")).toBe("Auto-map mapped 3 fields by name. Check them before saving.");
    expect(element.hasUnsavedChanges).toBe(true);
    button(element, ".auto-map").click();
    await flush();
    expect(text(element, ".status")).toBe(
      "Auto-map found no further fields with a similar name and a compatible type.",
    );
  });

  it("applies a row's changes and re-checks the type when the external field changes", async () => {
    const element = await createMapper();
    change(rowFor(element, "AnnualRevenue") as HTMLElement, "externalPath", "code");
    await flush();
    expect(rowFor(element, "AnnualRevenue")?.row.compatible).toBe(true);
    change(rowFor(element, "AnnualRevenue") as HTMLElement, "writePolicy", "NeverOverwrite");
    await flush();
    expect(rowFor(element, "AnnualRevenue")?.row.writePolicy).toBe("NeverOverwrite");
    change(rowFor(element, "AnnualRevenue") as HTMLElement, "externalPath", "");
    await flush();
    expect(rowFor(element, "AnnualRevenue")?.row.externalPath).toBe("");
    expect(rowFor(element, "AnnualRevenue")?.row.transform).toBe("Direct");
  });

  it("opens the value map of a picklist row, applies its changes and closes it", async () => {
    const element = await createMapper();
    change(rowFor(element, "Industry") as HTMLElement, "externalPath", "industry");
    await flush();
    rowFor(element, "Industry")?.dispatchEvent(new CustomEvent("openvaluemap", { detail: { key: "Industry" } }));
    await flush();
    const editor = root(element).querySelector<HTMLElement & { allowedValues: string[]; fieldApiName: string }>(
      "c-tandem-value-map-editor",
    );
    expect(editor?.fieldApiName).toBe("Industry");
    expect(editor?.allowedValues).toEqual(["Banking", "Energy", "Other"]);
    editor?.dispatchEvent(new CustomEvent("change", { detail: { config: '{"default":{"Banking":"Banking"}}' } }));
    await flush();
    expect(rowFor(element, "Industry")?.row.transform).toBe("ValueMap");
    expect(rowFor(element, "Industry")?.row.transformConfig).toBe('{"default":{"Banking":"Banking"}}');
    editor?.dispatchEvent(new CustomEvent("close"));
    await flush();
    expect(root(element).querySelector("c-tandem-value-map-editor")).toBeNull();
  });

  it("saves every mapped row plus the constant mappings and reports the count", async () => {
    const element = await createMapper();
    change(rowFor(element, "AnnualRevenue") as HTMLElement, "externalPath", "code");
    await flush();
    mockSave.mockResolvedValue({ saved: true, errors: [], mappings: clone(mappingContext.mappings) });
    const saved = jest.fn();
    element.addEventListener("saved", saved);
    button(element, ".save").click();
    await flush();
    const sent = argOf<{ definitionId: string; mappings: Record<string, unknown>[] }>(mockSave, 0);
    expect(sent.definitionId).toBe("a01000000000001AAA");
    expect(sent.mappings.map((mapping) => mapping.externalPath)).toEqual(["name", "code", "source"]);
    expect(sent.mappings[2]).toMatchObject({ transform: "Constant", sortOrder: 3 });
    expect(saved).toHaveBeenCalled();
    expect(text(element, ".status")).toBe("Saved 3 mappings.");
    expect(element.hasUnsavedChanges).toBe(false);
  });

  it("shows FieldMapper's problems and keeps the edits when the mappings are refused", async () => {
    const element = await createMapper();
    mockSave.mockResolvedValue({ saved: false, errors: ["Mapping 2 (AnnualRevenue): the field does not exist."] });
    expect(await element.save()).toBe(false);
    await flush();
    const panel = root(element).querySelector<HTMLElement & { errors: unknown }>("c-tandem-error-panel.save-problems");
    expect(panel?.errors).toEqual(["Mapping 2 (AnnualRevenue): the field does not exist."]);
    await expect(element).toBeAccessible();
  });

  it("shows the Apex message when saving fails", async () => {
    const element = await createMapper();
    mockSave.mockRejectedValue({ body: { message: "The mappings were not saved: insufficient access." } });
    expect(await element.save()).toBe(false);
    await flush();
    const panel = root(element).querySelector<HTMLElement & { errors: unknown }>("c-tandem-error-panel.save-error");
    expect(panel?.errors).toEqual({ body: { message: "The mappings were not saved: insufficient access." } });
  });
});
