import { createLdsTestWireAdapter } from "@salesforce/sfdx-lwc-jest";

// Drive them from tests with `.emit(objectInfo)` and `.error()`.
export const getObjectInfo = createLdsTestWireAdapter(jest.fn());
export const getObjectInfos = createLdsTestWireAdapter(jest.fn());
export const getPicklistValues = createLdsTestWireAdapter(jest.fn());
export const getPicklistValuesByRecordType = createLdsTestWireAdapter(jest.fn());
