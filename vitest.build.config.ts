import { defineConfig } from "vitest/config";

// Checks on the built app (dist/): run by `npm test` right after `vite build`.
export default defineConfig({
  // Each check reads and compresses the built files at the highest levels: a few seconds on a busy
  // two-core machine, past vitest's 5 s default (a timeout there said nothing about the bytes).
  test: { include: ["tests/build/**/*.test.ts"], environment: "node", testTimeout: 60_000 },
});
