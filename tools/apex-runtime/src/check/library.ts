/**
 * Return types of the library members the package and the conformance suite use (Apex Reference Guide),
 * keyed like the natives that implement them (src/interp/natives.ts): instance members by receiver kind
 * ('string', 'list', 'httprequest', …), static members and static properties by class. The natives carry
 * implementations only; this table is what lets the checker type their results. A member missing here is
 * typed unknown (see CheckStats.unsignedMembers).
 *
 * A spec is an Apex type as text, with T (List/Set element), K and V (Map key and value), Self (the
 * receiver's type) and ? (unknown); or a function of the receiver and argument types.
 */
import type { TypeRef } from "../frontend/ast";
import type { Registry } from "../interp/registry";
import { isPrim, known, nativeOf, objectOf, promote, UNKNOWN, VOID, type SType } from "./stype";

export interface SigArgs {
  recv: SType;
  args: SType[];
}
type Spec = string | ((a: SigArgs) => SType | string);

const OBJECT_METHODS: Record<string, Spec> = { equals: "Boolean", hashCode: "Integer", toString: "String" };

const NUMBER_METHODS: Record<string, Spec> = {
  ...OBJECT_METHODS,
  format: "String",
  intValue: "Integer",
  longValue: "Long",
  doubleValue: "Double",
};

/** Result of Database.insert(x) and the like: one result for one record, a list for a list. */
const perRecord =
  (result: string): Spec =>
  ({ args }) =>
    args[0]?.k === "list" ? `List<${result}>` : args[0]?.k === "sobject" ? result : "?";

/** Math functions with a Decimal and a Double overload. */
const decimalOrDouble: Spec = ({ args }) => (args[0] && isPrim(args[0], "Double") ? "Double" : "Decimal");

/** What HttpRequest and HttpResponse share. */
const HTTP_MESSAGE_METHODS: Record<string, Spec> = {
  getBody: "String",
  setBody: "void",
  getBodyAsBlob: "Blob",
  setBodyAsBlob: "void",
  setHeader: "void",
  getHeader: "String",
  toString: "String",
};

const INSTANCE: Record<string, Record<string, Spec>> = {
  object: OBJECT_METHODS,
  exception: {
    getMessage: "String",
    setMessage: "void",
    getCause: "Exception",
    initCause: "void",
    getTypeName: "String",
    getLineNumber: "Integer",
    getStackTraceString: "String",
    getNumDml: "Integer",
    getDmlMessage: "String",
    getDmlStatusCode: "String",
    getDmlIndex: "Integer",
    getDmlId: "Id",
    getDmlFieldNames: "List<String>",
    getDmlType: "StatusCode",
  },
  enum: { name: "String", ordinal: "Integer", equals: "Boolean", hashCode: "Integer" },
  type: {
    ...OBJECT_METHODS,
    getName: "String",
    newInstance: "Object",
    isAssignableFrom: "Boolean",
  },
  string: {
    ...OBJECT_METHODS,
    length: "Integer",
    trim: "String",
    toLowerCase: "String",
    toUpperCase: "String",
    contains: "Boolean",
    containsIgnoreCase: "Boolean",
    containsAny: "Boolean",
    containsOnly: "Boolean",
    containsWhitespace: "Boolean",
    startsWith: "Boolean",
    startsWithIgnoreCase: "Boolean",
    endsWith: "Boolean",
    endsWithIgnoreCase: "Boolean",
    equalsIgnoreCase: "Boolean",
    compareTo: "Integer",
    indexOf: "Integer",
    indexOfIgnoreCase: "Integer",
    lastIndexOf: "Integer",
    substring: "String",
    left: "String",
    right: "String",
    mid: "String",
    substringBefore: "String",
    substringAfter: "String",
    substringBeforeLast: "String",
    substringAfterLast: "String",
    substringBetween: "String",
    replace: "String",
    replaceAll: "String",
    replaceFirst: "String",
    remove: "String",
    removeStart: "String",
    removeEnd: "String",
    removeEndIgnoreCase: "String",
    removeStartIgnoreCase: "String",
    split: "List<String>",
    splitByCharacterType: "List<String>",
    charAt: "Integer",
    codePointAt: "Integer",
    getChars: "List<Integer>",
    isNumeric: "Boolean",
    isAlpha: "Boolean",
    isAlphanumeric: "Boolean",
    isAlphaSpace: "Boolean",
    isAllLowerCase: "Boolean",
    isAllUpperCase: "Boolean",
    isWhitespace: "Boolean",
    capitalize: "String",
    uncapitalize: "String",
    reverse: "String",
    repeat: "String",
    leftPad: "String",
    rightPad: "String",
    abbreviate: "String",
    normalizeSpace: "String",
    deleteWhitespace: "String",
    countMatches: "Integer",
    escapeHtml4: "String",
    escapeJava: "String",
    escapeCsv: "String",
    unescapeCsv: "String",
    stripHtmlTags: "String",
    matches: "Boolean",
    format: "String",
    isEmpty: "Boolean",
    difference: "String",
  },
  integer: NUMBER_METHODS,
  long: NUMBER_METHODS,
  double: { ...NUMBER_METHODS, round: "Long", decimalValue: "Decimal" },
  decimal: {
    ...NUMBER_METHODS,
    setScale: "Decimal",
    scale: "Integer",
    precision: "Integer",
    abs: "Decimal",
    round: "Long",
    stripTrailingZeros: "Decimal",
    toPlainString: "String",
    divide: "Decimal",
    pow: "Decimal",
    signum: "Integer",
  },
  boolean: OBJECT_METHODS,
  id: { ...OBJECT_METHODS, getSObjectType: "Schema.SObjectType", to15: "String" },
  list: {
    ...OBJECT_METHODS,
    add: "void",
    addAll: "void",
    get: "T",
    set: "void",
    remove: "T",
    size: "Integer",
    isEmpty: "Boolean",
    clear: "void",
    contains: "Boolean",
    indexOf: "Integer",
    clone: "Self",
    deepClone: "Self",
    sort: "void",
    iterator: "Iterator",
    getSObjectType: "Schema.SObjectType",
  },
  set: {
    ...OBJECT_METHODS,
    add: "Boolean",
    addAll: "Boolean",
    contains: "Boolean",
    containsAll: "Boolean",
    remove: "Boolean",
    removeAll: "Boolean",
    retainAll: "Boolean",
    size: "Integer",
    isEmpty: "Boolean",
    clear: "void",
    clone: "Self",
  },
  map: {
    ...OBJECT_METHODS,
    put: "V",
    putAll: "void",
    get: "V",
    containsKey: "Boolean",
    remove: "V",
    keySet: "Set<K>",
    values: "List<V>",
    size: "Integer",
    isEmpty: "Boolean",
    clear: "void",
    clone: "Self",
    deepClone: "Self",
    getSObjectType: "Schema.SObjectType",
  },
  date: {
    ...OBJECT_METHODS,
    year: "Integer",
    month: "Integer",
    day: "Integer",
    dayOfYear: "Integer",
    addDays: "Date",
    addMonths: "Date",
    addYears: "Date",
    daysBetween: "Integer",
    monthsBetween: "Integer",
    toStartOfMonth: "Date",
    toStartOfWeek: "Date",
    isSameDay: "Boolean",
    format: "String",
  },
  datetime: {
    ...OBJECT_METHODS,
    year: "Integer",
    month: "Integer",
    day: "Integer",
    hour: "Integer",
    minute: "Integer",
    second: "Integer",
    millisecond: "Integer",
    yearGmt: "Integer",
    monthGmt: "Integer",
    dayGmt: "Integer",
    hourGmt: "Integer",
    minuteGmt: "Integer",
    secondGmt: "Integer",
    getTime: "Long",
    date: "Date",
    dateGmt: "Date",
    time: "Time",
    timeGmt: "Time",
    addSeconds: "Datetime",
    addMinutes: "Datetime",
    addHours: "Datetime",
    addDays: "Datetime",
    addMonths: "Datetime",
    addYears: "Datetime",
    format: "String",
    formatGmt: "String",
    formatLong: "String",
    isSameDay: "Boolean",
  },
  time: {
    ...OBJECT_METHODS,
    hour: "Integer",
    minute: "Integer",
    second: "Integer",
    millisecond: "Integer",
    addHours: "Time",
    addMinutes: "Time",
    addSeconds: "Time",
  },
  blob: { toString: "String", size: "Integer" },
  sobject: {
    ...OBJECT_METHODS,
    get: "Object",
    put: "Object",
    getSObject: "SObject",
    getSObjects: "List<SObject>",
    putSObject: "SObject",
    getSObjectType: "Schema.SObjectType",
    clone: "Self",
    isSet: "Boolean",
    getPopulatedFieldsAsMap: "Map<String,Object>",
    addError: "void",
    getErrors: "List<Database.Error>",
    hasErrors: "Boolean",
    getQuickActionName: "String",
  },
  sobjecttype: {
    ...OBJECT_METHODS,
    // keeps the object of `Account.SObjectType.getDescribe()`, so `.fields.X` can be checked
    getDescribe: ({ recv }) => {
      const of = objectOf(recv);
      return of ? nativeOf("DescribeSObjectResult", of) : "Schema.DescribeSObjectResult";
    },
    newSObject: ({ recv }) => {
      const of = objectOf(recv);
      return of ? { k: "sobject", name: of } : "SObject";
    },
  },
  describesobjectresult: {
    getName: "String",
    getLocalName: "String",
    getLabel: "String",
    getLabelPlural: "String",
    getKeyPrefix: "String",
    isCustom: "Boolean",
    isCustomSetting: "Boolean",
    isAccessible: "Boolean",
    isCreateable: "Boolean",
    isUpdateable: "Boolean",
    isDeletable: "Boolean",
    isQueryable: "Boolean",
    getSObjectType: "Schema.SObjectType",
    fields: "FieldsToken",
    getChildRelationships: "List<Schema.ChildRelationship>",
    getRecordTypeInfos: "List<Schema.RecordTypeInfo>",
    getRecordTypeInfosById: "Map<Id,Schema.RecordTypeInfo>",
    getRecordTypeInfosByDeveloperName: "Map<String,Schema.RecordTypeInfo>",
    getRecordTypeInfosByName: "Map<String,Schema.RecordTypeInfo>",
  },
  recordtypeinfo: {
    getDeveloperName: "String",
    getName: "String",
    getRecordTypeId: "Id",
    isActive: "Boolean",
    isAvailable: "Boolean",
    isDefaultRecordTypeMapping: "Boolean",
    isMaster: "Boolean",
  },
  orglimit: { getName: "String", getLimit: "Integer", getValue: "Integer" },
  fieldstoken: { getMap: "Map<String,Schema.SObjectField>" },
  sobjectfield: { ...OBJECT_METHODS, getDescribe: "Schema.DescribeFieldResult" },
  describefieldresult: {
    getName: "String",
    getLocalName: "String",
    getLabel: "String",
    getType: "Schema.DisplayType",
    getLength: "Integer",
    getPrecision: "Integer",
    getScale: "Integer",
    getDigits: "Integer",
    isNillable: "Boolean",
    isAccessible: "Boolean",
    isCreateable: "Boolean",
    isUpdateable: "Boolean",
    isCustom: "Boolean",
    isExternalId: "Boolean",
    isUnique: "Boolean",
    isCalculated: "Boolean",
    isAutoNumber: "Boolean",
    isIdLookup: "Boolean",
    isDefaultedOnCreate: "Boolean",
    isHtmlFormatted: "Boolean",
    isRestrictedPicklist: "Boolean",
    isSortable: "Boolean",
    isFilterable: "Boolean",
    getRelationshipName: "String",
    getReferenceTo: "List<Schema.SObjectType>",
    getPicklistValues: "List<Schema.PicklistEntry>",
    getSObjectField: "Schema.SObjectField",
    getDefaultValue: "Object",
    getDefaultValueFormula: "String",
  },
  picklistentry: { getValue: "String", getLabel: "String", isActive: "Boolean", isDefaultValue: "Boolean" },
  queueablecontext: { getJobId: "Id" },
  schedulablecontext: { getTriggerId: "Id" },
  "database.batchablecontext": { getJobId: "Id" },
  finalizercontext: {
    getAsyncApexJobId: "Id",
    getException: "Exception",
    getResult: "ParentJobResult",
    getRequestId: "String",
  },
  http: { send: "HttpResponse" },
  httprequest: {
    ...HTTP_MESSAGE_METHODS,
    setMethod: "void",
    getMethod: "String",
    setEndpoint: "void",
    getEndpoint: "String",
    setTimeout: "void",
    setCompressed: "void",
    getCompressed: "Boolean",
  },
  httpresponse: {
    ...HTTP_MESSAGE_METHODS,
    setStatusCode: "void",
    getStatusCode: "Integer",
    setStatus: "void",
    getStatus: "String",
    getHeaderKeys: "List<String>",
  },
  jsonparser: {
    nextToken: "JSONToken",
    nextValue: "JSONToken",
    getCurrentToken: "JSONToken",
    hasCurrentToken: "Boolean",
    clearCurrentToken: "void",
    getLastClearedToken: "JSONToken",
    getCurrentName: "String",
    getText: "String",
    getIntegerValue: "Integer",
    getLongValue: "Long",
    getDecimalValue: "Decimal",
    getDoubleValue: "Double",
    getBooleanValue: "Boolean",
    getDateValue: "Date",
    getDatetimeValue: "Datetime",
    getTimeValue: "Time",
    getIdValue: "Id",
    getBlobValue: "Blob",
    readValueAs: "Object",
    readValueAsStrict: "Object",
    skipChildren: "void",
    toString: "String",
  },
  jsongenerator: {
    getAsString: "String",
    close: "void",
    isClosed: "Boolean",
    ...Object.fromEntries(
      [
        "writeStartObject",
        "writeEndObject",
        "writeStartArray",
        "writeEndArray",
        "writeFieldName",
        "writeNull",
        "writeNullField",
        "writeObject",
        "writeObjectField",
        "writeString",
        "writeStringField",
        "writeNumber",
        "writeNumberField",
        "writeBoolean",
        "writeBooleanField",
        "writeDate",
        "writeDateField",
        "writeDateTime",
        "writeDateTimeField",
        "writeTime",
        "writeTimeField",
        "writeId",
        "writeIdField",
        "writeBlob",
        "writeBlobField",
      ].map((m) => [m, "void"]),
    ),
  },
  pattern: { matcher: "Matcher", pattern: "String", split: "List<String>" },
  matcher: {
    matches: "Boolean",
    find: "Boolean",
    lookingAt: "Boolean",
    hitEnd: "Boolean",
    group: "String",
    groupCount: "Integer",
    start: "Integer",
    end: "Integer",
    replaceAll: "String",
    reset: "Matcher",
  },
  timezone: { getId: "String", getOffset: "Integer", getDisplayName: "String", toString: "String" },
  "database.saveresult": { getId: "Id", isSuccess: "Boolean", getErrors: "List<Database.Error>" },
  "database.deleteresult": { getId: "Id", isSuccess: "Boolean", getErrors: "List<Database.Error>" },
  "database.undeleteresult": { getId: "Id", isSuccess: "Boolean", getErrors: "List<Database.Error>" },
  "database.upsertresult": {
    getId: "Id",
    isSuccess: "Boolean",
    isCreated: "Boolean",
    getErrors: "List<Database.Error>",
  },
  "database.error": { getMessage: "String", getStatusCode: "StatusCode", getFields: "List<String>" },
  "cache.partition": { get: "Object", put: "void", contains: "Boolean", remove: "Boolean", getCapacity: "Integer" },
  version: { major: "Integer", minor: "Integer", patch: "Integer", compareTo: "Integer", toString: "String" },
  installcontext: {
    organizationId: "Id",
    installerId: "Id",
    isUpgrade: "Boolean",
    isPush: "Boolean",
    previousVersion: "Version",
  },
  uninstallcontext: { organizationId: "Id", uninstallerId: "Id" },
  "messaging.singleemailmessage": {
    setToAddresses: "void",
    getToAddresses: "List<String>",
    setCcAddresses: "void",
    getCcAddresses: "List<String>",
    setBccAddresses: "void",
    getBccAddresses: "List<String>",
    setSubject: "void",
    getSubject: "String",
    setPlainTextBody: "void",
    getPlainTextBody: "String",
    setHtmlBody: "void",
    getHtmlBody: "String",
    setSaveAsActivity: "void",
    getSaveAsActivity: "Boolean",
    setTargetObjectId: "void",
    getTargetObjectId: "Id",
    setWhatId: "void",
    getWhatId: "Id",
    setSenderDisplayName: "void",
    getSenderDisplayName: "String",
    setReplyTo: "void",
    getReplyTo: "String",
    setOrgWideEmailAddressId: "void",
    getOrgWideEmailAddressId: "Id",
    setUseSignature: "void",
    getUseSignature: "Boolean",
    setTemplateId: "void",
    getTemplateId: "Id",
    setCharset: "void",
    getCharset: "String",
  },
  "messaging.sendemailresult": { isSuccess: "Boolean", getErrors: "List<Object>" },
  restrequest: { addHeader: "void" },
  restresponse: { addHeader: "void" },
  sobjectaccessdecision: {
    getRecords: "List<SObject>",
    getRemovedFields: "Map<String,Set<String>>",
    getModifiedIndexes: "Set<Integer>",
  },
  // interfaces the package implements: their values are user objects, typed by the interface's methods
  iterator: { hasNext: "Boolean", next: "Object" },
  iterable: { iterator: "Iterator" },
  comparable: { compareTo: "Integer" },
  comparator: { compare: "Integer" },
  callable: { call: "Object" },
  queueable: { execute: "void" },
  schedulable: { execute: "void" },
  finalizer: { execute: "void" },
  "database.batchable": { start: "?", execute: "void", finish: "void" },
  stubprovider: { handleMethodCall: "Object" },
  httpcalloutmock: { respond: "HttpResponse" },
  installhandler: { onInstall: "void" },
  uninstallhandler: { onUninstall: "void" },
};

/** Native types whose values are user objects implementing them: never checked against the natives. */
export const NATIVE_INTERFACES = new Set([
  "iterator",
  "iterable",
  "comparable",
  "comparator",
  "callable",
  "queueable",
  "schedulable",
  "finalizer",
  "database.batchable",
  "database.stateful",
  "database.allowscallouts",
  "stubprovider",
  "system.stubprovider",
  "httpcalloutmock",
  "installhandler",
  "uninstallhandler",
]);

const LIMITS = [
  "Queries",
  "QueryRows",
  "DmlStatements",
  "DmlRows",
  "Callouts",
  "QueueableJobs",
  "FutureCalls",
  "EmailInvocations",
  "HeapSize",
  "CpuTime",
  "PublishImmediateDml",
  "AggregateQueries",
];

const STATIC: Record<string, Record<string, Spec>> = {
  system: {
    assert: "void",
    assertEquals: "void",
    assertNotEquals: "void",
    debug: "void",
    now: "Datetime",
    today: "Date",
    currentTimeMillis: "Long",
    isBatch: "Boolean",
    isFuture: "Boolean",
    isScheduled: "Boolean",
    isQueueable: "Boolean",
    requestVersion: "Version",
    enqueueJob: "Id",
    schedule: "String",
    attachFinalizer: "void",
    abortJob: "void",
  },
  assert: Object.fromEntries(
    [
      "areEqual",
      "areNotEqual",
      "isTrue",
      "isFalse",
      "isNull",
      "isNotNull",
      "fail",
      "isInstanceOfType",
      "isNotInstanceOfType",
    ].map((m) => [m, "void"]),
  ),
  type: { forName: "Type" },
  string: {
    isBlank: "Boolean",
    isNotBlank: "Boolean",
    isEmpty: "Boolean",
    isNotEmpty: "Boolean",
    valueOf: "String",
    valueOfGmt: "String",
    join: "String",
    format: "String",
    escapeSingleQuotes: "String",
    fromCharArray: "String",
  },
  integer: { valueOf: "Integer" },
  long: { valueOf: "Long" },
  decimal: { valueOf: "Decimal" },
  double: { valueOf: "Double" },
  boolean: { valueOf: "Boolean" },
  id: { valueOf: "Id" },
  math: {
    max: ({ args }) => promote(args[0] ?? UNKNOWN, args[1] ?? UNKNOWN),
    min: ({ args }) => promote(args[0] ?? UNKNOWN, args[1] ?? UNKNOWN),
    abs: ({ args }) => args[0] ?? UNKNOWN,
    mod: ({ args }) => promote(args[0] ?? UNKNOWN, args[1] ?? UNKNOWN),
    floor: decimalOrDouble,
    ceil: decimalOrDouble,
    sqrt: decimalOrDouble,
    exp: decimalOrDouble,
    log: decimalOrDouble,
    log10: decimalOrDouble,
    signum: decimalOrDouble,
    pow: "Double",
    round: "Integer",
    roundToLong: "Long",
    random: "Double",
  },
  database: {
    executeBatch: "Id",
    query: "List<SObject>",
    queryWithBinds: "List<SObject>",
    countQuery: "Integer",
    countQueryWithBinds: "Integer",
    getQueryLocator: "Database.QueryLocator",
    insert: perRecord("Database.SaveResult"),
    update: perRecord("Database.SaveResult"),
    upsert: perRecord("Database.UpsertResult"),
    delete: perRecord("Database.DeleteResult"),
    undelete: perRecord("Database.UndeleteResult"),
    setSavepoint: "Savepoint",
    rollback: "void",
    releaseSavepoint: "void",
  },
  test: {
    startTest: "void",
    stopTest: "void",
    isRunningTest: "Boolean",
    setMock: "void",
    createStub: "Object",
    getStandardPricebookId: "Id",
    testInstall: "void",
    testUninstall: "void",
    setCreatedDate: "void",
  },
  limits: Object.fromEntries(
    LIMITS.flatMap((l) => [
      [`get${l}`, "Integer"],
      [`getLimit${l}`, "Integer"],
    ]),
  ),
  json: {
    serialize: "String",
    serializePretty: "String",
    deserializeUntyped: "Object",
    deserialize: "Object",
    deserializeStrict: "Object",
    createParser: "JSONParser",
    createGenerator: "JSONGenerator",
  },
  date: {
    today: "Date",
    newInstance: "Date",
    valueOf: "Date",
    parse: "Date",
    isLeapYear: "Boolean",
    daysInMonth: "Integer",
  },
  datetime: {
    now: "Datetime",
    newInstance: "Datetime",
    newInstanceGmt: "Datetime",
    valueOf: "Datetime",
    valueOfGmt: "Datetime",
    parse: "Datetime",
  },
  time: { newInstance: "Time" },
  blob: { valueOf: "Blob", toPdf: "Blob" },
  encodingutil: {
    base64Encode: "String",
    base64Decode: "Blob",
    convertToHex: "String",
    convertFromHex: "Blob",
    urlEncode: "String",
    urlDecode: "String",
  },
  crypto: {
    generateDigest: "Blob",
    generateMac: "Blob",
    verify: "Boolean",
    getRandomInteger: "Integer",
    getRandomLong: "Long",
    generateAesKey: "Blob",
  },
  pattern: { compile: "Pattern", matches: "Boolean", quote: "String" },
  userinfo: {
    getUserId: "Id",
    getUserName: "String",
    getName: "String",
    getUserEmail: "String",
    getOrganizationId: "Id",
    getOrganizationName: "String",
    getProfileId: "Id",
    getTimeZone: "TimeZone",
    getLocale: "String",
    getLanguage: "String",
    getUserType: "String",
    isMultiCurrencyOrganization: "Boolean",
    getDefaultCurrency: "String",
  },
  timezone: { getTimeZone: "TimeZone" },
  schema: {
    getGlobalDescribe: "Map<String,Schema.SObjectType>",
    describeSObjects: "List<Schema.DescribeSObjectResult>",
  },
  /** Custom metadata and custom settings: `X__mdt.getAll()`, `X__c.getInstance()`; Self is the SObject type. */
  sobjectstatic: {
    getAll: ({ recv }) => (known(recv) ? { k: "map", key: { k: "prim", name: "String" }, value: recv } : UNKNOWN),
    getInstance: "Self",
    getOrgDefaults: "Self",
    getValues: "Self",
  },
  "connectapi.namedcredentials": {
    getCredential: "ConnectApi.Credential",
    createCredential: "ConnectApi.Credential",
    updateCredential: "ConnectApi.Credential",
    deleteCredential: "void",
  },
  "cache.org": { getPartition: "Cache.Partition", get: "Object", put: "void", contains: "Boolean", remove: "Boolean" },
  "cache.session": {
    getPartition: "Cache.Partition",
    get: "Object",
    put: "void",
    contains: "Boolean",
    remove: "Boolean",
  },
  eventbus: { publish: perRecord("Database.SaveResult") },
  featuremanagement: {
    checkPermission: "Boolean",
    checkPackageBooleanValue: "Boolean",
    checkPackageIntegerValue: "Integer",
    setPackageBooleanValue: "void",
    setPackageIntegerValue: "void",
  },
  messaging: { sendEmail: "List<Messaging.SendEmailResult>", reserveSingleEmailCapacity: "void" },
  security: { stripInaccessible: "SObjectAccessDecision" },
  orglimits: { getAll: "List<System.OrgLimit>", getMap: "Map<String,System.OrgLimit>" },
};

const STATIC_PROPS: Record<string, Record<string, Spec>> = {
  trigger: {
    new: "List<SObject>",
    old: "List<SObject>",
    newMap: "Map<Id,SObject>",
    oldMap: "Map<Id,SObject>",
    isBefore: "Boolean",
    isAfter: "Boolean",
    isInsert: "Boolean",
    isUpdate: "Boolean",
    isDelete: "Boolean",
    isUndelete: "Boolean",
    isExecuting: "Boolean",
    size: "Integer",
    operationType: "TriggerOperation",
  },
  restcontext: { request: "RestRequest", response: "RestResponse" },
};

const INSTANCE_PROPS: Record<string, Record<string, Spec>> = {
  "database.dmloptions": { optAllOrNone: "Boolean" },
};

function lowerKeys(t: Record<string, Record<string, Spec>>): Map<string, Map<string, Spec>> {
  return new Map(
    Object.entries(t).map(([k, v]) => [
      k.toLowerCase(),
      new Map(Object.entries(v).map(([m, s]) => [m.toLowerCase(), s])),
    ]),
  );
}

const instance = lowerKeys(INSTANCE);
const statics = lowerKeys(STATIC);
const staticProps = lowerKeys(STATIC_PROPS);
const instanceProps = lowerKeys(INSTANCE_PROPS);

/** Parses an Apex type as written ("Map<String,List<Id>>") into a TypeRef. */
export function parseTypeText(text: string): TypeRef {
  let i = 0;
  const read = (): TypeRef => {
    const start = i;
    while (i < text.length && /[\w.]/.test(text[i])) i++;
    const ref: TypeRef = { names: text.slice(start, i).split("."), args: [] };
    if (text[i] === "<") {
      i++;
      ref.args.push(read());
      while (text[i] === ",") {
        i++;
        ref.args.push(read());
      }
      i++; // '>'
    }
    return ref;
  };
  return read();
}

export class Library {
  private readonly parsed = new Map<string, TypeRef>();
  private readonly plain = new Map<string, SType>();

  constructor(private readonly reg: Registry) {}

  instanceSig(kind: string, lname: string): Spec | undefined {
    return instance.get(kind)?.get(lname);
  }

  staticSig(cls: string, lname: string): Spec | undefined {
    return statics.get(cls.toLowerCase())?.get(lname);
  }

  staticPropSig(cls: string, lname: string): Spec | undefined {
    return staticProps.get(cls.toLowerCase())?.get(lname);
  }

  instancePropSig(kind: string, lname: string): Spec | undefined {
    return instanceProps.get(kind)?.get(lname);
  }

  /** The type a spec stands for, given the receiver and the argument types. */
  type(spec: Spec, a: SigArgs): SType {
    const s = typeof spec === "function" ? spec(a) : spec;
    if (typeof s !== "string") return s;
    const hit = this.plain.get(s);
    if (hit) return hit;
    let ref = this.parsed.get(s);
    if (!ref) this.parsed.set(s, (ref = parseTypeText(s)));
    const generic = { value: false };
    const t = this.resolve(ref, a.recv, generic);
    if (!generic.value) this.plain.set(s, t);
    return t;
  }

  private resolve(ref: TypeRef, recv: SType, generic: { value: boolean }): SType {
    const name = ref.names.join(".").toLowerCase();
    if (ref.args.length === 0) {
      switch (name) {
        case "void":
          return VOID;
        case "?":
        case "":
          return UNKNOWN;
        case "self":
          generic.value = true;
          return recv;
        case "t":
          generic.value = true;
          return recv.k === "list" || recv.k === "set" ? recv.elem : UNKNOWN;
        case "k":
          generic.value = true;
          return recv.k === "map" ? recv.key : UNKNOWN;
        case "v":
          generic.value = true;
          return recv.k === "map" ? recv.value : UNKNOWN;
      }
    }
    if (name === "list" || name === "set" || name === "map") {
      const args = ref.args.map((r) => this.resolve(r, recv, generic));
      const [a0, a1] = args;
      if (!known(a0)) return UNKNOWN;
      if (name !== "map") return { k: name, elem: a0 };
      return known(a1) ? { k: "map", key: a0, value: a1 } : UNKNOWN;
    }
    // library-only types (FieldsToken, Cache.Partition) are natives the registry does not name
    return this.reg.resolve(ref, null) ?? { k: "native", name: ref.names.join(".") };
  }
}
