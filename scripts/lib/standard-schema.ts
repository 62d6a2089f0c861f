/**
 * The standard objects and fields the metadata gate accepts without source. Deliberately small: only what a
 * sync package plausibly names in permission sets, layouts and list views. A reference to anything else
 * standard fails with a message pointing here; add the name (checked against the Object Reference) rather
 * than loosening the check. Names are lower-cased for lookups.
 */

/** Fields every custom object (`__c`) has. */
const CUSTOM_OBJECT_FIELDS = [
  "Id",
  "Name",
  "OwnerId",
  "RecordTypeId",
  "CurrencyIsoCode",
  "IsDeleted",
  "CreatedById",
  "CreatedDate",
  "LastModifiedById",
  "LastModifiedDate",
  "SystemModstamp",
  "LastActivityDate",
  "LastViewedDate",
  "LastReferencedDate",
];
const CUSTOM_METADATA_FIELDS = [
  "Id",
  "DeveloperName",
  "MasterLabel",
  "Label",
  "Language",
  "NamespacePrefix",
  "QualifiedApiName",
];
const PLATFORM_EVENT_FIELDS = ["ReplayId", "EventUuid", "CreatedById", "CreatedDate"];

/** Fields every standard object listed below has. */
const COMMON_FIELDS = [
  "Id",
  "Name",
  "OwnerId",
  "CreatedById",
  "CreatedDate",
  "LastModifiedById",
  "LastModifiedDate",
  "SystemModstamp",
];

const STANDARD_OBJECTS: Record<string, string[]> = {
  Account: [
    "AccountNumber",
    "Type",
    "Industry",
    "ParentId",
    "Phone",
    "Website",
    "BillingStreet",
    "BillingCity",
    "BillingState",
    "BillingPostalCode",
    "BillingCountry",
    "ShippingStreet",
    "ShippingCity",
    "ShippingState",
    "ShippingPostalCode",
    "ShippingCountry",
    "Description",
    "AnnualRevenue",
    "NumberOfEmployees",
  ],
  Contact: [
    "AccountId",
    "FirstName",
    "LastName",
    "Email",
    "Phone",
    "MobilePhone",
    "Title",
    "MailingStreet",
    "MailingCity",
    "MailingState",
    "MailingPostalCode",
    "MailingCountry",
  ],
  Lead: ["FirstName", "LastName", "Company", "Email", "Phone", "Status", "LeadSource"],
  Opportunity: ["AccountId", "Amount", "CloseDate", "StageName", "Probability", "Type", "LeadSource"],
  Case: ["AccountId", "ContactId", "Subject", "Description", "Status", "Priority", "Origin", "CaseNumber"],
  Contract: ["AccountId", "ContractNumber", "StartDate", "EndDate", "ContractTerm", "Status"],
  Order: ["AccountId", "OrderNumber", "EffectiveDate", "EndDate", "Status", "TotalAmount"],
  Product2: ["ProductCode", "Description", "Family", "IsActive"],
  Asset: ["AccountId", "ContactId", "Product2Id", "SerialNumber", "Status", "Quantity", "InstallDate"],
  User: ["Username", "Email", "FirstName", "LastName", "IsActive", "ProfileId"],
  Task: ["WhoId", "WhatId", "Subject", "Status", "ActivityDate", "Priority"],
  Event: ["WhoId", "WhatId", "Subject", "StartDateTime", "EndDateTime"],
};

const lower = (names: string[]): Set<string> => new Set(names.map((name) => name.toLowerCase()));
const standardFields = new Map(
  Object.entries(STANDARD_OBJECTS).map(([object, fields]) => [
    object.toLowerCase(),
    lower([...COMMON_FIELDS, ...fields]),
  ]),
);
const customObjectFields = lower(CUSTOM_OBJECT_FIELDS);
const customMetadataFields = lower(CUSTOM_METADATA_FIELDS);
const platformEventFields = lower(PLATFORM_EVENT_FIELDS);

/** True for API names the package must define itself: custom objects, custom metadata types, platform events. */
export const isCustomName = (name: string): boolean => /__(c|mdt|e)$/i.test(name);

export const isStandardObject = (object: string): boolean => standardFields.has(object.toLowerCase());

/** Is `field` (not ending in __c) a standard field of `object`? Custom objects get their system fields. */
export function isStandardField(object: string, field: string): boolean {
  const name = field.toLowerCase();
  if (/__c$/i.test(object)) return customObjectFields.has(name);
  if (/__mdt$/i.test(object)) return customMetadataFields.has(name);
  if (/__e$/i.test(object)) return platformEventFields.has(name);
  return standardFields.get(object.toLowerCase())?.has(name) ?? false;
}
