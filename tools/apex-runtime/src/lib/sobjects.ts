/** SObject instance methods, Id methods and Schema describe (SObjectType, DescribeSObjectResult, fields). */
import { asText } from "../interp/text";
import type { Interpreter } from "../interp/interpreter";
import type { Natives } from "../interp/natives";
import { ApexId, ApexList, ApexMap, EnumValue, NativeObject, SObject, type Value } from "../interp/values";
import { mapPut } from "../interp/collections";
import { parseId } from "../interp/runtime-types";
import { EnumInfo, OBJECT, STRING, type RType } from "../interp/types";
import { hasFieldAccess, hasObjectAccess } from "../data/permissions";
import { parentRelationshipName, type FieldSchema, type ObjectSchema } from "../data/schema";
import { int, s } from "./args";

const DISPLAY: Record<string, string> = {
  Text: "STRING",
  TextArea: "TEXTAREA",
  LongTextArea: "TEXTAREA",
  Html: "TEXTAREA",
  Email: "EMAIL",
  Url: "URL",
  Phone: "PHONE",
  Picklist: "PICKLIST",
  MultiselectPicklist: "MULTIPICKLIST",
  Number: "DOUBLE",
  Currency: "CURRENCY",
  Percent: "PERCENT",
  Checkbox: "BOOLEAN",
  Date: "DATE",
  DateTime: "DATETIME",
  Time: "TIME",
  Lookup: "REFERENCE",
  MasterDetail: "REFERENCE",
  Id: "ID",
  AutoNumber: "STRING",
  EncryptedText: "ENCRYPTEDSTRING",
  Address: "ADDRESS",
};

function displayType(ip: Interpreter, f: FieldSchema): Value {
  const e = ip.reg.types.get("displaytype") as EnumInfo;
  const t = f.type === "Formula" ? (f.resultType ?? "Text") : f.type;
  let name = DISPLAY[t] ?? "STRING";
  if (f.name === "NumberOfEmployees") name = "INTEGER";
  return e.byName.get(name.toLowerCase()) ?? null;
}

export function sobjectType(name: string): NativeObject {
  return new NativeObject("SObjectType", { name });
}

/** Entries are replaced, never changed in place (mapPut), so copies can share them. */
const globalDescribeTemplates = new WeakMap<object, ApexMap>();

function newGlobalDescribe(): ApexMap {
  const m = new ApexMap(STRING, { k: "native", name: "SObjectType" });
  m.ciKeys = true;
  return m;
}

function describeObject(name: string): NativeObject {
  return new NativeObject("DescribeSObjectResult", { name });
}

/** The Master record type's fixed id (Object Reference > RecordType: "012000000000000AAA"). */
const MASTER_RECORD_TYPE_ID = "012000000000000AAA";
const RECORD_TYPE_INFO: RType = { k: "native", name: "RecordTypeInfo" };

function masterRecordType(): NativeObject {
  return new NativeObject("RecordTypeInfo", {});
}

function recordTypeMap(ip: Interpreter, key: RType, master: Value): ApexMap {
  const m = new ApexMap(key, RECORD_TYPE_INFO);
  mapPut(ip, m, master, masterRecordType());
  return m;
}

function schemaOf(ip: Interpreter, o: NativeObject): ObjectSchema {
  const sc = ip.data.schema.get(o.state.name as string);
  if (!sc) return ip.throwApex("SObjectException", `Invalid sObject type ${String(o.state.name)}`);
  return sc;
}

function fieldOf(ip: Interpreter, o: NativeObject): { obj: ObjectSchema; f: FieldSchema } {
  const obj = ip.data.schema.get(o.state.object as string)!;
  return { obj, f: obj.fields.get(String(o.state.field).toLowerCase())! };
}

function idString(v: ApexId | string): string {
  return v instanceof ApexId ? v.value : v;
}

export function registerSObjects(n: Natives): void {
  n.methods<SObject>("sobject", {
    get: (ip, so, a) => {
      if (a[0] instanceof NativeObject) return ip.data.getField(ip, so, String(a[0].state.field));
      const name = s(ip, a[0]);
      if (so.type === "AggregateResult") {
        const l = name.toLowerCase();
        if (!so.fields.has(l)) return ip.throwApex("SObjectException", `Invalid field ${name} for AggregateResult`);
        return so.fields.get(l) ?? null;
      }
      return ip.data.getField(ip, so, name);
    },
    put: (ip, so, a) => {
      const name = a[0] instanceof NativeObject ? String(a[0].state.field) : s(ip, a[0]);
      const old = so.fields.get(name.toLowerCase()) ?? null;
      ip.data.putField(ip, so, name, a[1]);
      return old;
    },
    getSObject: (ip, so, a) => {
      const v = ip.data.getField(ip, so, s(ip, a[0]));
      return v instanceof SObject ? v : null;
    },
    getSObjects: (ip, so, a) => {
      const v = ip.data.getField(ip, so, s(ip, a[0]));
      return v instanceof ApexList ? v : null;
    },
    putSObject: (ip, so, a) => {
      so.related.set(s(ip, a[0]).toLowerCase(), a[1]);
      return null;
    },
    getSObjectType: (_ip, so) => sobjectType(so.type),
    clone: (ip, so, a) => ip.data.cloneSObject(so, a.length > 0 && a[0] === true),
    isSet: (ip, so, a) =>
      so.fields.has((a[0] instanceof NativeObject ? String(a[0].state.field) : s(ip, a[0])).toLowerCase()),
    getPopulatedFieldsAsMap: (ip, so) => {
      const m = new ApexMap(STRING, OBJECT);
      for (const [k, v] of so.fields) mapPut(ip, m, ip.data.fieldLabel(so.type, k), v);
      for (const [k, v] of so.related) mapPut(ip, m, k, v);
      return m;
    },
    addError: (ip, so, a) => {
      ip.data.recordErrors.set(so, asText(a[a.length - 1] ?? ""));
      return null;
    },
    getErrors: () => new ApexList(OBJECT),
    hasErrors: (ip, so) => ip.data.recordErrors.has(so),
    getQuickActionName: () => null,
  });

  n.static("Id", { valueOf: (ip: Interpreter, a: Value[]) => (a[0] === null ? null : parseId(s(ip, a[0]), ip.fail)) });
  n.methods<ApexId | string>("id", {
    getSObjectType: (ip, id) => {
      const sc = ip.data.schema.byPrefix(idString(id).slice(0, 3));
      return sc ? sobjectType(sc.name) : ip.throwApex("SObjectException", `Invalid id: ${idString(id)}`);
    },
    to15: (_ip, id) => idString(id).slice(0, 15),
    equals: (_ip, id, a) => a[0] !== null && idString(id) === asText(a[0] instanceof ApexId ? a[0].value : a[0]),
  });

  n.static("Schema", {
    getGlobalDescribe: (ip) => {
      // a new map per call, as the platform's (callers may change it), copied from one built per schema:
      // building 4,500 entries costs 7 ms, copying them a fraction of that
      const schema = ip.data.schema;
      let template = globalDescribeTemplates.get(schema);
      if (template?.map.size !== schema.objects.size) {
        template = newGlobalDescribe();
        for (const o of schema.objects.values()) mapPut(ip, template, o.name.toLowerCase(), sobjectType(o.name));
        globalDescribeTemplates.set(schema, template);
      }
      const m = newGlobalDescribe();
      for (const [k, entry] of template.map) m.map.set(k, entry);
      return m;
    },
    describeSObjects: (ip, a) =>
      new ApexList(
        { k: "native", name: "DescribeSObjectResult" },
        (a[0] as ApexList).items.map((v) =>
          describeObject(schemaOf(ip, new NativeObject("x", { name: s(ip, v) })).name),
        ),
      ),
    __sobjecttypeprop: (ip, a) => {
      const sc = ip.data.schema.get(s(ip, a[0]));
      return sc ? describeObject(sc.name) : ip.throwApex("SObjectException", `Invalid sObject type ${s(ip, a[0])}`);
    },
  });

  n.methods<NativeObject>("sobjecttype", {
    getDescribe: (ip, t) => describeObject(schemaOf(ip, t).name),
    newSObject: (ip, t, a) => {
      const so = ip.data.newSObject(ip, schemaOf(ip, t).name);
      if (a.length && a[0] !== null) so.fields.set("id", a[0]);
      return so;
    },
    toString: (_ip: Interpreter, t: NativeObject) => String(t.state.name),
    equals: (_ip, t, a) =>
      a[0] instanceof NativeObject && String(a[0].state.name).toLowerCase() === String(t.state.name).toLowerCase(),
    hashCode: (_ip, t) => String(t.state.name).length,
  });

  const objAccess = (access: "read" | "create" | "edit" | "delete") => (ip: Interpreter, d: NativeObject) =>
    hasObjectAccess(ip, schemaOf(ip, d).name, access);
  n.methods<NativeObject>("describesobjectresult", {
    getName: (ip, d) => schemaOf(ip, d).name,
    getLocalName: (ip, d) => schemaOf(ip, d).name,
    getLabel: (ip, d) => schemaOf(ip, d).label,
    getLabelPlural: (ip, d) => schemaOf(ip, d).label,
    getKeyPrefix: (ip, d) => schemaOf(ip, d).keyPrefix,
    isCustom: (ip, d) => schemaOf(ip, d).custom,
    isCustomSetting: (ip, d) => schemaOf(ip, d).kind === "setting",
    isAccessible: objAccess("read"),
    isCreateable: objAccess("create"),
    isUpdateable: objAccess("edit"),
    isDeletable: objAccess("delete"),
    isQueryable: objAccess("read"),
    getSObjectType: (ip, d) => sobjectType(schemaOf(ip, d).name),
    "prop:fields": (ip, d) => new NativeObject("FieldsToken", { name: schemaOf(ip, d).name }),
    fields: (ip, d) => new NativeObject("FieldsToken", { name: schemaOf(ip, d).name }),
    getChildRelationships: () => new ApexList(OBJECT),
    // the runtime's objects have no record types of their own: only the Master record type every object has
    getRecordTypeInfos: () => new ApexList(RECORD_TYPE_INFO, [masterRecordType()]),
    getRecordTypeInfosById: (ip) => recordTypeMap(ip, { k: "prim", name: "Id" }, new ApexId(MASTER_RECORD_TYPE_ID)),
    getRecordTypeInfosByDeveloperName: (ip) => recordTypeMap(ip, STRING, "Master"),
    getRecordTypeInfosByName: (ip) => recordTypeMap(ip, STRING, "Master"),
  });
  n.methods<NativeObject>("recordtypeinfo", {
    getDeveloperName: () => "Master",
    getName: () => "Master",
    getRecordTypeId: () => new ApexId(MASTER_RECORD_TYPE_ID),
    isActive: () => true,
    isAvailable: () => true,
    isDefaultRecordTypeMapping: () => true,
    isMaster: () => true,
  });
  n.methods<NativeObject>("fieldstoken", {
    getMap: (ip, t) => {
      const sc = schemaOf(ip, t);
      const m = new ApexMap(STRING, { k: "native", name: "SObjectField" });
      m.ciKeys = true;
      for (const f of sc.fields.values())
        mapPut(ip, m, f.name.toLowerCase(), new NativeObject("SObjectField", { object: sc.name, field: f.name }));
      return m;
    },
  });
  n.methods<NativeObject>("sobjectfield", {
    getDescribe: (_ip, f) => new NativeObject("DescribeFieldResult", { ...f.state }),
    toString: (_ip: Interpreter, f: NativeObject) => String(f.state.field),
    equals: (_ip, f, a) =>
      a[0] instanceof NativeObject &&
      String(a[0].state.field).toLowerCase() === String(f.state.field).toLowerCase() &&
      String(a[0].state.object).toLowerCase() === String(f.state.object).toLowerCase(),
    hashCode: (_ip, f) => String(f.state.field).length,
  });
  const fa = (access: "read" | "edit") => (ip: Interpreter, d: NativeObject) => {
    const { obj, f } = fieldOf(ip, d);
    return (
      hasFieldAccess(ip, obj.name, f.name, access) &&
      !(access === "edit" && (f.system || f.type === "Formula" || f.type === "AutoNumber"))
    );
  };
  n.methods<NativeObject>("describefieldresult", {
    getName: (ip, d) => fieldOf(ip, d).f.name,
    getLocalName: (ip, d) => fieldOf(ip, d).f.name,
    getLabel: (ip, d) => fieldOf(ip, d).f.label,
    getType: (ip, d) => displayType(ip, fieldOf(ip, d).f),
    getLength: (ip, d) => fieldOf(ip, d).f.length ?? 0,
    getPrecision: (ip, d) => fieldOf(ip, d).f.precision ?? 0,
    getScale: (ip, d) => fieldOf(ip, d).f.scale ?? 0,
    isNillable: (ip, d) => {
      const f = fieldOf(ip, d).f;
      return !f.required && f.type !== "Checkbox" && f.name !== "Id";
    },
    isAccessible: fa("read"),
    isCreateable: fa("edit"),
    isUpdateable: fa("edit"),
    isCustom: (ip, d) => fieldOf(ip, d).f.custom,
    isExternalId: (ip, d) => fieldOf(ip, d).f.externalId,
    isUnique: (ip, d) => fieldOf(ip, d).f.unique,
    isCalculated: (ip, d) => fieldOf(ip, d).f.type === "Formula",
    isAutoNumber: (ip, d) => fieldOf(ip, d).f.type === "AutoNumber",
    isIdLookup: (ip, d) => {
      const f = fieldOf(ip, d).f;
      return f.name === "Id" || f.externalId;
    },
    isDefaultedOnCreate: (ip, d) => fieldOf(ip, d).f.defaultValue !== null || fieldOf(ip, d).f.type === "Checkbox",
    getRelationshipName: (ip, d) => {
      const f = fieldOf(ip, d).f;
      return f.type === "Lookup" || f.type === "MasterDetail" ? parentRelationshipName(f) : null;
    },
    getDigits: (ip, d) =>
      fieldOf(ip, d).f.type === "Number" && (fieldOf(ip, d).f.scale ?? 0) === 0 ? (fieldOf(ip, d).f.precision ?? 0) : 0,
    getReferenceTo: (ip, d) =>
      new ApexList(
        { k: "native", name: "SObjectType" },
        fieldOf(ip, d).f.referenceTo.map((r) => sobjectType(r)),
      ),
    getPicklistValues: (ip, d) =>
      new ApexList(
        { k: "native", name: "PicklistEntry" },
        fieldOf(ip, d).f.picklistValues.map(
          (v, i) => new NativeObject("PicklistEntry", { value: v, label: v, isDefault: i === 0 && false }),
        ),
      ),
    getSObjectField: (_ip, d) => new NativeObject("SObjectField", { object: d.state.object, field: d.state.field }),
    getDefaultValue: (ip, d) => fieldOf(ip, d).f.defaultValue,
    getDefaultValueFormula: (ip, d) => fieldOf(ip, d).f.defaultValue,
    isHtmlFormatted: () => false,
    isRestrictedPicklist: (ip, d) => fieldOf(ip, d).f.restricted,
    isSortable: (ip, d) => !["LongTextArea", "Html", "MultiselectPicklist", "Address"].includes(fieldOf(ip, d).f.type),
    isFilterable: (ip, d) =>
      !["LongTextArea", "Html", "MultiselectPicklist", "Address"].includes(fieldOf(ip, d).f.type),
  });
  n.methods<NativeObject>("picklistentry", {
    getValue: (_ip, p) => p.state.value as string,
    getLabel: (_ip, p) => p.state.label as string,
    isActive: () => true,
    isDefaultValue: (_ip, p) => p.state.isDefault === true,
  });
  // Dynamic field tokens: Schema.SObjectType.Account.fields.Name
  n.methods<NativeObject>("fieldstoken", {
    "prop:*": (ip, t, a) => {
      const sc = schemaOf(ip, t);
      const f = sc.fields.get(s(ip, a[0]).toLowerCase());
      if (!f) return ip.throwApex("SObjectException", `Invalid field ${s(ip, a[0])} for ${sc.name}`);
      return new NativeObject("DescribeFieldResult", { object: sc.name, field: f.name });
    },
  });
  void int;
  void EnumValue;
}
