import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// Full zod ("classic") weighs some 26 KB gzip on a phone's cold visit, and its object schemas probe
// `new Function`, which the app's Content-Security-Policy forbids: the device's code uses zod/mini.
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe("zod on the device", () => {
  it("no module outside the collector imports full zod", () => {
    const root = join(import.meta.dirname, "../../src");
    const browserSide = sources(root).filter((f) => !/^(?:server|build)\//.test(relative(root, f)));
    expect(browserSide.length).toBeGreaterThan(50);
    const classic = browserSide.filter((f) =>
      /from "zod(?:\/v4(?:\/classic)?)?"/.test(readFileSync(f, "utf8")),
    );
    expect(classic.map((f) => relative(root, f))).toEqual([]);
  });
});
