// `npm run bench`: the LWC benchmarks, in the same jsdom environment and with the same mappings as the unit
// tests, but only the *.bench.ts files under scripts/bench and without coverage.
const base = require("../../jest.config.js");

module.exports = {
  ...base,
  rootDir: "../..",
  testMatch: ["<rootDir>/scripts/bench/**/*.bench.ts"],
  collectCoverage: false,
  coverageThreshold: undefined,
  testTimeout: 120000,
};
