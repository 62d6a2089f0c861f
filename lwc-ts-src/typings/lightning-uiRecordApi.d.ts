declare module "lightning/uiRecordApi" {
  import type { WireAdapterConstructor } from "lwc";
  import type { ObjectInfo } from "lightning/uiObjectInfoApi";

  /** What `@salesforce/schema/Account` imports at runtime. */
  export interface ObjectId {
    objectApiName: string;
  }

  /** What `@salesforce/schema/Account.Name` imports at runtime. */
  export interface FieldId {
    objectApiName: string;
    fieldApiName: string;
  }

  /** The `{ data, error }` pair every Lightning Data Service wire provisions; both are empty while loading. */
  export interface WireResult<T> {
    data?: T;
    error?: unknown;
  }

  export type FieldValue = RecordRepresentation | string | number | boolean | null;

  export interface FieldValueRepresentation {
    displayValue: string | null;
    value: FieldValue;
  }

  export interface RecordTypeInfo {
    available: boolean;
    defaultRecordTypeMapping: boolean;
    master: boolean;
    name: string;
    recordTypeId: string;
  }

  export interface RecordRepresentation {
    apiName: string;
    id: string;
    fields: Record<string, FieldValueRepresentation>;
    childRelationships: Record<string, unknown>;
    recordTypeId: string | null;
    recordTypeInfo: RecordTypeInfo | null;
    lastModifiedById: string | null;
    lastModifiedDate: string | null;
    systemModstamp: string | null;
    eTag?: string;
    weakEtag: number;
  }

  export interface RecordInput {
    /** Required to create; omitted to update (the Id field identifies the record). */
    apiName?: string;
    fields: Record<string, unknown>;
    allowSaveOnDuplicate?: boolean;
  }

  export type FieldReference = FieldId | string;

  export interface GetRecordConfig {
    recordId: string | undefined;
    fields?: FieldReference[];
    optionalFields?: FieldReference[];
    layoutTypes?: ("Compact" | "Full")[];
    modes?: ("Create" | "Edit" | "View")[];
  }

  export interface GetRecordsConfig {
    records: { recordIds: string[]; fields?: FieldReference[]; optionalFields?: FieldReference[] }[];
  }

  export interface BatchResultRepresentation {
    results: { statusCode: number; result: RecordRepresentation | { errorCode: string; message: string }[] }[];
  }

  export const getRecord: WireAdapterConstructor<GetRecordConfig, WireResult<RecordRepresentation>>;
  export const getRecords: WireAdapterConstructor<GetRecordsConfig, WireResult<BatchResultRepresentation>>;

  export function getFieldValue(
    record: RecordRepresentation | undefined,
    field: FieldReference,
  ): FieldValue | undefined;
  export function getFieldDisplayValue(
    record: RecordRepresentation | undefined,
    field: FieldReference,
  ): string | null | undefined;

  export function createRecord(recordInput: RecordInput & { apiName: string }): Promise<RecordRepresentation>;
  export function updateRecord(
    recordInput: RecordInput,
    clientOptions?: { ifUnmodifiedSince?: string },
  ): Promise<RecordRepresentation>;
  export function deleteRecord(recordId: string): Promise<void>;
  /** Tells Lightning Data Service that records changed outside it (for example in Apex), so wires refetch. */
  export function notifyRecordUpdateAvailable(items: { recordId: string }[]): Promise<void>;
  export function generateRecordInputForCreate(record: RecordRepresentation, objectInfo?: ObjectInfo): RecordInput;
  export function generateRecordInputForUpdate(record: RecordRepresentation, objectInfo?: ObjectInfo): RecordInput;
}
