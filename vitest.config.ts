import { defineConfig } from "vitest/config";

// Unit and collector tests: Node, no browser. The Chromium suites live in vitest.e2e.config.ts.
export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    exclude: ["tests/e2e/**", "tests/build/**", "node_modules/**"],
    environment: "node",
    testTimeout: 20_000,
  },
});
