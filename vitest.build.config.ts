import { defineConfig } from "vitest/config";

// Checks on the built app (dist/): run by `npm test` right after `vite build`.
export default defineConfig({
  test: { include: ["tests/build/**/*.test.ts"], environment: "node" },
});
