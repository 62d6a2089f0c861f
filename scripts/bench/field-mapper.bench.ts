/**
 * Renders the field-mapping editor with 800 Salesforce fields and 800 external fields in jsdom and times the
 * first render, a search, a filter, paging and auto-map. Prints the figures and writes them to
 * scripts/bench/results/field-mapper.json. Run with `npm run bench`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createElement } from "lwc";
import TandemFieldMapper from "c/tandemFieldMapper";
import { getObjectInfo } from "lightning/uiObjectInfoApi";
import getMappingContext from "@salesforce/apex/FieldMappingController.getMappingContext";

jest.mock("@salesforce/apex/FieldMappingController.getMappingContext", () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock("@salesforce/apex/FieldMappingController.saveMappings", () => ({ default: jest.fn() }), { virtual: true });

const FIELDS = 800;
const RUNS = 5;
const TYPES = ["String", "Picklist", "Double", "Int", "Boolean", "Date", "DateTime", "Reference", "Currency", "Email"];
const EXTERNAL_TYPES = [
  "string",
  "string",
  "number",
  "integer",
  "boolean",
  "date",
  "datetime",
  "id",
  "number",
  "string",
];
const adapter = getObjectInfo as unknown as { emit(value: unknown): void };

function objectInfo() {
  const fields: Record<string, unknown> = {};
  for (let i = 0; i < FIELDS; i++) {
    const apiName = `Custom_Field_${i}__c`;
    fields[apiName] = {
      apiName,
      label: `Custom field ${i}`,
      dataType: TYPES[i % TYPES.length],
      required: i % 50 === 0,
      createable: true,
      updateable: true,
      calculated: false,
    };
  }
  return { apiName: "Account", defaultRecordTypeId: "012000000000000AAA", fields, recordTypeInfos: {} };
}

function context() {
  return {
    definitionId: "a01000000000001AAA",
    salesforceObject: "Account",
    externalEntity: "accounts",
    direction: "Outbound",
    externalFields: Array.from({ length: FIELDS }, (_, i) => ({
      path: `custom.field_${i}`,
      label: `Custom field ${i}`,
      type: EXTERNAL_TYPES[i % EXTERNAL_TYPES.length],
      required: i % 100 === 0,
    })),
    recordTypes: [],
    mappings: Array.from({ length: FIELDS / 2 }, (_, i) => ({
      id: `a02${String(i).padStart(15, "0")}`,
      salesforceField: `Custom_Field_${i * 2}__c`,
      externalPath: `custom.field_${i * 2}`,
      writePolicy: "Always",
      transform: "Direct",
      active: true,
    })),
  };
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

interface Sample {
  renderMs: number;
  searchMs: number;
  filterMs: number;
  nextPageMs: number;
  autoMapMs: number;
  renderedRows: number;
}

async function once(): Promise<Sample> {
  (getMappingContext as unknown as jest.Mock).mockResolvedValue(context());
  const element = createElement("c-tandem-field-mapper", { is: TandemFieldMapper }) as HTMLElement & {
    definitionId: string;
  };
  element.definitionId = "a01000000000001AAA";
  document.body.appendChild(element);
  await flush();
  const root = element.shadowRoot!;
  const count = () => root.querySelectorAll("c-tandem-field-mapping-row").length;

  let started = performance.now();
  adapter.emit(objectInfo());
  await flush();
  const renderMs = performance.now() - started;
  const renderedRows = count();

  const search = root.querySelector(".search")!;
  started = performance.now();
  search.dispatchEvent(new CustomEvent("change", { detail: { value: "field 7" } }));
  jest.advanceTimersByTime(300); // the debounce is skipped, not measured
  await flush();
  const searchMs = performance.now() - started;

  search.dispatchEvent(new CustomEvent("change", { detail: { value: "" } }));
  jest.advanceTimersByTime(300);
  await flush();
  started = performance.now();
  root.querySelector(".filter")?.dispatchEvent(new CustomEvent("change", { detail: { value: "unmapped" } }));
  await flush();
  const filterMs = performance.now() - started;

  started = performance.now();
  root.querySelector<HTMLElement>(".next")!.click();
  await flush();
  const nextPageMs = performance.now() - started;

  started = performance.now();
  root.querySelector<HTMLElement>(".auto-map")!.click();
  await flush();
  const autoMapMs = performance.now() - started;

  document.body.replaceChildren();
  return { renderMs, searchMs, filterMs, nextPageMs, autoMapMs, renderedRows };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] * 10) / 10;
}

describe("field mapper benchmark", () => {
  it(`renders and filters ${FIELDS} fields`, async () => {
    // Fake timers skip the search debounce; the clocks stay real so the figures are wall time.
    jest.useFakeTimers({ doNotFake: ["performance", "Date"] });
    await once(); // warm-up: module loading and JIT
    const samples: Sample[] = [];
    for (let i = 0; i < RUNS; i++) samples.push(await once());
    const figures = {
      fields: FIELDS,
      externalFields: FIELDS,
      runs: RUNS,
      environment: `jsdom (sfdx-lwc-jest), node ${process.version}`,
      renderedRowsPerPage: samples[0].renderedRows,
      medianMs: {
        firstRender: median(samples.map((s) => s.renderMs)),
        search: median(samples.map((s) => s.searchMs)),
        filter: median(samples.map((s) => s.filterMs)),
        nextPage: median(samples.map((s) => s.nextPageMs)),
        autoMap: median(samples.map((s) => s.autoMapMs)),
      },
      samples,
      measuredAt: new Date().toISOString(),
    };
    const out = join(__dirname, "results");
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, "field-mapper.json"), `${JSON.stringify(figures, null, 2)}\n`);
    process.stdout.write(
      `field-mapper bench: ${JSON.stringify(figures.medianMs)} (rows rendered per page: ${figures.renderedRowsPerPage})\n`,
    );
    expect(figures.renderedRowsPerPage).toBe(50);
  });
});
