/**
 * Object and field permissions of the running user: profiles (System Administrator: everything;
 * Standard User: standard objects; Minimum Access: nothing) plus the project's permission sets, loaded
 * from force-app/main/default/permissionsets and assigned through PermissionSetAssignment rows.
 */
import { asText } from "../interp/text";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import type { Interpreter } from "../interp/interpreter";
import { ApexId } from "../interp/values";

export type ObjectAccess = "read" | "create" | "edit" | "delete";

export interface PermissionSetDef {
  name: string;
  label: string;
  /** lower-case object → access */
  objects: Map<
    string,
    { read: boolean; create: boolean; edit: boolean; delete: boolean; viewAll: boolean; modifyAll: boolean }
  >;
  /** lower-case 'object.field' → access */
  fields: Map<string, { read: boolean; edit: boolean }>;
  customPermissions: Set<string>;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  isArray: (n) => ["objectPermissions", "fieldPermissions", "customPermissions"].includes(n),
});

type Xml = Record<string, unknown>;

export function loadPermissionSets(dir: string): PermissionSetDef[] {
  if (!existsSync(dir)) return [];
  const out: PermissionSetDef[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".permissionset-meta.xml"))
    .sort()) {
    const x = (parser.parse(readFileSync(join(dir, file), "utf8")) as Xml).PermissionSet as Xml;
    const def: PermissionSetDef = {
      name: file.replace(".permissionset-meta.xml", ""),
      label: asText(x.label ?? file),
      objects: new Map(),
      fields: new Map(),
      customPermissions: new Set(),
    };
    for (const o of (x.objectPermissions as Xml[] | undefined) ?? []) {
      def.objects.set(String(o.object).toLowerCase(), {
        read: String(o.allowRead) === "true",
        create: String(o.allowCreate) === "true",
        edit: String(o.allowEdit) === "true",
        delete: String(o.allowDelete) === "true",
        viewAll: String(o.viewAllRecords) === "true",
        modifyAll: String(o.modifyAllRecords) === "true",
      });
    }
    for (const f of (x.fieldPermissions as Xml[] | undefined) ?? []) {
      def.fields.set(String(f.field).toLowerCase(), {
        read: String(f.readable) === "true",
        edit: String(f.editable) === "true",
      });
    }
    for (const c of (x.customPermissions as Xml[] | undefined) ?? []) {
      if (String(c.enabled) === "true") def.customPermissions.add(String(c.name).toLowerCase());
    }
    out.push(def);
  }
  return out;
}

const STANDARD_USER_OBJECTS = new Set([
  "account",
  "contact",
  "lead",
  "opportunity",
  "task",
  "user",
  "group",
  "organization",
  "profile",
  "permissionset",
  "permissionsetassignment",
  "recordtype",
]);

interface UserAccess {
  admin: boolean;
  standard: boolean;
  sets: PermissionSetDef[];
}

function userAccess(ip: Interpreter): UserAccess {
  const data = ip.data;
  const uid = data.runningUserId(ip);
  const user = data.store.table("user").get(uid);
  const profileId = user?.get("profileid");
  const profile = profileId instanceof ApexId ? data.store.table("profile").get(profileId.value) : undefined;
  const profileName = asText(profile?.get("name") ?? "System Administrator");
  const sets: PermissionSetDef[] = [];
  for (const a of data.store.table("permissionsetassignment").values()) {
    const assignee = a.get("assigneeid");
    if (!(assignee instanceof ApexId) || assignee.value !== uid) continue;
    const psId = a.get("permissionsetid");
    const ps = psId instanceof ApexId ? data.store.table("permissionset").get(psId.value) : undefined;
    const def = ps ? data.permissionSets.get(asText(ps.get("name")).toLowerCase()) : undefined;
    if (def) sets.push(def);
  }
  return { admin: profileName === "System Administrator", standard: profileName === "Standard User", sets };
}

export function hasObjectAccess(ip: Interpreter, obj: string, access: ObjectAccess): boolean {
  const u = userAccess(ip);
  if (u.admin) return true;
  const l = obj.toLowerCase();
  if (u.standard && STANDARD_USER_OBJECTS.has(l)) return true;
  return u.sets.some((s) => {
    const o = s.objects.get(l);
    return !!o && (o.modifyAll || o[access]);
  });
}

export function hasFieldAccess(ip: Interpreter, obj: string, field: string, access: "read" | "edit"): boolean {
  const u = userAccess(ip);
  if (u.admin) return true;
  const lo = obj.toLowerCase();
  const schema = ip.data.schema.get(obj);
  const f = schema?.fields.get(field.toLowerCase());
  if (!f) return false;
  // system and standard non-custom fields follow object access
  if (!f.custom || f.required) return hasObjectAccess(ip, obj, access === "read" ? "read" : "edit");
  if (u.standard && STANDARD_USER_OBJECTS.has(lo)) return true;
  const key = `${lo}.${field.toLowerCase()}`;
  return u.sets.some((s) => {
    const p = s.fields.get(key);
    return !!p && (access === "read" ? p.read : p.edit);
  });
}

export function hasCustomPermission(ip: Interpreter, name: string): boolean {
  const u = userAccess(ip);
  return u.sets.some((s) => s.customPermissions.has(name.toLowerCase()));
}

/** Throws the user-mode error for missing object access. */
export function checkObjectAccess(ip: Interpreter, obj: string, access: ObjectAccess, throwIt: boolean): boolean {
  if (hasObjectAccess(ip, obj, access)) return true;
  if (!throwIt) return false;
  const verb = access === "read" ? "query" : access === "create" ? "insert" : access === "edit" ? "update" : "delete";
  if (access === "read")
    return ip.throwApex("QueryException", `No such column or sObject type ${obj} (user does not have access)`);
  return ip.throwApex("DmlException", `Access to entity '${obj}' denied: cannot ${verb}`);
}
