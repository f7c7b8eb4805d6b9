import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { firstLoad } from "./first-load";

// Byte sizes are deterministic for a given build, so the budget is a test; times never are.
const BUDGET_GZIP = 50 * 1024;

describe("the respondent's first load", () => {
  it("has been built", () => {
    expect(existsSync("dist/index.html")).toBe(true);
  });

  it(`stays under ${BUDGET_GZIP / 1024} KiB gzip (HTML, JS, CSS)`, () => {
    const load = firstLoad("dist");
    expect(load.files.some((f) => f.endsWith(".js"))).toBe(true);
    expect(load.files.some((f) => f.endsWith(".css"))).toBe(true);
    console.log(`first load: ${load.files.join(", ")} = ${load.gzip} B gzip, ${load.brotli} B brotli`);
    expect(load.gzip).toBeLessThan(BUDGET_GZIP);
  });
});
