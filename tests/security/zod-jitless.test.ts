import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// The app's CSP forbids eval, so zod must not probe for it in the browser (src/domain/zod-config.ts).
// zod/mini's objects never do (zod-mini.test.ts); zod-config also turns the JIT off in a page, which
// holds only if it runs before the first object schema is defined: every module the browser may load
// that defines one imports it first. The Chromium CSP walk is the end-to-end check.
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe("zod without JIT in the browser", () => {
  it("every browser-side module that defines an object schema imports zod-config first", () => {
    const root = join(import.meta.dirname, "../../src");
    const defining = sources(root)
      .filter((f) => !relative(root, f).startsWith("server"))
      .filter((f) => /\bz\.(?:object|strictObject|looseObject|extend)\(/.test(readFileSync(f, "utf8")));
    expect(defining.length).toBeGreaterThan(3);
    const missing = defining.filter(
      (f) => !/^import "(?:\.\/|(?:\.\.\/)+domain\/)zod-config";/.test(readFileSync(f, "utf8")),
    );
    expect(missing.map((f) => relative(root, f))).toEqual([]);
  });
});
