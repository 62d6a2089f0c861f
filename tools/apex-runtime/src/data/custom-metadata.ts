/** Reads custom metadata records (customMetadata/Type.Record.md-meta.xml) into rows for the store. */
import { asText } from "../interp/text";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { Decimal } from "../interp/decimal";
import type { Value } from "../interp/values";
import type { Schema } from "./schema";
import { isNumberType } from "./fields";

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (n) => n === "values" });

type Xml = Record<string, unknown>;

export function loadCustomMetadata(dir: string, schema: Schema): { type: string; fields: Record<string, Value> }[] {
  if (!existsSync(dir)) return [];
  const out: { type: string; fields: Record<string, Value> }[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".md-meta.xml"))
    .sort()) {
    const [typeName, devName] = file.replace(".md-meta.xml", "").split(".");
    const type = `${typeName}__mdt`;
    const obj = schema.get(type);
    const x = (parser.parse(readFileSync(join(dir, file), "utf8")) as Xml).CustomMetadata as Xml;
    const fields: Record<string, Value> = {
      DeveloperName: devName,
      MasterLabel: asText(x.label ?? devName),
      Label: asText(x.label ?? devName),
      QualifiedApiName: devName,
    };
    for (const v of (x.values as Xml[] | undefined) ?? []) {
      const name = String(v.field);
      const raw = v.value as Xml | string | number | boolean | undefined;
      let value: Value = null;
      if (raw !== undefined && raw !== null && !(typeof raw === "object" && raw["@xsi:nil"] === "true")) {
        const text = typeof raw === "object" ? asText(raw["#text"] ?? "") : asText(raw);
        const f = obj?.fields.get(name.toLowerCase());
        if (f && isNumberType(f.type)) value = Decimal.parse(text);
        else if (f?.type === "Checkbox") value = text === "true";
        else value = text;
      }
      fields[name] = value;
    }
    out.push({ type, fields });
  }
  return out;
}
