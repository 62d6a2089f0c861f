/**
 * The names metadata files give to other metadata, and whether each exists: objects, fields, classes, tabs,
 * custom permissions, applications and the like named by permission sets, permission set groups, layouts,
 * compact layouts, list views, custom applications and tabs. Custom names must exist as source; standard
 * ones must be in standard-schema.ts. Another package's names (`other__Thing__c`) are not in the project,
 * so they fail too: Tandem has no package dependencies.
 */
import { basename, dirname } from "node:path";
import type { Inventory, Kind } from "./metadata-inventory";
import { isCustomName, isStandardField, isStandardObject } from "./standard-schema";
import { elementsAt, lineOfElement, valuesAt, type XmlElement } from "./xml";

export interface Reference {
  line: number;
  kind: Kind;
  /** As written; fields and record types as `Object.Name`. */
  name: string;
}

type Path = readonly string[];

/** Plain references: root element, then the element path of each name and what it names. */
const PLAIN: Record<string, [Path, Kind][]> = {
  PermissionSet: [
    [["objectPermissions", "object"], "object"],
    [["fieldPermissions", "field"], "field"],
    [["classAccesses", "apexClass"], "class"],
    [["tabSettings", "tab"], "tab"],
    [["customPermissions", "name"], "customPermission"],
    [["applicationVisibilities", "application"], "application"],
    [["recordTypeVisibilities", "recordType"], "recordType"],
    [["customMetadataTypeAccesses", "name"], "object"],
    [["customSettingAccesses", "name"], "object"],
    [["pageAccesses", "apexPage"], "page"],
    [["flowAccesses", "flow"], "flow"],
  ],
  PermissionSetGroup: [
    [["permissionSets"], "permissionSet"],
    [["mutingPermissionSets"], "mutingPermissionSet"],
  ],
  CustomApplication: [
    [["tabs"], "tab"],
    [["utilityBar"], "flexipage"],
  ],
  CustomTab: [
    [["lwcComponent"], "lwc"],
    [["flexiPage"], "flexipage"],
    [["page"], "page"],
  ],
};

/** Every reference in a parsed metadata file. */
export function referencesIn(file: string, text: string, doc: XmlElement): Reference[] {
  const [root] = Object.keys(doc);
  const element = elementsAt(doc, [root])[0];
  if (!element) return [];
  const refs: Reference[] = [];
  const add = (kind: Kind, tag: string, value: string, name = value): void => {
    refs.push({ line: lineOfElement(text, tag, value), kind, name });
  };
  for (const [path, kind] of PLAIN[root] ?? []) {
    for (const value of valuesAt(element, path)) add(kind, path[path.length - 1], value);
  }
  // Object-scoped files: the object comes from the path, the fields are bare names on it.
  const folderObject = basename(dirname(dirname(file)));
  switch (root) {
    case "CustomTab":
      if (valuesAt(element, ["customObject"]).includes("true")) {
        add("object", "customObject", "true", basename(file, ".tab-meta.xml"));
      }
      break;
    case "Layout": {
      const object = basename(file, ".layout-meta.xml").split("-")[0];
      for (const field of valuesAt(element, ["layoutSections", "layoutColumns", "layoutItems", "field"])) {
        add("field", "field", field, `${object}.${field}`);
      }
      for (const list of elementsAt(element, ["relatedLists"])) {
        // `Child__c.Lookup__c` is a custom related list; other names (RelatedNoteList) are standard.
        const [relatedList] = valuesAt(list, ["relatedList"]);
        const child = /^(\w+__c)\.(\w+)$/i.exec(relatedList ?? "");
        if (!child) continue;
        add("field", "relatedList", relatedList);
        for (const field of valuesAt(list, ["fields"]).filter((f) => /__c$/i.test(f))) {
          add("field", "fields", field, `${child[1]}.${field}`);
        }
      }
      break;
    }
    case "ListView": {
      // Columns and filters name standard fields in their own tokens (NAME, CREATED_DATE): check custom ones.
      const named: [string, string[]][] = [
        ["columns", valuesAt(element, ["columns"])],
        ["field", valuesAt(element, ["filters", "field"])],
      ];
      for (const [tag, fields] of named) {
        for (const field of fields.filter((f) => /__c$/i.test(f))) {
          add("field", tag, field, `${folderObject}.${field.split(".").pop()}`);
        }
      }
      break;
    }
    case "CompactLayout":
      for (const field of valuesAt(element, ["fields"])) add("field", "fields", field, `${folderObject}.${field}`);
      break;
  }
  return refs;
}

/** Why the reference does not resolve, or undefined when it does. */
export function unresolved(ref: Reference, inventory: Inventory, namespace: string): string | undefined {
  const local = (name: string): string =>
    namespace && name.toLowerCase().startsWith(`${namespace.toLowerCase()}__`)
      ? name.slice(namespace.length + 2)
      : name;
  switch (ref.kind) {
    case "object":
      return objectProblem(local(ref.name), inventory);
    case "field": {
      const [object, field] = ref.name.split(".").map(local);
      if (!field) return `field '${ref.name}' is not Object.Field`;
      const problem = objectProblem(object, inventory);
      if (problem) return `field '${ref.name}': ${problem}`;
      if (/__c$/i.test(field)) {
        return inventory.has("field", `${object}.${field}`)
          ? undefined
          : `field '${ref.name}' does not exist (no objects/${object}/fields/${field}.field-meta.xml)`;
      }
      return isStandardField(object, field)
        ? undefined
        : `field '${ref.name}' is not a known standard field (scripts/lib/standard-schema.ts)`;
    }
    case "tab":
      return ref.name.startsWith("standard-") || inventory.has("tab", local(ref.name))
        ? undefined
        : `tab '${ref.name}' does not exist`;
    case "application":
      return ref.name.startsWith("standard__") || inventory.has("application", local(ref.name))
        ? undefined
        : `application '${ref.name}' does not exist`;
    default: {
      const name = ref.kind === "recordType" ? ref.name.split(".").map(local).join(".") : local(ref.name);
      return inventory.has(ref.kind, name) ? undefined : `${KIND_LABELS[ref.kind]} '${ref.name}' does not exist`;
    }
  }
}

function objectProblem(object: string, inventory: Inventory): string | undefined {
  if (isCustomName(object)) {
    return inventory.has("object", object) ? undefined : `object '${object}' does not exist (no objects/${object}/)`;
  }
  return isStandardObject(object) || inventory.has("object", object)
    ? undefined
    : `object '${object}' is neither in the project nor a known standard object (scripts/lib/standard-schema.ts)`;
}

const KIND_LABELS: Record<Kind, string> = {
  object: "object",
  field: "field",
  recordType: "record type",
  class: "Apex class",
  tab: "tab",
  customPermission: "custom permission",
  application: "application",
  permissionSet: "permission set",
  mutingPermissionSet: "muting permission set",
  flexipage: "Lightning page",
  page: "Visualforce page",
  flow: "flow",
  lwc: "Lightning web component",
};
