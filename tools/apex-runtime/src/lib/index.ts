/** Builds the native library: every module registers its members. */
import { Natives } from "../interp/natives";
import { registerAsync } from "./async";
import { registerCollections } from "./collections";
import { registerNumbers } from "./numbers";
import { registerStrings } from "./strings";
import { registerSystem } from "./system";
import { registerTestApi } from "./test-api";
import { registerHttp } from "./http";
import { registerJson } from "./json";
import { registerJsonParser } from "./json-parser";
import { registerDates } from "./dates";
import { registerMisc } from "./misc";
import { registerSObjects } from "./sobjects";
import { registerDatabase } from "./database";
import { registerPlatform } from "./platform";
import { registerSecurity } from "./security";

export function buildNatives(): Natives {
  const n = new Natives();
  registerSystem(n);
  registerStrings(n);
  registerNumbers(n);
  registerCollections(n);
  registerAsync(n);
  registerTestApi(n);
  registerHttp(n);
  registerJson(n);
  registerJsonParser(n);
  registerDates(n);
  registerMisc(n);
  registerSObjects(n);
  registerDatabase(n);
  registerPlatform(n);
  registerSecurity(n);
  return n;
}
