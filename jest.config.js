// LWC Jest for the TypeScript sources: sfdx-lwc-jest's transformer strips TypeScript itself, so tests and
// components run from lwc-ts-src, never from the generated force-app/main/default/lwc.
const { jestConfig } = require("@salesforce/sfdx-lwc-jest/config");

const platformMock = (name) => `<rootDir>/tools/jest-mocks/lightning/${name}`;

module.exports = {
  ...jestConfig,
  moduleNameMapper: {
    // Without this, sfdx-lwc-jest resolves c/* to the stale compiled JS in force-app.
    "^c/(\\w+)$": "<rootDir>/lwc-ts-src/$1/$1",
    "^lightning/(platformShowToastEvent|navigation|uiRecordApi|uiObjectInfoApi|refresh|actions)$": platformMock("$1"),
  },
  // The components' tests, and the tests of the shared platform mocks themselves.
  testMatch: ["<rootDir>/lwc-ts-src/**/__tests__/**/*.test.ts", "<rootDir>/tools/jest-mocks/__tests__/**/*.test.ts"],
  // Keep Jest's module map away from the generated bundles and the CLI's own node_modules.
  modulePathIgnorePatterns: ["<rootDir>/force-app/main/default/lwc/", "<rootDir>/tools/sf-cli/", "<rootDir>/.build/"],
  setupFilesAfterEnv: [...jestConfig.setupFilesAfterEnv, "<rootDir>/tools/jest-setup.ts"],
  collectCoverageFrom: [
    "lwc-ts-src/**/*.ts",
    "!lwc-ts-src/**/__tests__/**",
    "!lwc-ts-src/typings/**",
    "!lwc-ts-src/**/*.d.ts",
    "!lwc-ts-src/**/*.test.ts",
  ],
  coverageThreshold: { global: { lines: 90 } },
};
