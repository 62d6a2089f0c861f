// Scoped @salesforce/* modules that @salesforce/lightning-types does not declare.
// Wildcard module declarations only work in a file without top-level import/export.

declare module "@salesforce/schema/*" {
  /**
   * `@salesforce/schema/Account.Name` is a field reference; `@salesforce/schema/Account` is an object
   * reference whose value has no `fieldApiName`. One wildcard cannot tell them apart, so both are typed as
   * the field form: pass object references only where an object is expected.
   */
  const reference: import("lightning/uiRecordApi").FieldId;
  export default reference;
}

declare module "@salesforce/label/*" {
  const label: string;
  export default label;
}

declare module "@salesforce/customPermission/*" {
  /** True when the running user has the custom permission. */
  const hasPermission: boolean;
  export default hasPermission;
}

declare module "@salesforce/userPermission/*" {
  const hasPermission: boolean;
  export default hasPermission;
}

declare module "@salesforce/resourceUrl/*" {
  const url: string;
  export default url;
}

declare module "@salesforce/messageChannel/*" {
  const channel: import("lightning/messageService").MessageChannel;
  export default channel;
}

// `@salesforce/apex/<Class>.<method>` modules are generated from the Apex sources (generated/apex.d.ts),
// so a call to a method that does not exist fails the type-check.
declare module "@salesforce/apex" {
  /** Re-runs the wire that produced `wiredValue` (the value a `@wire(apexMethod)` provisioned). */
  export function refreshApex(wiredValue: unknown): Promise<void>;
  /** Reads a field from an SObject returned by Apex, following relationships ("Account.Name"). */
  export function getSObjectValue(
    sObject: Readonly<Record<string, unknown>>,
    field: import("lightning/uiRecordApi").FieldId | string,
  ): unknown;
}
