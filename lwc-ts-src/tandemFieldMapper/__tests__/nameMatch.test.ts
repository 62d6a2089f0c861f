import {
  autoMatch,
  bestScore,
  containment,
  editDistance,
  normalise,
  similarity,
  tokenOverlap,
  tokens,
} from "../nameMatch";

describe("nameMatch", () => {
  it("splits names into normalised tokens without namespace, suffix or separators", () => {
    expect(tokens("tandem__BillingCity__c")).toEqual(["billing", "city"]);
    expect(tokens("customFields.tier_level")).toEqual(["custom", "fields", "tier", "level"]);
    expect(tokens("Address2Line")).toEqual(["address", "2", "line"]);
    expect(tokens("HTMLBody")).toEqual(["html", "body"]);
    expect(tokens("")).toEqual([]);
    expect(tokens(undefined)).toEqual([]);
  });

  it("joins the tokens into the comparable form", () => {
    expect(normalise("Billing_City__c")).toBe("billingcity");
    expect(normalise("billingCity")).toBe("billingcity");
  });

  it("counts edits between two strings", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("abc", "")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });

  it("measures how much of the shorter name the longer one contains", () => {
    expect(containment(["phone"], ["phone", "number"])).toBe(1);
    expect(containment(["a", "b"], ["b"])).toBe(1);
    expect(containment([], ["a"])).toBe(0);
  });

  it("measures token overlap", () => {
    expect(tokenOverlap(["a", "b"], ["b", "c"])).toBeCloseTo(1 / 3);
    expect(tokenOverlap([], ["a"])).toBe(0);
  });

  it("scores identical names 1, similar names high and unrelated names low", () => {
    expect(similarity("BillingCity", "billing_city")).toBe(1);
    expect(similarity("AccountNumber", "account_no")).toBeGreaterThan(0.3);
    expect(similarity("Phone", "phone_number")).toBeGreaterThanOrEqual(0.5);
    expect(similarity("Industry", "currency")).toBeLessThan(0.72);
    expect(similarity("", "x")).toBe(0);
  });

  it("takes the best score over every name of both sides", () => {
    expect(bestScore({ key: "a", names: ["Foo", "Billing City"] }, { key: "b", names: ["x", "billingCity"] })).toBe(1);
  });

  it("auto-matches exact names first, then by similarity, each candidate once and only when accepted", () => {
    const matches = autoMatch(
      [
        { key: "Name", names: ["Name", "Account Name"] },
        { key: "BillingCity", names: ["BillingCity", "Billing City"] },
        { key: "Phone", names: ["Phone", "Phone"] },
        { key: "Industry", names: ["Industry", "Industry"] },
      ],
      [
        { key: "name", names: ["name", "Name"] },
        { key: "billing.city", names: ["billing.city", "City"] },
        { key: "phone_number", names: ["phone_number", "Phone number"] },
        { key: "industry", names: ["industry", "Industry"] },
      ],
      (target) => target !== "Industry",
    );
    expect(matches).toEqual(
      expect.arrayContaining([
        { target: "Name", candidate: "name", score: 1 },
        { target: "BillingCity", candidate: "billing.city", score: 1 },
      ]),
    );
    expect(matches.find((match) => match.target === "Phone")?.candidate).toBe("phone_number");
    expect(matches.find((match) => match.target === "Industry")).toBeUndefined();
  });

  it("leaves a target unmatched when nothing is similar enough", () => {
    expect(autoMatch([{ key: "Foo", names: ["Foo"] }], [{ key: "zzz", names: ["completely_different"] }])).toEqual([]);
  });
});
