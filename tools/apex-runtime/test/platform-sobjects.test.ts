import { test } from "node:test";
import assert from "node:assert/strict";
import { readClassFile } from "../src/data/platform/class-file";
import { readJarEntries } from "../src/data/platform/jar";
import { locateSObjectTypesJar, sobjectTypesJarIn } from "../src/data/platform/locate-jar";
import { generatedKeyPrefix } from "../src/data/platform/key-prefixes";
import { Schema, type FieldType } from "../src/data/schema";
import { KEY_PREFIXES } from "../src/data/standard-objects";
import { harness } from "./harness";

const schema = new Schema();

function fieldOf(object: string, name: string) {
  const f = schema.get(object)?.fields.get(name.toLowerCase());
  assert.ok(f, `${object}.${name} resolves`);
  return f;
}

test("standard fields the hand-written list never had come from the jar with their types", () => {
  const cases: [string, string, FieldType, { length?: number; scale?: number; referenceTo?: string[] }?][] = [
    ["Account", "Jigsaw", "Text", { length: 255 }],
    ["Account", "ShippingCity", "Text", { length: 255 }],
    ["Account", "IsPartner", "Checkbox"],
    ["Account", "LastActivityDate", "Date"],
    ["Account", "ShippingAddress", "Address"],
    ["Contact", "Birthdate", "Date"],
    ["Contact", "MailingAddress", "Address"],
    ["Contact", "EmailBouncedDate", "DateTime"],
    ["Opportunity", "Probability", "Number"],
    ["Opportunity", "IsWon", "Checkbox"],
    ["Task", "CallDurationInSeconds", "Number", { scale: 0 }],
    ["Attachment", "Body", "Base64"],
    ["BusinessHours", "MondayStartTime", "Time"],
    ["AccountHistory", "OldValue", "AnyType"],
    ["Opportunity", "CampaignId", "Lookup", { referenceTo: ["Campaign"] }],
    ["Profile", "UserLicenseId", "Lookup", { referenceTo: ["UserLicense"] }],
  ];
  for (const [object, name, type, extra] of cases) {
    const f = fieldOf(object, name);
    assert.equal(f.type, type, `${object}.${name} type`);
    assert.equal(f.custom, false);
    if (extra?.length !== undefined) assert.equal(f.length, extra.length, `${object}.${name} length`);
    if (extra?.scale !== undefined) assert.equal(f.scale, extra.scale, `${object}.${name} scale`);
    if (extra?.referenceTo) assert.deepEqual(f.referenceTo, extra.referenceTo, `${object}.${name} referenceTo`);
  }
});

test("the overlay keeps what the jar cannot tell: types, lengths, required flags, defaults", () => {
  const cases: [string, string, FieldType, { length?: number; required?: boolean; defaultValue?: string }][] = [
    ["Account", "Name", "Text", { length: 255, required: true }],
    ["Account", "Industry", "Picklist", {}],
    ["Account", "Phone", "Phone", { length: 40 }],
    ["Account", "Description", "LongTextArea", { length: 32000 }],
    ["Contact", "LastName", "Text", { length: 80, required: true }],
    ["Contact", "Email", "Email", { length: 80 }],
    ["Opportunity", "Amount", "Currency", {}],
    ["Lead", "Status", "Picklist", { defaultValue: "Open - Not Contacted" }],
    ["User", "ProfileId", "Lookup", { required: true }],
    ["Task", "Status", "Picklist", { required: true, defaultValue: "Not Started" }],
  ];
  for (const [object, name, type, want] of cases) {
    const f = fieldOf(object, name);
    assert.equal(f.type, type, `${object}.${name} type`);
    for (const [k, v] of Object.entries(want)) assert.equal(f[k as keyof typeof want], v, `${object}.${name} ${k}`);
  }
  assert.deepEqual(fieldOf("User", "ProfileId").referenceTo, ["Profile"], "an overlay flag keeps the jar's parent");
});

test("system fields stay system fields on jar objects", () => {
  for (const name of ["Id", "CreatedDate", "CreatedById", "LastModifiedById", "SystemModstamp"]) {
    assert.equal(fieldOf("Case", name).system, true, `Case.${name}`);
  }
  assert.equal(fieldOf("Case", "OwnerId").system, false);
});

test("parent relationships resolve from the jar's lookups", () => {
  const cases: [string, string, string, string[]][] = [
    ["Contact", "Account", "AccountId", ["Account"]],
    ["Contact", "ReportsTo", "ReportsToId", ["Contact"]],
    ["Case", "Account", "AccountId", ["Account"]],
    ["Account", "Owner", "OwnerId", ["User"]],
    ["Lead", "Owner", "OwnerId", ["Group", "User"]],
    ["Task", "What", "WhatId", ["Account"]],
    ["Task", "Who", "WhoId", ["Contact"]],
  ];
  for (const [object, relationship, field, referenceTo] of cases) {
    const f = schema.relationshipField(schema.get(object)!, relationship);
    assert.equal(f?.name, field, `${object}.${relationship}`);
    assert.deepEqual(f.referenceTo, referenceTo, `${object}.${relationship} → ${referenceTo.join(", ")}`);
  }
});

test("child relationships come from the jar's child arrays, polymorphic ones from the overlay", () => {
  const cases: [string, string, string, string][] = [
    ["Account", "Contacts", "Contact", "AccountId"],
    ["Account", "ChildAccounts", "Account", "ParentId"],
    ["Account", "Opportunities", "Opportunity", "AccountId"],
    ["Account", "Cases", "Case", "AccountId"],
    ["Account", "Attachments", "Attachment", "ParentId"],
    ["Account", "Tasks", "Task", "WhatId"],
    ["Contact", "Tasks", "Task", "WhoId"],
    ["Account", "Events", "Event", "WhatId"],
    ["Profile", "Users", "User", "ProfileId"],
    ["Profile", "PermissionSets", "PermissionSet", "ProfileId"],
    ["User", "PermissionSetAssignments", "PermissionSetAssignment", "AssigneeId"],
    ["PermissionSet", "Assignments", "PermissionSetAssignment", "PermissionSetId"],
  ];
  for (const [parent, name, childObject, field] of cases) {
    assert.deepEqual(
      schema.get(parent)?.children.get(name.toLowerCase()),
      { name, childObject, field },
      `${parent}.${name}`,
    );
  }
});

test("well-known objects keep their real key prefixes; the rest get distinct generated ones", () => {
  const cases: [string, string][] = [
    ["Account", "001"],
    ["Contact", "003"],
    ["User", "005"],
    ["Opportunity", "006"],
    ["Lead", "00Q"],
    ["Task", "00T"],
    ["Profile", "00e"],
    ["PermissionSet", "0PS"],
    ["PermissionSetAssignment", "0Pa"],
    ["Organization", "00D"],
    ["AsyncApexJob", "707"],
    ["CronTrigger", "08e"],
    ["Case", "500"],
    ["Campaign", "701"],
  ];
  for (const [object, prefix] of cases) {
    assert.equal(schema.get(object)?.keyPrefix, prefix, object);
    assert.equal(schema.byPrefix(prefix)?.name, object, prefix);
  }
  const seen = new Map<string, string>();
  for (const o of schema.objects.values()) {
    const other = seen.get(o.keyPrefix);
    assert.equal(other, undefined, `${o.name} and ${other} share ${o.keyPrefix}`);
    seen.set(o.keyPrefix, o.name);
    if (!Object.hasOwn(KEY_PREFIXES, o.name)) assert.match(o.keyPrefix, /^[wxyz][0-9A-Za-z]{2}$/, o.name);
  }
  assert.ok(schema.objects.size > 4000, `${schema.objects.size} platform objects`);
  assert.equal(generatedKeyPrefix(0), "w00");
  assert.equal(generatedKeyPrefix(62 * 62), "x00");
});

test("objects the hand-written list never had are inserted and queried from Apex", () => {
  const h = harness([
    `public class PlatformObjects {
       public static String run() {
         Account a = new Account(Name = 'Acme');
         insert a;
         Contact c = new Contact(LastName = 'Doe', AccountId = a.Id, Birthdate = Date.newInstance(1990, 5, 17));
         insert c;
         Case k = new Case(Subject = 'Broken', AccountId = a.Id, ContactId = c.Id);
         insert k;
         Campaign camp = new Campaign(Name = 'Spring', IsActive = true);
         insert camp;
         insert new Task(Subject = 'Call', WhatId = a.Id, WhoId = c.Id);
         Case q = [SELECT Subject, Account.Name, Contact.Birthdate FROM Case WHERE Id = :k.Id];
         Account parent = [SELECT (SELECT Subject FROM Cases), (SELECT Subject FROM Tasks) FROM Account WHERE Id = :a.Id];
         Task t = [SELECT What.Name, Who.Name, Status FROM Task];
         Campaign qc = [SELECT Name, IsActive FROM Campaign WHERE Id = :camp.Id];
         return String.join(new List<Object>{
           q.Subject, q.Account.Name, q.Contact.Birthdate, parent.Cases.size(), parent.Tasks.size(),
           t.What.Name, t.Who.Name, t.Status, qc.Name, qc.IsActive,
           String.valueOf(k.Id).left(3), String.valueOf(camp.Id).left(3)
         }, '|');
       }
     }`,
  ]);
  assert.equal(h.call("PlatformObjects", "run"), "Broken|Acme|1990-05-17|1|1|Acme|Doe|Not Started|Spring|true|500|701");
});

test("describe reports jar fields and real key prefixes", () => {
  const h = harness([]);
  const cases: [string, string][] = [
    ["Contact.Birthdate.getDescribe().getType()", "DATE"],
    ["Schema.SObjectType.Account.fields.Jigsaw.getLength()", "255"],
    ["Case.SObjectType.getDescribe().getKeyPrefix()", "500"],
    ["Schema.getGlobalDescribe().containsKey('campaign')", "true"],
    ["Id.valueOf('500000000000001AAA').getSObjectType() == Case.SObjectType", "true"],
  ];
  for (const [expr, want] of cases) assert.equal(h.show(expr), want, expr);
});

test("the class-file reader reads the jar's classes and rejects corrupt ones clearly", () => {
  const path = "com/nawforce/runforce/SObjects/Account.class";
  const bytes = readJarEntries(locateSObjectTypesJar(), (p) => p === path).get(path)!;
  const cls = readClassFile(bytes, path);
  assert.equal(cls.name, "com/nawforce/runforce/SObjects/Account");
  const jigsaw = cls.fields.find((f) => f.name === "Jigsaw");
  assert.deepEqual(jigsaw, { name: "Jigsaw", descriptor: "Lcom/nawforce/runforce/System/String;", isStatic: false });
  assert.equal(cls.fields.find((f) => f.name === "SObjectType")?.isStatic, true);

  const badMagic = Uint8Array.from(bytes);
  badMagic[0] = 0x50; // "PK": a zip, not a class
  assert.throws(() => readClassFile(badMagic, "Bad.class"), /Bad\.class: not a Java class file \(magic 0x50febabe/);
  assert.throws(() => readClassFile(bytes.subarray(0, 200), "Cut.class"), /Cut\.class: truncated Java class file/);
  assert.throws(() => readClassFile(new Uint8Array(0), "Empty.class"), /Empty\.class: truncated Java class file/);
});

test("a missing jar is a clear error naming the package and the path", () => {
  assert.throws(
    () => sobjectTypesJarIn("/nowhere/code-analyzer-pmd-engine"),
    /No sobject-types-\*\.jar in \/nowhere\/code-analyzer-pmd-engine\/dist\/java-lib: .*@salesforce\/code-analyzer-pmd-engine/,
  );
  assert.match(locateSObjectTypesJar(), /dist\/java-lib\/sobject-types-[\d.]+\.jar$/);
});
