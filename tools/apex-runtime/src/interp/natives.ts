/**
 * The registry of library members implemented in TypeScript. Library modules (src/lib/*) register
 * static methods, static properties, constructors and instance methods here, keyed case-insensitively.
 */
import type { Interpreter } from "./interpreter";
import type { Value } from "./values";

export type StaticFn = (ip: Interpreter, args: Value[]) => Value;
export type InstanceFn<T = Value> = (ip: Interpreter, self: T, args: Value[]) => Value;
export type StaticGetter = (ip: Interpreter) => Value;

/** Instance receivers are grouped by kind: primitive names, 'list', 'set', 'map', 'sobject', 'exception', 'enum', or a native class name. */
export class Natives {
  private readonly statics = new Map<string, Map<string, StaticFn>>();
  private readonly staticProps = new Map<string, Map<string, StaticGetter>>();
  private readonly ctors = new Map<string, StaticFn>();
  private readonly instance = new Map<string, Map<string, InstanceFn<never>>>();

  static(cls: string, methods: Record<string, StaticFn>): void {
    const key = cls.toLowerCase();
    let m = this.statics.get(key);
    if (!m) this.statics.set(key, (m = new Map<string, StaticFn>()));
    for (const [k, f] of Object.entries(methods)) m.set(k.toLowerCase(), f);
  }

  staticProp(cls: string, props: Record<string, StaticGetter>): void {
    const key = cls.toLowerCase();
    let m = this.staticProps.get(key);
    if (!m) this.staticProps.set(key, (m = new Map<string, StaticGetter>()));
    for (const [k, f] of Object.entries(props)) m.set(k.toLowerCase(), f);
  }

  ctor(cls: string, f: StaticFn): void {
    this.ctors.set(cls.toLowerCase(), f);
  }

  methods<T>(kind: string, methods: Record<string, InstanceFn<T>>): void {
    const key = kind.toLowerCase();
    let m = this.instance.get(key);
    if (!m) this.instance.set(key, (m = new Map<string, InstanceFn<never>>()));
    for (const [k, f] of Object.entries(methods)) m.set(k.toLowerCase(), f);
  }

  getStatic(cls: string, lname: string): StaticFn | undefined {
    return this.statics.get(cls.toLowerCase())?.get(lname);
  }

  hasStaticClass(cls: string): boolean {
    const k = cls.toLowerCase();
    return this.statics.has(k) || this.staticProps.has(k) || this.ctors.has(k);
  }

  getStaticProp(cls: string, lname: string): StaticGetter | undefined {
    return this.staticProps.get(cls.toLowerCase())?.get(lname);
  }

  getCtor(cls: string): StaticFn | undefined {
    return this.ctors.get(cls.toLowerCase());
  }

  getMethod(kind: string, lname: string): InstanceFn<Value> | undefined {
    return this.instance.get(kind)?.get(lname) as InstanceFn<Value> | undefined;
  }
}
