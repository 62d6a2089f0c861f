import { checkCompatibility, compatibleExternalTypes, isMappable, readableType } from "../typeCompatibility";

describe("typeCompatibility (mirrors TypeCoercion.isCompatible)", () => {
  it.each([
    ["String", "string", true],
    ["String", "number", true],
    ["String", "array", false],
    ["String", "object", false],
    ["Picklist", "string", true],
    ["MultiPicklist", "array", true],
    ["MultiPicklist", "number", false],
    ["Boolean", "boolean", true],
    ["Boolean", "date", false],
    ["Int", "number", true],
    ["Long", "boolean", false],
    ["Currency", "integer", true],
    ["Percent", "boolean", false],
    ["Date", "datetime", true],
    ["DateTime", "time", false],
    ["Time", "time", true],
    ["Reference", "id", true],
    ["Reference", "number", false],
    ["Email", "id", true],
  ])("%s to %s is compatible: %s", (salesforce, external, expected) => {
    expect(checkCompatibility(salesforce, external).compatible).toBe(expected);
  });

  it("explains why a pair is refused and what would work", () => {
    const result = checkCompatibility("Boolean", "date");
    expect(result.reason).toBe("A Boolean field cannot hold a date value; map it to boolean, string, integer.");
    expect(checkCompatibility("Int", "array").reason).toContain("an array value");
  });

  it("accepts a blank external type and refuses an unknown one, as Apex does", () => {
    expect(checkCompatibility("String", "")).toEqual({ compatible: true, reason: "" });
    expect(checkCompatibility("String", undefined).compatible).toBe(true);
    expect(checkCompatibility("String", "uuid").compatible).toBe(false);
  });

  it("never maps unsupported Salesforce types", () => {
    expect(isMappable("Address")).toBe(false);
    expect(checkCompatibility("Address", "string")).toEqual({
      compatible: false,
      reason: "Address fields cannot be mapped.",
    });
    expect(compatibleExternalTypes("Location")).toEqual([]);
    expect(compatibleExternalTypes("Date")).toEqual(["date", "datetime", "string"]);
  });

  it("names types readably", () => {
    expect(readableType("DateTime")).toBe("Date/Time");
    expect(readableType("String")).toBe("String");
  });
});
