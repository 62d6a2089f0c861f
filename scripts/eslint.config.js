// ESLint 9 flat config. TypeScript (components, tests, scripts, tools) is linted type-aware with
// typescript-eslint; the LWC sources also get the @lwc/lwc and @salesforce/lightning rules of Salesforce's
// recommended LWC config. The compiled JS in force-app/main/default/lwc is generated and ignored.
const path = require("node:path");
const eslintJs = require("@eslint/js");
const tseslint = require("typescript-eslint");
const globals = require("globals");
const jestPlugin = require("eslint-plugin-jest");
const lwcPlugin = require("@lwc/eslint-plugin-lwc");
const lightningPlugin = require("@salesforce/eslint-plugin-lightning");
const lwcConfigs = require("@salesforce/eslint-config-lwc").configs;

/**
 * The LWC-specific rules of the shared configs, without their Babel parser: the shared TS config
 * (`recommendedTs`) reports false `no-undef` errors on TypeScript, so the rules run under typescript-eslint.
 */
const lwcRules = Object.fromEntries(
  [...lwcConfigs.base, ...lwcConfigs.recommended]
    .flatMap((config) => Object.entries(config.rules ?? {}))
    .filter(([name]) => name.startsWith("@lwc/lwc/") || name.startsWith("@salesforce/lightning/")),
);

/** What the platform cannot resolve inside a bundle. */
const bundleImportRules = [
  { group: ["@lwc-ts-src/*"], message: "Import another bundle as c/<bundle>: the platform resolves nothing else." },
  { group: ["@salesforce/lds", "@salesforce/lds/**"], message: "LDS internals are ephemeral: do not import them." },
];
const crossBundleImportRule = {
  group: ["../*"],
  message: "A bundle may only import its own files (./x) and other bundles as c/<bundle>.",
};

module.exports = tseslint.config(
  {
    ignores: [
      "node_modules/",
      "force-app/main/default/lwc/",
      "lwc-ts-src/typings/generated/",
      "tools/sf-cli/",
      "tools/apex-runtime/.cache/",
      "coverage/",
      ".build/",
      ".jest-cache/",
      "**/fixtures/**",
    ],
  },
  eslintJs.configs.recommended,
  {
    files: ["**/*.ts"],
    extends: [tseslint.configs.recommendedTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: path.join(__dirname, "..") },
    },
    rules: {
      // Template literals with numbers read naturally in messages.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      // `_name` marks an argument a signature requires but the body does not use.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["lwc-ts-src/**/*.ts"],
    // Declarations import lwc's types (WireAdapterConstructor), which components themselves may not.
    ignores: ["lwc-ts-src/typings/**"],
    plugins: { "@lwc/lwc": lwcPlugin, "@salesforce/lightning": lightningPlugin },
    languageOptions: { globals: globals.browser },
    rules: {
      ...lwcRules,
      "no-restricted-imports": ["error", { patterns: [...bundleImportRules, crossBundleImportRule] }],
    },
  },
  {
    // Tests are not shipped: they may reach the shared platform mocks (tools/jest-mocks) by path.
    files: ["lwc-ts-src/**/__tests__/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: bundleImportRules }] },
  },
  {
    files: ["lwc-ts-src/**/__tests__/**/*.ts", "tools/jest-mocks/**/*.ts", "tools/jest-setup.ts"],
    ...jestPlugin.configs["flat/recommended"],
    languageOptions: { globals: { ...globals.browser, ...globals.jest } },
  },
  {
    files: ["scripts/**/*.ts", "tools/**/*.ts"],
    languageOptions: { globals: globals.node },
  },
  {
    // node:test's describe/it return promises the runner itself awaits.
    files: ["scripts/__tests__/**/*.ts", "tools/apex-runtime/test/**/*.ts"],
    rules: {
      "@typescript-eslint/no-floating-promises": [
        "error",
        {
          allowForKnownSafeCalls: [
            { from: "package", package: "node:test", name: ["describe", "it", "test", "suite", "before", "after"] },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module", globals: globals.node },
  },
);
