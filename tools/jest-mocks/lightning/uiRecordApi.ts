import type { FieldReference, FieldValue, RecordInput, RecordRepresentation } from "lightning/uiRecordApi";
import { createLdsTestWireAdapter } from "@salesforce/sfdx-lwc-jest";

// Drive them from tests with `.emit(record)` and `.error()`.
export const getRecord = createLdsTestWireAdapter(jest.fn());
export const getRecords = createLdsTestWireAdapter(jest.fn());

export const createRecord = jest.fn((input: RecordInput): Promise<Partial<RecordRepresentation>> =>
  Promise.resolve({ id: "001000000000001AAA", apiName: input.apiName ?? "", fields: {} }),
);
export const updateRecord = jest.fn((_input: RecordInput): Promise<Partial<RecordRepresentation>> =>
  Promise.resolve({}),
);
export const deleteRecord = jest.fn((_recordId: string): Promise<void> => Promise.resolve());
export const notifyRecordUpdateAvailable = jest.fn((_items: { recordId: string }[]): Promise<void> =>
  Promise.resolve(),
);
export const generateRecordInputForCreate = jest.fn((): RecordInput => ({ fields: {} }));
export const generateRecordInputForUpdate = jest.fn((): RecordInput => ({ fields: {} }));

/** "Account.Owner.Name" or a schema import → ["Owner", "Name"]: the path below the object. */
function fieldPath(field: FieldReference): string[] {
  const name = typeof field === "string" ? field : `${field.objectApiName}.${field.fieldApiName}`;
  return name.split(".").slice(1);
}

function fieldValueRepresentation(record: RecordRepresentation | undefined, field: FieldReference) {
  let current: unknown = record;
  let found: RecordRepresentation["fields"][string] | undefined;
  for (const name of fieldPath(field)) {
    found = (current as RecordRepresentation | undefined)?.fields[name];
    current = found?.value;
  }
  return found;
}

// Real behaviour rather than spies: components read records through these, so tests stay readable.
export function getFieldValue(record: RecordRepresentation | undefined, field: FieldReference): FieldValue | undefined {
  return fieldValueRepresentation(record, field)?.value;
}

export function getFieldDisplayValue(record: RecordRepresentation | undefined, field: FieldReference) {
  return fieldValueRepresentation(record, field)?.displayValue;
}
