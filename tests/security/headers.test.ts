import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/server/app";
import { fixtureSurveys, STORAGE_VARIANTS, TOKEN } from "../server/support";

describe("security headers (OWASP ASVS 5.0 V3.4)", () => {
  let app: Hono;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    const sqlite = STORAGE_VARIANTS.find((v) => v.name === "sqlite");
    if (!sqlite) throw new Error("no sqlite variant");
    const opened = await sqlite.open();
    await opened.storage.migrate();
    const staticDir = mkdtempSync(join(tmpdir(), "tsunagu-static-"));
    writeFileSync(join(staticDir, "index.html"), "<!doctype html><title>t</title>");
    app = createApp({
      storage: opened.storage,
      surveys: fixtureSurveys(),
      organizerToken: TOKEN,
      log: () => {},
      staticDir,
    });
    dispose = opened.dispose;
  });
  afterAll(async () => dispose());

  const paths = [
    "/",
    "/s/ward-test",
    "/api/v1/health",
    "/api/v1/surveys",
    "/api/v1/nope",
    "/api/v1/surveys/x/tallies",
  ];

  it.each(paths)(
    "%s carries nosniff, no framing, no referrer, COOP and a permissions policy",
    async (path) => {
      const res = await app.request(path);
      const h = res.headers;
      expect(h.get("X-Content-Type-Options")).toBe("nosniff");
      expect(h.get("X-Frame-Options")).toBe("DENY");
      expect(h.get("Referrer-Policy")).toBe("no-referrer");
      expect(h.get("Cross-Origin-Opener-Policy")).toBe("same-origin");
      expect(h.get("Permissions-Policy")).toMatch(/(^|, )microphone=\(\)/);
      expect(h.get("Permissions-Policy")).toMatch(/(^|, )geolocation=\(\)/);
      expect(h.get("X-Powered-By")).toBeNull();
      const csp = h.get("Content-Security-Policy") ?? "";
      expect(csp).toMatch(/(^|; )frame-ancestors 'none'(;|$)/);
      expect(csp).toMatch(/(^|; )script-src 'self'(;|$)/);
      // Beside its own files, only the results page's one stylesheet, by its hash (issue 23).
      expect(csp).toMatch(/(^|; )style-src 'self' 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
      expect(csp).toMatch(/(^|; )object-src 'none'(;|$)/);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    },
  );

  it("serves the app page itself under the policy", async () => {
    const res = await app.request("/");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/text\/html/);
    expect(res.headers.get("Content-Security-Policy")).toContain("default-src 'self'");
  });
});
