import { test } from "node:test";
import assert from "node:assert/strict";
import { Decimal, type RoundingMode } from "../src/interp/decimal";

test("Decimal arithmetic keeps Apex scale rules", () => {
  const cases: [string, "+" | "-" | "*" | "/", string, string][] = [
    ["1.10", "+", "2.205", "3.305"],
    ["1.10", "*", "2.205", "2.42550"],
    ["5", "-", "7.5", "-2.5"],
    ["10", "/", "4", "2.5"],
    ["1", "/", "3", "0.3333333333333333333333333333333333"],
    ["6.00", "/", "2", "3.00"],
    ["-7", "/", "2", "-3.5"],
  ];
  for (const [a, op, b, want] of cases) {
    const x = Decimal.parse(a);
    const y = Decimal.parse(b);
    const r = op === "+" ? x.add(y) : op === "-" ? x.sub(y) : op === "*" ? x.mul(y) : x.div(y);
    assert.equal(r.toString(), want, `${a} ${op} ${b}`);
  }
});

test("Decimal rounding modes follow java.math.RoundingMode", () => {
  const cases: [string, RoundingMode, string][] = [
    ["5.5", "CEILING", "6"],
    ["-1.1", "CEILING", "-1"],
    ["5.5", "DOWN", "5"],
    ["-2.7", "FLOOR", "-3"],
    ["5.5", "HALF_DOWN", "5"],
    ["5.5", "HALF_EVEN", "6"],
    ["2.5", "HALF_EVEN", "2"],
    ["2.5", "HALF_UP", "3"],
    ["-2.5", "HALF_UP", "-3"],
    ["1.1", "UP", "2"],
  ];
  for (const [v, mode, want] of cases)
    assert.equal(Decimal.parse(v).withScale(0, mode).toString(), want, `${v} ${mode}`);
});

test("Decimal parse and compare", () => {
  assert.equal(Decimal.parse("1.0").compare(Decimal.parse("1.00")), 0);
  assert.equal(Decimal.parse("1e3").toString(), "1000");
  assert.equal(Decimal.fromDouble(0.1).toString(), "0.1");
  assert.throws(() => Decimal.parse("abc"));
});
