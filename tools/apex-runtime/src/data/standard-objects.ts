/**
 * Standard objects the package touches, with their real key prefixes and the fields used so far.
 * Hand-written from the Object Reference for Salesforce and Lightning Platform; extend as the package
 * needs more (see DIVERGENCES.md: standard schemas are partial).
 */
import type { FieldSchema, FieldType } from "./schema";

export interface StandardObjectDef {
  name: string;
  prefix: string;
  owner?: boolean;
  fields: [string, FieldType, Partial<FieldSchema>?][];
}

const lookup = (to: string, rel: string, extra: Partial<FieldSchema> = {}): Partial<FieldSchema> => ({
  referenceTo: [to],
  relationshipName: rel,
  ...extra,
});

export const STANDARD_OBJECTS: StandardObjectDef[] = [
  {
    name: "Account",
    prefix: "001",
    owner: true,
    fields: [
      ["Name", "Text", { length: 255, required: true }],
      ["AccountNumber", "Text", { length: 40 }],
      ["Type", "Picklist"],
      ["Industry", "Picklist"],
      ["Phone", "Phone", { length: 40 }],
      ["Website", "Url", { length: 255 }],
      ["Description", "LongTextArea", { length: 32000 }],
      ["BillingCity", "Text", { length: 40 }],
      ["BillingCountry", "Text", { length: 80 }],
      ["BillingStreet", "TextArea", { length: 255 }],
      ["BillingPostalCode", "Text", { length: 20 }],
      ["BillingState", "Text", { length: 80 }],
      ["AnnualRevenue", "Currency", { precision: 18, scale: 0 }],
      ["NumberOfEmployees", "Number", { precision: 8, scale: 0 }],
      ["ParentId", "Lookup", lookup("Account", "ChildAccounts")],
      ["BillingAddress", "Address"],
      ["ShippingAddress", "Address"],
      ["Rating", "Picklist"],
      ["Site", "Text", { length: 80 }],
    ],
  },
  {
    name: "Contact",
    prefix: "003",
    owner: true,
    fields: [
      ["FirstName", "Text", { length: 40 }],
      ["LastName", "Text", { length: 80, required: true }],
      ["Name", "Text", { length: 121 }],
      ["Email", "Email", { length: 80 }],
      ["Phone", "Phone", { length: 40 }],
      ["Title", "Text", { length: 128 }],
      ["DoNotCall", "Checkbox"],
      ["Salutation", "Picklist"],
      ["LeadSource", "Picklist"],
      ["ReportsToId", "Lookup", lookup("Contact", "ReportsTo")],
      ["HasOptedOutOfEmail", "Checkbox"],
      ["MobilePhone", "Phone", { length: 40 }],
      ["Department", "Text", { length: 80 }],
      ["AccountId", "Lookup", lookup("Account", "Contacts")],
      ["Birthdate", "Date"],
      ["Description", "LongTextArea", { length: 32000 }],
    ],
  },
  {
    name: "Lead",
    prefix: "00Q",
    owner: true,
    fields: [
      ["FirstName", "Text", { length: 40 }],
      ["LastName", "Text", { length: 80, required: true }],
      ["Name", "Text", { length: 121 }],
      ["Company", "Text", { length: 255, required: true }],
      ["Email", "Email", { length: 80 }],
      ["Status", "Picklist", { defaultValue: "Open - Not Contacted" }],
    ],
  },
  {
    name: "Opportunity",
    prefix: "006",
    owner: true,
    fields: [
      ["Name", "Text", { length: 120, required: true }],
      ["StageName", "Picklist", { required: true }],
      ["CloseDate", "Date", { required: true }],
      ["Amount", "Currency", { precision: 18, scale: 2 }],
      ["AccountId", "Lookup", lookup("Account", "Opportunities")],
      ["Description", "LongTextArea", { length: 32000 }],
    ],
  },
  {
    name: "User",
    prefix: "005",
    fields: [
      ["Username", "Text", { length: 80, required: true, unique: true }],
      ["LastName", "Text", { length: 80, required: true }],
      ["FirstName", "Text", { length: 40 }],
      ["Name", "Text", { length: 121 }],
      ["Email", "Email", { length: 128, required: true }],
      ["Alias", "Text", { length: 8, required: true }],
      ["TimeZoneSidKey", "Picklist", { required: true }],
      ["LocaleSidKey", "Picklist", { required: true }],
      ["EmailEncodingKey", "Picklist", { required: true }],
      ["LanguageLocaleKey", "Picklist", { required: true }],
      ["ProfileId", "Lookup", lookup("Profile", "Users", { required: true })],
      ["IsActive", "Checkbox", { defaultValue: "true" }],
      ["UserType", "Picklist"],
      ["CommunityNickname", "Text", { length: 40 }],
    ],
  },
  {
    name: "Profile",
    prefix: "00e",
    fields: [
      ["Name", "Text", { length: 255, required: true }],
      ["UserType", "Picklist"],
      ["UserLicenseId", "Id"],
    ],
  },
  {
    name: "PermissionSet",
    prefix: "0PS",
    fields: [
      ["Name", "Text", { length: 80, required: true }],
      ["Label", "Text", { length: 80 }],
      ["NamespacePrefix", "Text", { length: 15 }],
      ["IsOwnedByProfile", "Checkbox"],
      ["ProfileId", "Lookup", lookup("Profile", "PermissionSets")],
    ],
  },
  {
    name: "PermissionSetAssignment",
    prefix: "0Pa",
    fields: [
      ["AssigneeId", "Lookup", lookup("User", "PermissionSetAssignments", { required: true })],
      ["PermissionSetId", "Lookup", lookup("PermissionSet", "Assignments", { required: true })],
    ],
  },
  {
    name: "Group",
    prefix: "00G",
    owner: true,
    fields: [
      ["Name", "Text", { length: 40, required: true }],
      ["DeveloperName", "Text", { length: 80 }],
      ["Type", "Picklist"],
    ],
  },
  {
    name: "Organization",
    prefix: "00D",
    fields: [
      ["Name", "Text", { length: 80 }],
      ["IsSandbox", "Checkbox"],
      ["OrganizationType", "Picklist"],
      ["NamespacePrefix", "Text", { length: 15 }],
      ["InstanceName", "Text", { length: 5 }],
      ["TimeZoneSidKey", "Picklist"],
    ],
  },
  {
    name: "Task",
    prefix: "00T",
    owner: true,
    fields: [
      ["Subject", "Text", { length: 255 }],
      ["Status", "Picklist", { required: true, defaultValue: "Not Started" }],
      ["Priority", "Picklist", { required: true, defaultValue: "Normal" }],
      ["WhatId", "Lookup", lookup("Account", "Tasks")],
      ["WhoId", "Lookup", lookup("Contact", "Tasks")],
      ["ActivityDate", "Date"],
      ["Description", "LongTextArea", { length: 32000 }],
    ],
  },
  {
    name: "AsyncApexJob",
    prefix: "707",
    fields: [
      ["Status", "Picklist"],
      ["JobType", "Picklist"],
      ["NumberOfErrors", "Number"],
      ["JobItemsProcessed", "Number"],
      ["TotalJobItems", "Number"],
      ["ExtendedStatus", "Text", { length: 255 }],
      ["ApexClassId", "Id"],
      ["CompletedDate", "DateTime"],
    ],
  },
  {
    name: "CronTrigger",
    prefix: "08e",
    fields: [
      ["CronExpression", "Text", { length: 255 }],
      ["State", "Picklist"],
      ["NextFireTime", "DateTime"],
      ["TimesTriggered", "Number"],
      ["CronJobDetailId", "Id"],
    ],
  },
  {
    name: "RecordType",
    prefix: "012",
    fields: [
      ["Name", "Text", { length: 80 }],
      ["DeveloperName", "Text", { length: 80 }],
      ["SobjectType", "Picklist"],
    ],
  },
  {
    name: "NamedCredential",
    prefix: "0XA",
    fields: [
      ["DeveloperName", "Text", { length: 80 }],
      ["MasterLabel", "Text", { length: 80 }],
      ["Endpoint", "Url", { length: 255 }],
    ],
  },
];
