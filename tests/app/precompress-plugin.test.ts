import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { precompressPlugin } from "../../src/build/precompress-plugin";

let root: string | undefined;
afterEach(() => root && rmSync(root, { recursive: true, force: true }));

type Hook = (...args: unknown[]) => unknown;
const handlerOf = (hook: unknown): Hook =>
  (typeof hook === "function" ? hook : (hook as { handler: Hook }).handler) as Hook;

describe("tsunagu-precompress", () => {
  it("compresses the build's resolved outDir, not dist", () => {
    root = mkdtempSync(join(tmpdir(), "precompress-"));
    const out = join(root, "elsewhere");
    mkdirSync(join(out, "assets"), { recursive: true });
    writeFileSync(join(out, "assets", "app.js"), "console.log('tsunagu');".repeat(20));
    writeFileSync(join(out, "icon.png"), "not text");
    const plugin = precompressPlugin();
    handlerOf(plugin.configResolved)({ root, build: { outDir: "elsewhere" } });
    handlerOf(plugin.closeBundle)();
    expect(gunzipSync(readFileSync(join(out, "assets", "app.js.gz"))).toString()).toContain("tsunagu");
    expect(existsSync(join(out, "assets", "app.js.br"))).toBe(true);
    expect(existsSync(join(out, "icon.png.gz"))).toBe(false);
  });
});
