import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FIRST_SCREENS_MANIFEST_PATH, FirstScreensManifest } from "../../src/contract/first-screens";
import { firstScreenPagePath } from "../../src/contract/paths";
import { estimatedMinutes } from "../../src/domain/answer-time";
import { LOCALES } from "../../src/domain/locales";
import en from "../../src/i18n/catalogues/en";
import ja from "../../src/i18n/catalogues/ja";
import jaEasy from "../../src/i18n/catalogues/ja-x-easy";
import ko from "../../src/i18n/catalogues/ko";
import vi from "../../src/i18n/catalogues/vi";
import zhHans from "../../src/i18n/catalogues/zh-Hans";
import { readSurveyFile } from "../../src/server/surveys";

const shipped = readSurveyFile("surveys/ward-resident.json");
const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

const CATALOGUES = { ja, "ja-x-easy": jaEasy, en, "zh-Hans": zhHans, ko, vi } as const;

// What `vite build` wrote for the shipped survey (vite.config.ts, tsunagu-first-screens).
describe("the survey's pages with their first screen drawn in", () => {
  const sw = readFileSync("dist/sw.js", "utf8");

  for (const locale of LOCALES)
    it(`exist in ${locale}, in ${locale}, and hand the app's scripts to the boot script`, () => {
      const file = `dist/${firstScreenPagePath("ward-resident", locale)}`;
      expect(existsSync(file)).toBe(true);
      const html = readFileSync(file, "utf8");
      // The survey's answer period rides on <html>, for the boot script to decide before the first paint.
      const days = [
        shipped.opens && ` data-opens="${shipped.opens}"`,
        shipped.closes && ` data-closes="${shipped.closes}"`,
      ].join("");
      expect(html).toContain(`<html lang="${locale}"${days}>`);
      expect(html).toContain(`>${CATALOGUES[locale].intro.start}</a>`);
      // The intro's estimated time, which the build draws from the question count.
      expect(html).toContain(
        CATALOGUES[locale].intro.questions
          .replace("{{n}}", String(shipped.questions.length))
          .replace("{{minutes}}", String(estimatedMinutes(shipped))),
      );
      // The boot script and the stylesheet inline, by the hashes the collector's policy allows.
      const manifest = FirstScreensManifest.parse(
        JSON.parse(readFileSync(`dist/${FIRST_SCREENS_MANIFEST_PATH}`, "utf8")),
      );
      const boot = /<script>(.+?)<\/script>/s.exec(html)?.[1] ?? "";
      expect(boot).toContain("appModules");
      expect(sha256(boot)).toBe(manifest.inlineHashes.script);
      const style = /<style>(.+?)<\/style>/s.exec(html)?.[1] ?? "";
      expect(style).toContain(".first-question-anchor");
      expect(sha256(style)).toBe(manifest.inlineHashes.style);
      expect(html).not.toMatch(/<script[^>]+src=|<link rel="stylesheet"/);
      // The app's own scripts are named only for the boot script to load, after the first paint.
      // (The boot script's own text names modulepreload: it adds those links after the first paint.)
      expect(html.replace(boot, "")).not.toMatch(/modulepreload|<script[^>]+src="\/assets\/index-/);
      const modules = /data-app-modules="([^"]+)"/.exec(html)?.[1]?.split(" ") ?? [];
      expect(modules[0]).toMatch(/^\/assets\/index-.+\.js$/);
      for (const m of modules) expect(existsSync(`dist${m}`), m).toBe(true);
      expect(html).not.toMatch(/\sstyle="/);
      // The language switch: links in a closed disclosure, each language's name in its own lang. A
      // <select> laid out every option's name, each in its own fonts, before the first paint.
      expect(html).not.toContain("<select");
      for (const other of LOCALES)
        expect(html).toMatch(
          new RegExp(`<details class="language-switch">.*<a href="\\?lang=${other}" lang="${other}"`),
        );
      // Compressed like every other page, and left out of the service worker's precache.
      expect(existsSync(`${file}.br`) && existsSync(`${file}.gz`)).toBe(true);
      expect(sw).not.toContain(`s/ward-resident/${locale}.html`);
      expect(sw).not.toContain("first-screen-boot");
    });
});
