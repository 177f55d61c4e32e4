const { loadEnv } = require("@medusajs/framework/utils")

loadEnv("test", process.cwd())

// Selected by TEST_TYPE (scripts/test.mjs runs each type in turn), as in Medusa's
// app template.
const TEST_MATCH = {
  unit: ["**/src/**/__tests__/**/*.unit.spec.[jt]s"],
  "integration:modules": ["**/src/modules/*/__tests__/**/*.spec.[jt]s"],
  "integration:http": ["**/integration-tests/http/**/*.spec.[jt]s"],
  "integration:production": ["**/integration-tests/production/**/*.spec.[jt]s"],
  // Real processes killed mid-flow, contention runs and the route fuzzer.
  "integration:reliability": ["**/integration-tests/reliability/**/*.spec.[jt]s"],
}

const TEST_TYPE = process.env.TEST_TYPE

module.exports = {
  transform: {
    "^.+\\.[jt]s$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", decorators: true },
          // Medusa's services use legacy decorators with parameter metadata
          // (@InjectManager, @MedusaContext).
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: "es2021",
        },
        // Keeps `import()` native, so a test can load the .mjs harness that the
        // benchmarks share (scripts/*.mjs); jest runs it as ESM
        // (--experimental-vm-modules, set by scripts/test.mjs).
        module: { type: "commonjs", ignoreDynamic: true },
      },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "json"],
  // Also keeps jest's file crawler out of the embedded PostgreSQL data dirs.
  modulePathIgnorePatterns: [
    "dist/",
    "<rootDir>/.medusa/",
    "<rootDir>/dev-data/",
    "<rootDir>/.test-db/",
    // bench/.work holds a copy of the host and its build (npm run bench:*, and
    // the tests of integration-tests/{reliability,production} that start processes).
    "<rootDir>/bench/.work/",
    // Logs, databases and scratch checkouts of the process tests.
    "<rootDir>/.reliability/",
  ],
  setupFiles: ["./integration-tests/setup.js"],
  // Integration suites boot Medusa and create a database in beforeAll.
  testTimeout: TEST_TYPE && TEST_TYPE.startsWith("integration") ? (TEST_TYPE === "integration:reliability" ? 600 : 120) * 1000 : 5 * 1000,
}

if (TEST_MATCH[TEST_TYPE]) {
  module.exports.testMatch = TEST_MATCH[TEST_TYPE]
}
if (TEST_TYPE === "integration:modules") {
  // Unit specs inside a module's __tests__ belong to the unit run.
  module.exports.testPathIgnorePatterns = ["/node_modules/", "\\.unit\\.spec\\.[jt]s$"]
}
