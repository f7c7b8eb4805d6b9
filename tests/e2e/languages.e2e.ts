import { readFileSync } from "node:fs";
import type { Response } from "playwright-core";
import { describe, expect, it } from "vitest";
import { phoneContext } from "../../harness/chromium";
import en from "../../src/i18n/catalogues/en";
import ja from "../../src/i18n/catalogues/ja";
import jaEasy from "../../src/i18n/catalogues/ja-x-easy";
import ko from "../../src/i18n/catalogues/ko";
import vi from "../../src/i18n/catalogues/vi";
import zhHans from "../../src/i18n/catalogues/zh-Hans";
import { chooseLanguage, languageShown, languageSwitch } from "./support/language-switch";
import { untilAppRuns } from "./support/respondent";
import { useCollectorAndChromium } from "./support/suite";

const START: Record<string, string> = {
  ja: ja.intro.start,
  "ja-x-easy": jaEasy.intro.start,
  en: en.intro.start,
  "zh-Hans": zhHans.intro.start,
  ko: ko.intro.start,
  vi: vi.intro.start,
};
const SURVEY = JSON.parse(readFileSync("surveys/ward-resident.json", "utf8")) as {
  title: Record<string, string>;
  questions: { label: Record<string, string>; options: { label: Record<string, string> }[] }[];
};
const TITLE = SURVEY.title;

// The browser's language picks the UI and the survey's texts; the switch overrides it and the
// choice survives a reload.
describe("languages", () => {
  const env = useCollectorAndChromium();

  it.each([
    ["ja-JP", "ja"],
    ["vi-VN", "vi"],
    ["zh-TW", "zh-Hans"],
    ["zh-CN", "zh-Hans"],
    ["ko-KR", "ko"],
    ["en-GB", "en"],
    ["fr-FR", "ja"],
  ])("a browser in %s gets %s", async (browserLocale, expected) => {
    const context = await phoneContext(env.browser, { locale: browserLocale });
    const page = await context.newPage();
    await page.goto(`${env.collector.origin}/s/ward-resident`);
    await page.getByRole("button", { name: START[expected] }).waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(TITLE[expected]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(expected);
    await context.close();
  });

  // Each language's messages are a chunk of their own (src/i18n): a Vietnamese reader's page fetches
  // the Vietnamese one beside the app, and never the Japanese one, which would only add to the load.
  it("fetches the messages of the page's language only, and the app runs in it", async () => {
    const context = await phoneContext(env.browser, { locale: "vi-VN" });
    const page = await context.newPage();
    const scripts: Promise<string>[] = [];
    const onResponse = (response: Response) => {
      if (new URL(response.url()).pathname.endsWith(".js")) scripts.push(response.text());
    };
    page.on("response", onResponse);
    await page.goto(`${env.collector.origin}/s/ward-resident`);
    await untilAppRuns(page);
    // The app's own render, in Vietnamese: its header names the app in the Vietnamese messages.
    await page.getByRole("link", { name: vi.header.appName }).waitFor();
    await page.getByRole("button", { name: START.vi }).waitFor();
    // A script fetched later (a lazy chunk) would read its body after the context closed, and its
    // rejection would fail the whole run: only the scripts fetched so far are read.
    page.off("response", onResponse);
    const bodies = await Promise.all(scripts);
    expect(bodies.filter((body) => body.includes(vi.header.appName))).toHaveLength(1);
    expect(bodies.filter((body) => body.includes(ja.header.appName))).toEqual([]);
    await context.close();
  });

  it("has a visible switch whose choice is remembered", async () => {
    const context = await phoneContext(env.browser);
    const page = await context.newPage();
    await page.goto(`${env.collector.origin}/s/ward-resident`);
    await untilAppRuns(page);
    // Named "Language" in every language as well as in its own words, so anyone can find it.
    const language = languageSwitch(page);
    const summary = language.locator("summary");
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/Language/);
    // In the header, on screen without scrolling, with every language named in its own script, each
    // link marked with its language, for a screen reader's voice.
    const box = await summary.boundingBox();
    expect(box && box.y + box.height).toBeLessThan(200);
    await summary.click();
    const links = language.getByRole("link");
    expect(await links.allTextContents()).toEqual([
      "日本語",
      "やさしい にほんご",
      "English",
      "简体中文",
      "한국어",
      "Tiếng Việt",
    ]);
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute("lang")))).toEqual([
      "ja",
      "ja-x-easy",
      "en",
      "zh-Hans",
      "ko",
      "vi",
    ]);
    // Escape closes the list, and the keyboard is back on the switch.
    await page.keyboard.press("Escape");
    expect(await language.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    // A press elsewhere on the page closes it too.
    await summary.click();
    await page.getByRole("heading", { level: 1 }).click({ position: { x: 5, y: 5 } });
    await expect.poll(() => language.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);

    for (const locale of ["ja-x-easy", "ko", "vi", "zh-Hans", "en"] as const) {
      await chooseLanguage(page, locale);
      await page.getByRole("button", { name: START[locale] }).waitFor();
      // The page opened with the Japanese file; another language's texts come with the whole
      // definition, fetched on the switch.
      await page.getByRole("heading", { level: 1, name: TITLE[locale] }).waitFor();
      // Set by the app's effect after the render that drew the heading (app.tsx).
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
      // Chosen, the list closes.
      expect(await language.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
    }
    await chooseLanguage(page, "ko");
    await page.getByRole("button", { name: START.ko }).waitFor();
    await page.reload();
    await page.getByRole("button", { name: START.ko }).waitFor();
    expect(await languageShown(page)).toBe("ko");
    await context.close();
  });

  it("fetches the definition in the browser's language first, and keeps the answers when the language changes mid-form", async () => {
    const context = await phoneContext(env.browser);
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on("request", (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith("/surveys/")) fetched.push(path);
    });
    await page.goto(`${env.collector.origin}/s/ward-resident`);
    await page.getByRole("button", { name: START.ja }).click();
    const first = SURVEY.questions[0];
    const second = first?.options[1];
    if (!first || !second) throw new Error("the shipped survey's first question has no second option");
    await page.getByRole("radio", { name: second.label.ja }).check();
    expect(fetched).toEqual(["/surveys/ward-resident.ja.json"]);

    await chooseLanguage(page, "en");
    await page.getByRole("heading", { name: first.label.en }).waitFor();
    expect(await page.getByRole("radio", { name: second.label.en }).isChecked()).toBe(true);
    expect(fetched).toContain("/surveys/ward-resident.json");
    await context.close();
  });
});
