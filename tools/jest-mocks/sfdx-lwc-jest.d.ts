// sfdx-lwc-jest ships no types; it re-exports the test wire adapters of its own dependency.
declare module "@salesforce/sfdx-lwc-jest" {
  export {
    createApexTestWireAdapter,
    createLdsTestWireAdapter,
    createTestWireAdapter,
  } from "@salesforce/wire-service-jest-util";
}
