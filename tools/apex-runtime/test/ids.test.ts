import { test } from "node:test";
import assert from "node:assert/strict";
import { makeId, to18 } from "../src/interp/ids";
import { harness } from "./harness";

test("15-character ids get the 18-character checksum suffix", () => {
  const cases: [string, string | null][] = [
    ["001000000000001", "001000000000001AAA"],
    ["001000000000001AAA", "001000000000001AAA"],
    ["001000000000001aaa", "001000000000001AAA"],
    ["00Q5e00000AbCdE", "00Q5e00000AbCdEEAV"], // Q at 2 → E; 00000 → A; A,C,E at 0,2,4 → 21 → V
    ["001000000000001AAB", null],
    ["not-an-id", null],
    ["", null],
  ];
  for (const [input, want] of cases) assert.equal(to18(input), want, input);
});

test("generated ids carry the key prefix and are valid", () => {
  const id = makeId("a0A", 42);
  assert.equal(id.length, 18);
  assert.ok(id.startsWith("a0A"));
  assert.equal(to18(id.slice(0, 15)), id);
});

test("SObjectType tokens compare by the type they denote (Id.getSObjectType() == Schema.Account.SObjectType)", () => {
  const h = harness([]);
  assert.equal(h.show("Id.valueOf('001000000000001AAA').getSObjectType() == Schema.Account.SObjectType"), "true");
  assert.equal(h.show("Id.valueOf('001000000000001AAA').getSObjectType() == Contact.SObjectType"), "false");
  assert.equal(h.show("new Set<Schema.SObjectType>{ Account.SObjectType, Schema.Account.SObjectType }.size()"), "1");
  assert.equal(h.show("Account.Name == Schema.Account.Name"), "true");
});
