/**
 * Upsert by an external-id field (Apex Developer Guide, "Upserting Records"): a key that matches one row
 * updates it, no match inserts, two matching rows fail the record with DUPLICATE_EXTERNAL_ID, a blank key
 * fails it; within one call a later record with the key of an earlier inserted one updates that one.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { harness } from "./harness";

const objects = join(__dirname, "fixtures", "upsert", "objects");

const source = `
public class UpsertProbe {
    public static String run() {
        insert new List<Widget__c>{
            new Widget__c(Name = 'one', Code__c = 'W-1'),
            new Widget__c(Name = 'twin a', Code__c = 'W-2'),
            new Widget__c(Name = 'twin b', Code__c = 'W-2')
        };
        List<Widget__c> batch = new List<Widget__c>{
            new Widget__c(Name = 'one, updated', Code__c = 'w-1'),
            new Widget__c(Name = 'new', Code__c = 'W-3'),
            new Widget__c(Name = 'ambiguous', Code__c = 'W-2'),
            new Widget__c(Name = 'no key'),
            new Widget__c(Name = 'new, again', Code__c = 'W-3')
        };
        List<String> out = new List<String>();
        for (Database.UpsertResult r : Database.upsert(batch, Widget__c.Code__c, false)) {
            out.add(r.isSuccess() ? (r.isCreated() ? 'created' : 'updated') : String.valueOf(r.getErrors()[0].getStatusCode()));
        }
        for (Widget__c w : [SELECT Name, Code__c FROM Widget__c ORDER BY Code__c, Name]) {
            out.add(w.Code__c + '=' + w.Name);
        }
        return String.join(out, '|');
    }
}`;

test("upsert by external id updates, inserts and reports duplicates and blank keys", () => {
  const h = harness([source], undefined, objects);
  assert.deepEqual((h.call("UpsertProbe", "run") as string).split("|"), [
    "updated",
    "created",
    "DUPLICATE_EXTERNAL_ID",
    "MISSING_ARGUMENT",
    "updated",
    "w-1=one, updated",
    "W-2=twin a",
    "W-2=twin b",
    "W-3=new, again",
  ]);
});

test("upsert of 3,000 records by external id updates every one of them", () => {
  const h = harness(
    [
      `public class BulkUpsert {
        public static Integer run() {
          List<Widget__c> rows = new List<Widget__c>();
          for (Integer i = 0; i < 3000; i++) rows.add(new Widget__c(Name = 'w' + i, Code__c = 'K' + i));
          insert rows;
          for (Widget__c w : rows) { w.Id = null; w.Name = 'again'; }
          Integer updated = 0;
          for (Database.UpsertResult r : Database.upsert(rows, Widget__c.Code__c, true)) if (!r.isCreated()) updated++;
          return updated;
        }
      }`,
    ],
    undefined,
    objects,
  );
  assert.equal(h.call("BulkUpsert", "run"), 3000);
});
