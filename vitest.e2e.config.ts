import { defineConfig } from "vitest/config";

// Chromium suites against the built app (dist/) served by the real collector. One file at a time:
// each starts its own collector and browser, and the machine has two cores.
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.e2e.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
