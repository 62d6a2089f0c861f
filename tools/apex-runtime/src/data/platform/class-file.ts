/**
 * A minimal Java class-file reader: the class name and its fields (name, type descriptor, static or not),
 * which is all the platform SObject classes tell us. Follows "The class File Format" of the Java Virtual
 * Machine Specification (chapter 4); methods and attributes are skipped, never interpreted.
 */

export interface ClassField {
  name: string;
  /** JVM type descriptor: `Lcom/x/String;`, `[Lcom/x/Contact;` (an array), `I`, ... */
  descriptor: string;
  isStatic: boolean;
}

export interface ClassFile {
  /** Internal name with slashes: `com/nawforce/runforce/SObjects/Account`. */
  name: string;
  fields: ClassField[];
}

const MAGIC = 0xcafebabe;
const ACC_STATIC = 0x0008;

// Constant-pool tags (JVMS table 4.4-B) and the size of each entry's body after its tag byte.
const TAG_UTF8 = 1;
const TAG_CLASS = 7;
const TAG_LONG = 5;
const TAG_DOUBLE = 6;
const FIXED_ENTRY_SIZE: Record<number, number> = {
  3: 4, // Integer
  4: 4, // Float
  5: 8, // Long
  6: 8, // Double
  7: 2, // Class
  8: 2, // String
  9: 4, // Fieldref
  10: 4, // Methodref
  11: 4, // InterfaceMethodref
  12: 4, // NameAndType
  15: 3, // MethodHandle
  16: 2, // MethodType
  17: 4, // Dynamic
  18: 4, // InvokeDynamic
  19: 2, // Module
  20: 2, // Package
};

/** Big-endian cursor that names the file in its error when the bytes run out. */
class Cursor {
  private pos = 0;
  private readonly view: DataView;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly source: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private need(n: number): void {
    if (this.pos + n > this.bytes.length) throw new Error(`${this.source}: truncated Java class file`);
  }

  u1(): number {
    this.need(1);
    return this.view.getUint8(this.pos++);
  }

  u2(): number {
    this.need(2);
    const v = this.view.getUint16(this.pos);
    this.pos += 2;
    return v;
  }

  u4(): number {
    this.need(4);
    const v = this.view.getUint32(this.pos);
    this.pos += 4;
    return v;
  }

  bytesOf(n: number): Uint8Array {
    this.need(n);
    const b = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }

  skip(n: number): void {
    this.need(n);
    this.pos += n;
  }
}

// Class files store "modified UTF-8"; it differs from UTF-8 only for NUL and supplementary characters,
// neither of which occurs in Java identifiers generated from Salesforce API names.
const utf8 = new TextDecoder("utf-8");

/** Reads the constant pool, keeping only the Utf8 strings and Class entries (index → name index). */
function readConstantPool(c: Cursor, source: string): { utf8: (string | undefined)[]; classes: number[] } {
  const count = c.u2();
  const strings: (string | undefined)[] = new Array<string | undefined>(count);
  const classes: number[] = new Array<number>(count);
  for (let i = 1; i < count; i++) {
    const tag = c.u1();
    if (tag === TAG_UTF8) strings[i] = utf8.decode(c.bytesOf(c.u2()));
    else if (tag === TAG_CLASS) classes[i] = c.u2();
    else {
      const size = FIXED_ENTRY_SIZE[tag];
      if (size === undefined) throw new Error(`${source}: unknown constant-pool tag ${tag} at entry ${i}`);
      c.skip(size);
      // Long and Double occupy two pool slots (JVMS 4.4.5).
      if (tag === TAG_LONG || tag === TAG_DOUBLE) i++;
    }
  }
  return { utf8: strings, classes };
}

/** Parses a class file; `source` names it in errors (a jar entry path, a file name). */
export function readClassFile(bytes: Uint8Array, source: string): ClassFile {
  const c = new Cursor(bytes, source);
  const magic = c.u4();
  if (magic !== MAGIC) {
    throw new Error(
      `${source}: not a Java class file (magic 0x${magic.toString(16).padStart(8, "0")}, want 0xcafebabe)`,
    );
  }
  c.skip(4); // minor_version, major_version
  const pool = readConstantPool(c, source);
  const text = (index: number): string => {
    const s = pool.utf8[index];
    if (s === undefined) throw new Error(`${source}: constant-pool entry ${index} is not a Utf8 string`);
    return s;
  };
  c.skip(2); // access_flags
  const thisClass = c.u2();
  const name = text(pool.classes[thisClass] ?? 0);
  c.skip(2); // super_class
  c.skip(2 * c.u2()); // interfaces
  const fields: ClassField[] = [];
  const fieldCount = c.u2();
  for (let i = 0; i < fieldCount; i++) {
    const access = c.u2();
    const fieldName = text(c.u2());
    const descriptor = text(c.u2());
    const attributes = c.u2();
    for (let a = 0; a < attributes; a++) {
      c.skip(2); // attribute_name_index
      c.skip(c.u4());
    }
    fields.push({ name: fieldName, descriptor, isStatic: (access & ACC_STATIC) !== 0 });
  }
  return { name, fields };
}
