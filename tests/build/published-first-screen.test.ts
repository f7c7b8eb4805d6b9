import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIRST_SCREENS_MANIFEST_PATH, FirstScreensManifest } from "../../src/contract/first-screens";
import { firstScreenPagePath } from "../../src/contract/paths";
import { SurveyDefinition } from "../../src/domain/definition";
import { createApp } from "../../src/server/app";
import { createKyselyStorage, openSqlite, type Storage } from "../../src/server/storage";
import { createSurveyRegistry } from "../../src/server/surveys";

// Issue 20: the first screen drawn in the HTML holds for a version published after the build. The
// collector over the built dist/, its registry holding the shipped survey and a next version whose
// first question is new: /s/<id> must show that question, drawn as the build draws a page.

const shipped = SurveyDefinition.parse(JSON.parse(readFileSync("surveys/ward-resident.json", "utf8")));
const NEW_VI = "Ý kiến của bạn về quận (câu hỏi mới)";
const next = SurveyDefinition.parse({
  ...shipped,
  version: shipped.version + 1,
  questions: [
    {
      id: "q_new",
      kind: "text",
      maxLength: 200,
      label: {
        ja: "区へのご意見（新しい質問）",
        "ja-x-easy": "くへの いけん（あたらしい しつもん）",
        en: "Your opinion of the ward (new question)",
        "zh-Hans": "您对本区的意见（新问题）",
        ko: "구에 대한 의견(새 질문)",
        vi: NEW_VI,
      },
    },
    ...shipped.questions,
  ],
});

describe("a survey page of a version published after the build", () => {
  let storage: Storage;
  const logged: string[] = [];
  const appWith = (defs: SurveyDefinition[]) =>
    createApp({
      storage,
      surveys: createSurveyRegistry(defs),
      organizerToken: "t".repeat(43),
      log: (line) => logged.push(line),
      staticDir: "dist",
    });
  beforeAll(async () => {
    storage = createKyselyStorage(openSqlite(":memory:"), "sqlite");
    await storage.migrate();
  });
  afterAll(() => storage.close());

  it("the build says which version its pages show", () => {
    const manifest = FirstScreensManifest.parse(
      JSON.parse(readFileSync(`dist/${FIRST_SCREENS_MANIFEST_PATH}`, "utf8")),
    );
    expect(manifest.built["ward-resident"]).toBe(shipped.version);
  });

  it("is drawn with the new version's first question, in the language asked, as the build draws one", async () => {
    const app = appWith([shipped, next]);
    const res = await app.request("/s/ward-resident?lang=vi");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(res.headers.get("Link")).toBe(
      "</surveys/ward-resident.vi.json>; rel=preload; as=fetch; crossorigin",
    );
    const html = await res.text();
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain(NEW_VI);
    // The same page as the built one but for the markup in #app: scripts, styles, attributes.
    const built = readFileSync(`dist/${firstScreenPagePath("ward-resident", "vi")}`, "utf8");
    const outside = (page: string) => page.replace(/(<div id="app"[^>]*>)[\s\S]*(<\/main><\/div>)/, "$1$2");
    expect(outside(html)).toBe(outside(built));
    expect(html).not.toMatch(/\sstyle="/);
    expect(logged.filter((l) => l.includes("not drawn"))).toEqual([]);
  });

  // A hash the policy lacks, and Chromium runs no boot script and applies no styles: the intro then
  // shows its hidden question and Start does nothing before the app runs.
  it("is served under a Content-Security-Policy that allows its inline script and stylesheet, and no other", async () => {
    const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
    for (const defs of [[shipped], [shipped, next]]) {
      const res = await appWith(defs).request("/s/ward-resident?lang=ja");
      const html = await res.text();
      const policy = res.headers.get("Content-Security-Policy") ?? "";
      const directive = (name: string) =>
        policy
          .split(";")
          .map((d) => d.trim().split(/\s+/))
          .find(([n]) => n === name)
          ?.slice(1) ?? [];
      const inlineScripts = [...html.matchAll(/<script>(.*?)<\/script>/gs)].map((m) => m[1] ?? "");
      const inlineStyles = [...html.matchAll(/<style>(.*?)<\/style>/gs)].map((m) => m[1] ?? "");
      expect(inlineScripts).toHaveLength(1);
      expect(inlineStyles).toHaveLength(1);
      expect(directive("script-src")).toEqual(["'self'", ...inlineScripts.map(sha256)]);
      expect(directive("style-src")).toContain(sha256(inlineStyles[0] ?? ""));
      expect(directive("script-src")).not.toContain("'unsafe-inline'");
      expect(directive("style-src")).not.toContain("'unsafe-inline'");
    }
  });

  it("is the built page where the latest version is the one the build drew", async () => {
    const res = await appWith([shipped]).request("/s/ward-resident?lang=ja");
    const built = readFileSync(`dist/${firstScreenPagePath("ward-resident", "ja")}`, "utf8");
    expect(await res.text()).toBe(built);
  });
});
