/** Unit, property, adapter and built-bundle tests. Browser tests live under test/browser and run too. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    // office-addin-mock pulls ESM-only strip-bom and uuid: let ts-jest transpile them.
    "^.+\\.(ts|js|mjs)$": ["ts-jest", { tsconfig: "tsconfig.test.json" }],
  },
  // (also where npm nests them, e.g. node_modules/@microsoft/app-manifest/node_modules/strip-bom)
  transformIgnorePatterns: ["/node_modules/(?!(.*/node_modules/)?(strip-bom|uuid)/)"],
  moduleFileExtensions: ["ts", "js", "mjs", "json"],
  testTimeout: 30000,
};
