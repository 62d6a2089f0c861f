/**
 * What the platform jar cannot tell about standard objects. Their names, fields, Apex types, lookups and
 * child relationships come from @salesforce/code-analyzer-pmd-engine's sobject-types jar
 * (platform/sobject-types.ts); this overlay adds, from the Object Reference for Salesforce and Lightning
 * Platform:
 * - real key prefixes (objects without one get a generated prefix, see platform/key-prefixes.ts);
 * - field types that share one Java type there (Picklist, Email, Phone, Url, TextArea, LongTextArea are all
 *   String; Currency is Decimal), lengths, precision, required and unique flags, defaults;
 * - the one parent the runtime pins a polymorphic lookup to (Task/Event WhatId → Account, WhoId → Contact),
 *   with the child relationship the parent lists them under, and child relationships the jar lacks.
 * Each entry's type and attributes replace the jar's; see DIVERGENCES.md for what stays approximate.
 */
import type { FieldSchema, FieldType } from "./schema";

export interface StandardOverlay {
  name: string;
  fields: [string, FieldType, Partial<FieldSchema>?][];
}

/** Real key prefixes of well-known standard objects. */
export const KEY_PREFIXES: Record<string, string> = {
  Account: "001",
  Note: "002",
  Contact: "003",
  User: "005",
  Opportunity: "006",
  Organization: "00D",
  UserRole: "00E",
  Group: "00G",
  OpportunityContactRole: "00K",
  Report: "00O",
  Attachment: "00P",
  Lead: "00Q",
  Task: "00T",
  Event: "00U",
  EmailTemplate: "00X",
  CaseComment: "00a",
  Profile: "00e",
  OpportunityLineItem: "00k",
  Folder: "00l",
  CampaignMember: "00v",
  RecordType: "012",
  Document: "015",
  Dashboard: "01Z",
  BusinessHours: "01m",
  ApexClass: "01p",
  ApexTrigger: "01q",
  Pricebook2: "01s",
  Product2: "01t",
  PricebookEntry: "01u",
  Asset: "02i",
  EmailMessage: "02s",
  ContentVersion: "068",
  ContentDocument: "069",
  ContentDocumentLink: "06A",
  StaticResource: "081",
  CronJobDetail: "08a",
  CronTrigger: "08e",
  OrgWideEmailAddress: "0D2",
  FeedItem: "0D5",
  PermissionSet: "0PS",
  PermissionSetAssignment: "0Pa",
  Quote: "0Q0",
  NamedCredential: "0XA",
  UserLicense: "100",
  Case: "500",
  Campaign: "701",
  AsyncApexJob: "707",
  Contract: "800",
  Order: "801",
};

const lookup = (to: string, childRelationship: string): Partial<FieldSchema> => ({
  referenceTo: [to],
  relationshipName: childRelationship,
});

const LONG_TEXT: Partial<FieldSchema> = { length: 32000 };

export const STANDARD_OVERLAYS: StandardOverlay[] = [
  {
    name: "Account",
    fields: [
      ["Name", "Text", { length: 255, required: true }],
      ["AccountNumber", "Text", { length: 40 }],
      ["Type", "Picklist"],
      ["Industry", "Picklist"],
      ["Phone", "Phone", { length: 40 }],
      ["Website", "Url", { length: 255 }],
      ["Description", "LongTextArea", LONG_TEXT],
      ["BillingCity", "Text", { length: 40 }],
      ["BillingCountry", "Text", { length: 80 }],
      ["BillingStreet", "TextArea", { length: 255 }],
      ["BillingPostalCode", "Text", { length: 20 }],
      ["BillingState", "Text", { length: 80 }],
      ["AnnualRevenue", "Currency", { precision: 18, scale: 0 }],
      ["NumberOfEmployees", "Number", { precision: 8, scale: 0 }],
      ["Rating", "Picklist"],
      ["Site", "Text", { length: 80 }],
    ],
  },
  {
    name: "Contact",
    fields: [
      ["FirstName", "Text", { length: 40 }],
      ["LastName", "Text", { length: 80, required: true }],
      ["Name", "Text", { length: 121 }],
      ["Email", "Email", { length: 80 }],
      ["Phone", "Phone", { length: 40 }],
      ["Title", "Text", { length: 128 }],
      ["Salutation", "Picklist"],
      ["LeadSource", "Picklist"],
      ["MobilePhone", "Phone", { length: 40 }],
      ["Department", "Text", { length: 80 }],
      ["Description", "LongTextArea", LONG_TEXT],
    ],
  },
  {
    name: "Lead",
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
    fields: [
      ["Name", "Text", { length: 120, required: true }],
      ["StageName", "Picklist", { required: true }],
      ["CloseDate", "Date", { required: true }],
      ["Amount", "Currency", { precision: 18, scale: 2 }],
      ["Description", "LongTextArea", LONG_TEXT],
    ],
  },
  {
    name: "User",
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
      ["ProfileId", "Lookup", { required: true }],
      ["IsActive", "Checkbox", { defaultValue: "true" }],
      ["UserType", "Picklist"],
      ["CommunityNickname", "Text", { length: 40 }],
    ],
  },
  {
    name: "Profile",
    fields: [
      ["Name", "Text", { length: 255, required: true }],
      ["UserType", "Picklist"],
    ],
  },
  {
    name: "PermissionSet",
    fields: [
      ["Name", "Text", { length: 80, required: true }],
      ["Label", "Text", { length: 80 }],
      ["NamespacePrefix", "Text", { length: 15 }],
      // the jar's Profile lists no PermissionSets relationship
      ["ProfileId", "Lookup", lookup("Profile", "PermissionSets")],
    ],
  },
  {
    name: "PermissionSetAssignment",
    fields: [
      ["AssigneeId", "Lookup", { required: true }],
      ["PermissionSetId", "Lookup", { required: true }],
    ],
  },
  {
    name: "Group",
    fields: [
      ["Name", "Text", { length: 40, required: true }],
      ["DeveloperName", "Text", { length: 80 }],
      ["Type", "Picklist"],
    ],
  },
  {
    name: "Organization",
    fields: [
      ["Name", "Text", { length: 80 }],
      ["OrganizationType", "Picklist"],
      ["NamespacePrefix", "Text", { length: 15 }],
      ["InstanceName", "Text", { length: 5 }],
      ["TimeZoneSidKey", "Picklist"],
    ],
  },
  {
    name: "Task",
    fields: [
      ["Status", "Picklist", { required: true, defaultValue: "Not Started" }],
      ["Priority", "Picklist", { required: true, defaultValue: "Normal" }],
      ["WhatId", "Lookup", lookup("Account", "Tasks")],
      ["WhoId", "Lookup", lookup("Contact", "Tasks")],
      ["Description", "LongTextArea", LONG_TEXT],
    ],
  },
  {
    name: "Event",
    fields: [
      ["WhatId", "Lookup", lookup("Account", "Events")],
      ["WhoId", "Lookup", lookup("Contact", "Events")],
      ["Description", "LongTextArea", LONG_TEXT],
    ],
  },
  {
    name: "AsyncApexJob",
    fields: [
      ["Status", "Picklist"],
      ["JobType", "Picklist"],
    ],
  },
  { name: "CronTrigger", fields: [["State", "Picklist"]] },
  {
    name: "RecordType",
    fields: [
      ["Name", "Text", { length: 80 }],
      ["DeveloperName", "Text", { length: 80 }],
      ["SobjectType", "Picklist"],
    ],
  },
  {
    name: "NamedCredential",
    fields: [
      ["DeveloperName", "Text", { length: 80 }],
      ["MasterLabel", "Text", { length: 80 }],
      ["Endpoint", "Url", { length: 255 }],
    ],
  },
];
