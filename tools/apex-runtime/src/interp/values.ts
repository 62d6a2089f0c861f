/**
 * Runtime values. Primitives map to JS where that is exact (Integer → number, Long → bigint,
 * String → string, Boolean → boolean, null → null); everything else is a small class so the runtime
 * type is always known (Apex needs it for instanceof, casts, JSON and String.valueOf).
 */
import { Decimal } from "./decimal";
import type { ClassInfo, EnumInfo, RType } from "./types";

export { Decimal };

export class ApexDouble {
  constructor(readonly v: number) {}
}

/** A Salesforce Id, always held in its 18-character form. */
export class ApexId {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Date as days since 1970-01-01 (UTC calendar). */
export class ApexDate {
  constructor(readonly days: number) {}
  static of(y: number, m: number, d: number): ApexDate {
    return new ApexDate(Math.floor(Date.UTC(y, m - 1, d) / 86400000));
  }
  toJs(): Date {
    return new Date(this.days * 86400000);
  }
}

/** Datetime as epoch milliseconds (the running user's time zone is GMT in the local runtime). */
export class ApexDatetime {
  constructor(readonly ms: number) {}
}

/** Time as milliseconds since midnight. */
export class ApexTime {
  constructor(readonly ms: number) {}
}

export class Blob {
  constructor(readonly bytes: Buffer) {}
}

export interface KeyedEntry {
  key: Value;
  value: Value;
}

export class ApexList {
  constructor(
    public elemType: RType,
    public items: Value[] = [],
  ) {}
}

export class ApexSet {
  /** Canonical key (see collections.ts keyOf) → element. */
  readonly map = new Map<string, Value>();
  constructor(public elemType: RType) {}
}

export class ApexMap {
  readonly map = new Map<string, KeyedEntry>();
  /** Describe maps (getGlobalDescribe, fields.getMap) look String keys up case-insensitively. */
  ciKeys = false;
  constructor(
    public keyType: RType,
    public valueType: RType,
  ) {}
}

let nextObjectId = 1;

/** An instance of a user-defined (or built-in exception) class. */
export class ApexObject {
  readonly oid = nextObjectId++;
  readonly fields = new Map<string, Value>();
  /** Native state for built-in exception types (DML details and the like). */
  native: Record<string, unknown> = {};
  constructor(readonly cls: ClassInfo) {}
}

export class EnumValue {
  constructor(
    readonly type: EnumInfo,
    readonly name: string,
    readonly ordinal: number,
  ) {}
}

/** Instance of a native (TypeScript-implemented) class such as HttpRequest or JSONGenerator. */
export class NativeObject {
  readonly oid = nextObjectId++;
  constructor(
    readonly className: string,
    public state: Record<string, unknown>,
  ) {}
}

/** An SObject record: field values keyed by lower-cased API name, plus parent and child relationships. */
export class SObject {
  readonly oid = nextObjectId++;
  /** lower-case field name → value */
  readonly fields = new Map<string, Value>();
  /** lower-case relationship name → parent SObject or child ApexList */
  readonly related = new Map<string, Value>();
  /** Fields a SOQL query selected (lower-case); null for records built in Apex. Reading others throws. */
  queried: Set<string> | null = null;
  constructor(readonly type: string) {}
}

/** A System.Type value. */
export class TypeValue {
  constructor(readonly type: RType) {}
}

export type Value =
  | null
  | boolean
  | number
  | bigint
  | string
  | ApexDouble
  | Decimal
  | ApexId
  | ApexDate
  | ApexDatetime
  | ApexTime
  | Blob
  | ApexList
  | ApexSet
  | ApexMap
  | ApexObject
  | EnumValue
  | NativeObject
  | SObject
  | TypeValue;
