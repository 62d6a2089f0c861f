declare module "lightning/uiObjectInfoApi" {
  import type { WireAdapterConstructor } from "lwc";
  import type { FieldId, ObjectId, RecordTypeInfo, WireResult } from "lightning/uiRecordApi";

  export type FieldDataType =
    | "Address"
    | "Base64"
    | "Boolean"
    | "ComboBox"
    | "ComplexValue"
    | "Currency"
    | "Date"
    | "DateTime"
    | "Double"
    | "Email"
    | "EncryptedString"
    | "Int"
    | "Location"
    | "Long"
    | "MultiPicklist"
    | "Percent"
    | "Phone"
    | "Picklist"
    | "Reference"
    | "String"
    | "TextArea"
    | "Time"
    | "Url";

  export interface ReferenceToInfo {
    apiName: string;
    nameFields: string[];
  }

  export interface FieldInfo {
    apiName: string;
    label: string;
    dataType: FieldDataType;
    required: boolean;
    createable: boolean;
    updateable: boolean;
    calculated: boolean;
    compound: boolean;
    nameField: boolean;
    externalId: boolean;
    unique: boolean;
    length: number;
    precision: number;
    scale: number;
    relationshipName: string | null;
    referenceToInfos: ReferenceToInfo[];
    controllerName: string | null;
    inlineHelpText: string | null;
  }

  export interface ChildRelationship {
    childObjectApiName: string;
    fieldName: string;
    relationshipName: string;
  }

  export interface ObjectInfo {
    apiName: string;
    label: string;
    labelPlural: string;
    keyPrefix: string | null;
    custom: boolean;
    createable: boolean;
    updateable: boolean;
    deletable: boolean;
    queryable: boolean;
    defaultRecordTypeId: string | null;
    nameFields: string[];
    fields: Record<string, FieldInfo>;
    recordTypeInfos: Record<string, RecordTypeInfo>;
    childRelationships: ChildRelationship[];
  }

  export interface PicklistValue {
    label: string;
    value: string;
    validFor: number[];
    attributes: Record<string, unknown> | null;
  }

  export interface PicklistValues {
    controllerValues: Record<string, number>;
    defaultValue: PicklistValue | null;
    values: PicklistValue[];
  }

  export interface PicklistValuesByRecordType {
    picklistFieldValues: Record<string, PicklistValues>;
  }

  export interface ObjectInfos {
    results: { statusCode: number; result: ObjectInfo }[];
  }

  export const getObjectInfo: WireAdapterConstructor<
    { objectApiName: ObjectId | string | undefined },
    WireResult<ObjectInfo>
  >;
  export const getObjectInfos: WireAdapterConstructor<
    { objectApiNames: (ObjectId | string)[] },
    WireResult<ObjectInfos>
  >;
  export const getPicklistValues: WireAdapterConstructor<
    { recordTypeId: string | undefined; fieldApiName: FieldId | string },
    WireResult<PicklistValues>
  >;
  export const getPicklistValuesByRecordType: WireAdapterConstructor<
    { objectApiName: ObjectId | string; recordTypeId: string | undefined },
    WireResult<PicklistValuesByRecordType>
  >;
}
