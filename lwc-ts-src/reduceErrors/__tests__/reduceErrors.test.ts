import { reduceErrors, UNKNOWN_ERROR } from "c/reduceErrors";

describe("reduceErrors", () => {
  it("returns no messages for null, undefined and empty lists", () => {
    expect(reduceErrors(null)).toEqual([]);
    expect(reduceErrors(undefined)).toEqual([]);
    expect(reduceErrors([])).toEqual([]);
    expect(reduceErrors([null, [undefined]])).toEqual([]);
  });

  it("reads the message of an Error", () => {
    expect(reduceErrors(new TypeError("boom"))).toEqual(["boom"]);
  });

  it("keeps a string as it is, trimmed", () => {
    expect(reduceErrors("  Callout failed  ")).toEqual(["Callout failed"]);
  });

  it("reads an Apex AuraHandledException body", () => {
    expect(reduceErrors({ body: { message: "Connection is paused" }, status: 500 })).toEqual(["Connection is paused"]);
  });

  it("reads every message of a UI API body that is a list", () => {
    const error = { body: [{ message: "First" }, { message: "Second" }, { errorCode: "NO_MESSAGE" }] };
    expect(reduceErrors(error)).toEqual(["First", "Second"]);
  });

  it("prefers UI API output errors and field errors over the generic body message", () => {
    const error = {
      body: {
        message: "An error occurred while trying to update the record. Please try again.",
        output: {
          errors: [{ errorCode: "FIELD_CUSTOM_VALIDATION_EXCEPTION", message: "Close date is in the past" }],
          fieldErrors: { Name: [{ message: "Name is required" }], Amount: [{ message: "Too large" }] },
        },
      },
    };
    expect(reduceErrors(error)).toEqual(["Close date is in the past", "Name is required", "Too large"]);
  });

  it("reads DML page errors and field errors", () => {
    const error = {
      body: {
        pageErrors: [{ statusCode: "INSUFFICIENT_ACCESS", message: "No access" }],
        fieldErrors: { Status__c: [{ message: "Bad value for restricted picklist" }] },
      },
    };
    expect(reduceErrors(error)).toEqual(["No access", "Bad value for restricted picklist"]);
  });

  it("falls back to the body message when UI API output has nothing specific", () => {
    const error = { body: { message: "Generic failure", output: { errors: [], fieldErrors: {} } } };
    expect(reduceErrors(error)).toEqual(["Generic failure"]);
  });

  it("reads a body that is only a string", () => {
    expect(reduceErrors({ body: "Service Unavailable" })).toEqual(["Service Unavailable"]);
  });

  it("falls back from an empty body to the message, then to the status text", () => {
    expect(reduceErrors({ body: {}, message: "Fetch failed" })).toEqual(["Fetch failed"]);
    expect(reduceErrors({ body: null, statusText: "Not Found" })).toEqual(["Not Found"]);
  });

  it("flattens nested lists of mixed shapes and removes duplicates", () => {
    const errors = [
      new Error("Timeout"),
      ["Timeout", { body: { message: "Rejected by m3ter" } }],
      { body: [{ message: "Rejected by m3ter" }] },
    ];
    expect(reduceErrors(errors)).toEqual(["Timeout", "Rejected by m3ter"]);
  });

  it("never answers with nothing or 'undefined' for an error without a readable message", () => {
    expect(reduceErrors({})).toEqual([UNKNOWN_ERROR]);
    expect(reduceErrors(new Error(""))).toEqual([UNKNOWN_ERROR]);
    expect(reduceErrors({ body: { message: undefined } })).toEqual([UNKNOWN_ERROR]);
    expect(reduceErrors(42)).toEqual([UNKNOWN_ERROR]);
    expect(reduceErrors([{ message: 7 }])).not.toContain("undefined");
  });
});
