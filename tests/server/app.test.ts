import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/server/app";
import { createKyselyStorage, openSqlite, type Storage } from "../../src/server/storage";
import { fixtureSurveys, makeResponse, postJson, TOKEN } from "./support";

// Routes that do not depend on the database dialect: one SQLite storage serves them all.
let storage: Storage;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tsunagu-app-"));
  storage = createKyselyStorage(openSqlite(join(dir, "t.sqlite")), "sqlite");
  await storage.migrate();
});
afterAll(async () => {
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

const appWith = (extra: { corsOrigins?: string[]; staticDir?: string; log?: (l: string) => void } = {}) =>
  createApp({ storage, surveys: fixtureSurveys(), organizerToken: TOKEN, log: () => {}, ...extra });

describe("GET /api/v1/openapi.json", () => {
  it("is OpenAPI 3.1 with every route and the contract's field names", async () => {
    const res = await appWith().request("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        "/devices/{id}/revoke",
        "/devices/{id}",
        "/events",
        "/events/{id}",
        "/events/{id}/devices",
        "/health",
        "/imports",
        "/openapi.json",
        "/receipts",
        "/responses",
        "/surveys",
        "/surveys/{id}",
        "/surveys/{id}/responses.csv",
        "/surveys/{id}/tallies",
        "/surveys/{id}/choices",
        "/surveys/{id}/counts",
        "/surveys/{id}/trend",
        "/surveys/{id}/population",
        "/surveys/{id}/reviews",
        "/surveys/{id}/paper-forms",
        "/surveys/{id}/reviews/{changeId}/undo",
        "/session",
        "/surveys/{id}/tallies.csv",
        "/surveys/{id}/policy.csv",
        "/surveys/{id}/versions",
        "/surveys/{id}/workbook",
        "/accounts",
        "/accounts/{id}",
        "/accounts/{id}/sessions",
        "/accounts/{id}/password",
        "/sessions",
        "/sessions/{id}",
        "/password",
        "/api-tokens",
        "/api-tokens/{id}",
        "/invitations",
        "/invitations/{id}",
        "/invitation",
        "/invitation/accept",
        "/passkeys",
        "/passkeys/options",
        "/passkeys/{id}",
        "/session/passkey/options",
        "/session/passkey",
        "/audit",
        "/surveys/{id}/results/{wave}",
        "/public/surveys/{id}/results.json",
        "/public/surveys/{id}/results/{file}",
        "/public/surveys/{id}/results/{wave}/reactions",
        "/surveys/{id}/invitations",
        "/surveys/{id}/invitations/{batchId}.csv",
        "/surveys/{id}/invitations/{batchId}/unused.csv",
        "/surveys/{id}/invitations/{batchId}/letters",
        "/surveys/{id}/response-rate",
      ].sort(),
    );
    const { schemas } = doc.components;
    expect(Object.keys(schemas.Response?.properties ?? {}).sort()).toEqual(
      [
        "answers",
        "deviceId",
        "eventId",
        "id",
        "invitation",
        "locale",
        "mode",
        "paperForm",
        "submittedAt",
        "surveyId",
        "surveyVersion",
      ].sort(),
    );
    expect(Object.keys(schemas.Tallies?.properties ?? {}).sort()).toEqual([
      "by",
      "indicators",
      "surveyId",
      "wave",
      "weighting",
    ]);
    expect(Object.keys(schemas.PopulationSets?.properties ?? {}).sort()).toEqual(["sets", "surveyId"]);
    expect(Object.keys(schemas.ResponsesResult?.properties ?? {})).toEqual(["results"]);
    expect(Object.keys(schemas.ReceiptsResult?.properties ?? {})).toEqual(["stored"]);
    expect(JSON.stringify(doc.paths["/surveys/{id}/tallies"])).toContain("organizerToken");
  });
});

describe("CORS", () => {
  const preflight = (origin: string) =>
    new Request("http://collector.test/api/v1/responses", {
      method: "OPTIONS",
      headers: {
        Origin: origin,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
      },
    });

  it("allows no other origin by default", async () => {
    const res = await appWith().request(preflight("https://other.example"));
    expect(res.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });

  it("allows only the configured origins, with Content-Type and Authorization", async () => {
    const app = appWith({ corsOrigins: ["https://ward.example"] });
    const allowed = await app.request(preflight("https://ward.example"));
    expect(allowed.headers.get("Access-Control-Allow-Origin")).toBe("https://ward.example");
    expect(allowed.headers.get("Access-Control-Allow-Headers")).toMatch(/Content-Type.*Authorization/i);
    const other = await app.request(preflight("https://evil.example"));
    expect(other.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });
});

describe("JSON bodies", () => {
  it("need Content-Type: application/json on every JSON route, else 415 unsupported_media_type", async () => {
    const app = appWith();
    const bearer = { Authorization: `Bearer ${TOKEN}` };
    const created = await app.request(
      "/api/v1/events",
      postJson({ surveyId: "ward-test", name: "防災訓練", place: "北小学校", date: "2026-09-01" }, bearer),
    );
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const routes: [string, unknown, Record<string, string>][] = [
      ["/api/v1/responses", { responses: [makeResponse()] }, {}],
      ["/api/v1/receipts", { ids: [] }, {}],
      ["/api/v1/session", { token: TOKEN }, {}],
      ["/api/v1/events", { surveyId: "ward-test", name: "n", place: "p", date: "2026-09-01" }, bearer],
      [`/api/v1/events/${id}/devices`, { label: "タブレット" }, bearer],
    ];
    for (const [path, body, headers] of routes)
      for (const type of [
        undefined,
        "text/plain",
        "application/x-www-form-urlencoded",
        "application/jsonp",
      ]) {
        const res = await app.request(path, {
          method: "POST",
          headers: { ...headers, ...(type && { "Content-Type": type }) },
          // Bytes, not a string: a Request gives a string body text/plain of its own accord.
          body: new TextEncoder().encode(JSON.stringify(body)),
        });
        expect(res.status, `${path} with ${type}`).toBe(415);
        expect(await res.json()).toMatchObject({ error: { code: "unsupported_media_type" } });
      }
    for (const type of [
      "application/json",
      "application/json; charset=utf-8",
      "application/merge-patch+json",
    ])
      expect(
        (
          await app.request("/api/v1/receipts", {
            method: "POST",
            headers: { "Content-Type": type },
            body: '{"ids":[]}',
          })
        ).status,
        type,
      ).toBe(200);
  });
});

describe("request log", () => {
  it("writes one line with method, path, status and duration, and nothing of the answers or client", async () => {
    const lines: string[] = [];
    const app = appWith({ log: (l) => lines.push(l) });
    const r = makeResponse({ answers: { q_comment: "秘密の意見" } });
    await app.request(
      "/api/v1/responses?x=1",
      postJson({ responses: [r] }, { "User-Agent": "Secret/1.0", "X-Forwarded-For": "203.0.113.9" }),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^POST \/api\/v1\/responses 200 \d+(\.\d+)?ms$/);
  });

  it("writes the path as sent, still encoded, so a %0A or %0D in it cannot forge a second line", async () => {
    const lines: string[] = [];
    const app = appWith({ log: (l) => lines.push(l) });
    await app.request("/api/v1/nope%0AGET%20/api/v1/health%20200%201.0ms");
    await app.request("/x%0D%0Ay%E3%81%82");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^GET \/api\/v1\/nope%0AGET%20\/api\/v1\/health%20200%201\.0ms 400 [\d.]+ms$/);
    expect(lines[1]).toMatch(/^GET \/x%0D%0Ay%E3%81%82 400 [\d.]+ms$/);
    for (const line of lines) expect(line).not.toMatch(/[\r\n]/);
  });
});

describe("the built app", () => {
  let dist: string;
  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), "tsunagu-dist-"));
    mkdirSync(join(dist, "assets"));
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>つなぐ</title>");
    writeFileSync(join(dist, "sw.js"), "self.addEventListener('install', () => {});");
    writeFileSync(join(dist, "assets", "index-abc123.js"), "console.log(1)");
    mkdirSync(join(dist, "surveys"));
    writeFileSync(join(dist, "surveys", "ward-resident.json"), "{}");
    for (const locale of ["ja", "en", "zh-Hans"])
      writeFileSync(join(dist, "surveys", `ward-resident.${locale}.json`), "{}");
    // The survey's page with its first screen drawn in, as the build writes it: here in ja and en.
    mkdirSync(join(dist, "s", "ward-resident"), { recursive: true });
    for (const locale of ["ja", "en"])
      writeFileSync(
        join(dist, "s", "ward-resident", `${locale}.html`),
        `<!doctype html><p>first screen ${locale}</p>`,
      );
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it("serves a file's precompressed twin when the browser accepts it, and the file itself otherwise", async () => {
    const js = "console.log('twin');".repeat(100);
    writeFileSync(join(dist, "assets", "app-twin1.js"), js);
    writeFileSync(join(dist, "assets", "app-twin1.js.br"), brotliCompressSync(js));
    writeFileSync(join(dist, "assets", "app-twin1.js.gz"), gzipSync(js));
    const app = appWith({ staticDir: dist });
    const br = await app.request("/assets/app-twin1.js", { headers: { "Accept-Encoding": "gzip, br" } });
    expect(br.headers.get("Content-Encoding")).toBe("br");
    expect(br.headers.get("Content-Type")).toMatch(/javascript/);
    expect(br.headers.get("Cache-Control")).toMatch(/immutable/);
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(js);
    const gz = await app.request("/assets/app-twin1.js", { headers: { "Accept-Encoding": "gzip" } });
    expect(gz.headers.get("Content-Encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(js);
    const plain = await app.request("/assets/app-twin1.js");
    expect(plain.headers.get("Content-Encoding")).toBeNull();
    expect(await plain.text()).toBe(js);
  });

  it("passes over a twin older than its file, so an edit after the build is never hidden", async () => {
    const fresh = "console.log('edited after the build');";
    const file = join(dist, "assets", "app-stale1.js");
    writeFileSync(`${file}.br`, brotliCompressSync("console.log('as built');"));
    writeFileSync(file, fresh);
    const past = new Date(Date.now() - 60_000);
    utimesSync(`${file}.br`, past, past);
    const app = appWith({ staticDir: dist });
    const res = await app.request("/assets/app-stale1.js", { headers: { "Accept-Encoding": "br" } });
    expect(res.headers.get("Content-Encoding")).toBeNull();
    expect(await res.text()).toBe(fresh);
  });

  it("names the survey's definition in the browser's language in a preload header on its page, and only for a survey that exists", async () => {
    const app = appWith({ staticDir: dist });
    const link = async (acceptLanguage?: string) => {
      const page = await app.request("/s/ward-resident", {
        headers: acceptLanguage ? { "Accept-Language": acceptLanguage } : {},
      });
      expect(page.status).toBe(200);
      expect(page.headers.get("Vary")).toMatch(/Accept-Language/);
      return page.headers.get("Link");
    };
    const preload = (locale: string) =>
      `</surveys/ward-resident.${locale}.json>; rel=preload; as=fetch; crossorigin`;
    expect(await link()).toBe(preload("ja"));
    expect(await link("ja-JP,ja;q=0.9")).toBe(preload("ja"));
    expect(await link("en-US,en;q=0.9,ja;q=0.8")).toBe(preload("en"));
    expect(await link("fr;q=1, zh-TW;q=0.8, en;q=0.5")).toBe(preload("zh-Hans"));
    expect(await link("ja;q=0.2, en;q=0.9")).toBe(preload("en"));
    // vi has no file in this build: no preload rather than a wrong one.
    expect(await link("vi")).toBeNull();
    for (const path of ["/s/no-such-survey", "/dashboard", "/s/ward-resident/extra"])
      expect((await app.request(path)).headers.get("Link"), path).toBeNull();
  });

  it("serves a survey's page with its first screen drawn in the browser's language, where the build made one", async () => {
    const app = appWith({ staticDir: dist });
    const page = async (acceptLanguage: string, path = "/s/ward-resident") => {
      const res = await app.request(path, { headers: { "Accept-Language": acceptLanguage } });
      expect(res.status).toBe(200);
      expect(res.headers.get("Vary")).toMatch(/Accept-Language/);
      expect(res.headers.get("Cache-Control")).toBe("no-cache");
      return res.text();
    };
    expect(await page("ja-JP,ja;q=0.9")).toBe("<!doctype html><p>first screen ja</p>");
    expect(await page("en-US,en;q=0.9", "/s/ward-resident/")).toBe("<!doctype html><p>first screen en</p>");
    // No zh-Hans page in this build: the app's own index.html, which draws it all itself.
    expect(await page("zh-CN")).toBe("<!doctype html><title>つなぐ</title>");
    expect(await (await app.request("/s/no-such-survey")).text()).toBe(
      "<!doctype html><title>つなぐ</title>",
    );
  });

  it("serves a survey's page in the language its ?lang= asks for, where the HTML's own switch leads", async () => {
    const app = appWith({ staticDir: dist });
    const page = async (query: string) =>
      (await app.request(`/s/ward-resident${query}`, { headers: { "Accept-Language": "ja" } })).text();
    expect(await page("?lang=en")).toBe("<!doctype html><p>first screen en</p>");
    const preload = (await app.request("/s/ward-resident?lang=en")).headers.get("Link");
    expect(preload).toBe("</surveys/ward-resident.en.json>; rel=preload; as=fetch; crossorigin");
    // Not a language of the app: the browser's, as without it.
    expect(await page("?lang=fr")).toBe("<!doctype html><p>first screen ja</p>");
    expect(await page("?lang=")).toBe("<!doctype html><p>first screen ja</p>");
  });

  it("serves a survey page changed after the build as it is, not its stale compressed twin", async () => {
    const page = join(dist, "s", "ward-resident", "en.html");
    writeFileSync(`${page}.br`, brotliCompressSync("as built"));
    const past = new Date(Date.now() - 60_000);
    utimesSync(`${page}.br`, past, past);
    const res = await appWith({ staticDir: dist }).request("/s/ward-resident", {
      headers: { "Accept-Language": "en", "Accept-Encoding": "br" },
    });
    expect(res.headers.get("Content-Encoding")).toBeNull();
    expect(await res.text()).toBe("<!doctype html><p>first screen en</p>");
    rmSync(`${page}.br`);
  });

  it("serves index.html and sw.js with no-cache and hashed assets as immutable", async () => {
    const app = appWith({ staticDir: dist });
    const index = await app.request("/");
    expect(index.status).toBe(200);
    expect(await index.text()).toContain("つなぐ");
    expect(index.headers.get("Cache-Control")).toBe("no-cache");
    const sw = await app.request("/sw.js");
    expect(sw.headers.get("Cache-Control")).toBe("no-cache");
    const asset = await app.request("/assets/index-abc123.js");
    expect(asset.headers.get("Cache-Control")).toMatch(/immutable/);
  });

  it("falls back to index.html for app routes, but not for /api, missing assets or files", async () => {
    const app = appWith({ staticDir: dist });
    const page = await app.request("/dashboard");
    expect(page.status).toBe(200);
    expect(page.headers.get("Content-Type")).toMatch(/text\/html/);
    expect(page.headers.get("Cache-Control")).toBe("no-cache");
    for (const path of ["/api/v1/nope", "/assets/gone-123.js", "/favicon.ico"])
      expect((await app.request(path)).status).toBe(404);
    expect((await app.request("/api/v1/nope")).headers.get("Content-Type")).toMatch(/json/);
  });

  it("answers a path with %00 or another control character 400 with a problem body, never 500, on API and app paths alike", async () => {
    const lines: string[] = [];
    const app = appWith({ staticDir: dist, log: (l) => lines.push(l) });
    for (const path of [
      "/%00",
      "/assets/%00.js",
      "/assets/index-abc123.js%00",
      "/s/%00",
      "/dashboard%00",
      "/surveys/ward-resident.json%00.gz",
      "/api/v1/%00",
      "/api/v1/surveys/%00",
      "/api/v1/surveys/ward-test%00/tallies",
      "/api/v1/health%00",
      "/a%0Ab",
      "/a%7F",
    ]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(400);
      expect(await res.json(), path).toMatchObject({ error: { code: "invalid_path" } });
    }
    const post = await app.request("/api/v1/responses%00", postJson({ responses: [] }));
    expect(post.status).toBe(400);
    expect(lines.filter((l) => l.startsWith("error"))).toEqual([]);
  });

  it("serves only the API without a staticDir", async () => {
    expect((await appWith().request("/")).status).toBe(404);
    expect((await appWith().request("/api/v1/health")).status).toBe(200);
  });
});
