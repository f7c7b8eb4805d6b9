import type { BrowserContext, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { phoneContext } from "../../harness/chromium";
import en from "../../src/i18n/catalogues/en";
import ja from "../../src/i18n/catalogues/ja";
import vi from "../../src/i18n/catalogues/vi";
import { watchCsp } from "./support/csp";
import { chooseLanguage, languageShown } from "./support/language-switch";
import { untilAppRuns } from "./support/respondent";
import { useCollectorAndChromium } from "./support/suite";

// Records, from the page's first script on, which of the loading screen and the intro were drawn.
const WATCH = () => {
  const seen: string[] = [];
  (window as unknown as { __seen: string[] }).__seen = seen;
  new MutationObserver(() => {
    for (const name of ["loading", "intro"])
      if (!seen.includes(name) && document.querySelector(`.${name}`)) seen.push(name);
  }).observe(document, { subtree: true, childList: true });
};

const seen = (page: Page) => page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);

describe("the first thing a respondent sees", () => {
  const env = useCollectorAndChromium();
  let context: BrowserContext;
  afterEach(async () => {
    await context.close();
  });

  const open = async (
    options: {
      definitionDelayMs?: number;
      asServiceWorkerServesIt?: boolean;
      holdApp?: Promise<void>;
      /** Set up before the page opens (init scripts, bindings). */
      prepare?: (context: BrowserContext) => Promise<unknown>;
    } = {},
  ) => {
    context = await phoneContext(env.browser);
    await context.addInitScript(WATCH);
    await options.prepare?.(context);
    const { definitionDelayMs = 0, asServiceWorkerServesIt = false, holdApp } = options;
    if (definitionDelayMs > 0)
      await context.route("**/surveys/ward-resident.ja.json", async (route) => {
        await new Promise((r) => setTimeout(r, definitionDelayMs));
        await route.continue();
      });
    // Offline, or on a later visit, the service worker answers every page with index.html (sw.ts).
    if (asServiceWorkerServesIt) {
      const index = await (await fetch(`${env.collector.origin}/index.html`)).text();
      await context.route("**/s/ward-resident", (route) =>
        route.fulfill({ body: index, contentType: "text/html; charset=utf-8" }),
      );
    }
    // The app's entry script (Vite names it index-<hash>.js), held back as a slow phone would be.
    if (holdApp)
      await context.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
        await holdApp;
        await route.continue();
      });
    const page = await context.newPage();
    await page.goto(`${env.collector.origin}/s/ward-resident`);
    return page;
  };

  it("is the survey's intro, drawn by the HTML itself, with no loading screen before or after it", async () => {
    const page = await open({ definitionDelayMs: 2500 });
    expect(await page.locator("#app[data-first-screen=ward-resident] .intro h1").count()).toBe(1);
    await untilAppRuns(page);
    await page.getByRole("button", { name: ja.intro.start }).waitFor();
    expect(await seen(page)).toEqual(["intro"]);
  });

  it("is a loading screen, where the page is the app's bare index.html, while a slow network still brings the definition", async () => {
    const page = await open({ definitionDelayMs: 2500, asServiceWorkerServesIt: true });
    await page.getByRole("button", { name: ja.intro.start }).waitFor();
    expect(await seen(page)).toEqual(["loading", "intro"]);
  });

  it("lets Start and the first question work before the app has run, and the app keeps what was chosen", async () => {
    let release = () => {};
    const holdApp = new Promise<void>((r) => {
      release = r;
    });
    const errors: string[] = [];
    let csp: Awaited<ReturnType<typeof watchCsp>> | undefined;
    const page = await open({
      holdApp,
      prepare: async (c) => {
        csp = await watchCsp(c);
        c.on("page", (p) => p.on("pageerror", (e) => errors.push(e.message)));
      },
    });

    // The HTML alone: Start is a link to the first question, drawn in the page and shown by it.
    const radios = page.getByRole("radio");
    expect(await radios.count()).toBe(0); // hidden, so not even in the accessibility tree
    await page.getByRole("link", { name: ja.intro.start }).click();
    expect(await radios.count()).toBeGreaterThan(2);
    expect(await page.getByRole("heading", { level: 1 }).count()).toBe(1);
    await radios.nth(2).check();
    const chosen = await radios.nth(2).getAttribute("value");

    release();
    await untilAppRuns(page);
    // The app's own first question, with the choice made before it ran, and no fragment in the URL.
    expect(await page.getByRole("radio", { checked: true }).getAttribute("value")).toBe(chosen);
    expect(new URL(page.url()).hash).toBe("");
    const first = await page.getByRole("heading", { level: 1 }).textContent();
    await page.getByRole("button", { name: ja.respondent.next }).click();
    await page.waitForFunction((before) => document.querySelector("h1")?.textContent !== before, first);
    await page.getByRole("button", { name: ja.respondent.back }).click();
    expect(await page.getByRole("radio", { checked: true }).getAttribute("value")).toBe(chosen);
    expect(errors).toEqual([]);
    expect(csp?.violations).toEqual([]);
  });

  it("lays the hidden first question out once the intro is painted, so that Start only has to show it", async () => {
    let release = () => {};
    const holdApp = new Promise<void>((r) => {
      release = r;
    });
    const page = await open({ holdApp });
    await page.waitForSelector("#app[data-first-question-laid-out]", { state: "attached" });
    const box = () =>
      page.evaluate(() => {
        const radio = document.querySelector(".first-question input[type=radio]")?.getBoundingClientRect();
        const question = document.querySelector(".first-question")?.getBoundingClientRect();
        return {
          radioWidth: radio?.width,
          questionHeight: question?.height,
          scroll: document.documentElement.scrollHeight,
        };
      });
    const before = await box();
    // Laid out (display: none gives no box), yet taking no room, unseen and out of the accessibility tree.
    expect(before.radioWidth).toBeGreaterThan(0);
    expect(before.questionHeight).toBe(0);
    const scrollAsDisplayNone = await page.evaluate(() => {
      const app = document.getElementById("app");
      app?.removeAttribute("data-first-question-laid-out");
      const height = document.documentElement.scrollHeight;
      app?.setAttribute("data-first-question-laid-out", "");
      return height;
    });
    expect(before.scroll).toBe(scrollAsDisplayNone);
    expect(await page.getByRole("radio").count()).toBe(0);
    expect(await page.locator(".first-question input[type=radio]").first().isHidden()).toBe(true);
    await page.keyboard.press("Tab");
    for (let i = 0; i < 12; i++) {
      expect(await page.evaluate(() => document.activeElement?.closest(".first-question") === null)).toBe(
        true,
      );
      await page.keyboard.press("Tab");
    }

    await page.getByRole("link", { name: ja.intro.start }).click();
    expect(await page.getByRole("radio").count()).toBeGreaterThan(2);
    expect((await box()).questionHeight).toBeGreaterThan(0);
    expect(await page.locator(".intro").isHidden()).toBe(true);
    release();
    await untilAppRuns(page);
    expect(await page.locator("#app").getAttribute("data-first-question-laid-out")).toBeNull();
  });

  it("opens the app in a language chosen on the HTML's switch before the app ran, and remembers it", async () => {
    let release = () => {};
    const holdApp = new Promise<void>((r) => {
      release = r;
    });
    const page = await open({ holdApp });
    // A link: the same page in Vietnamese, drawn by the build, whose app then runs in it.
    await Promise.all([page.waitForURL(/\?lang=vi$/), chooseLanguage(page, "vi")]);
    release();
    await untilAppRuns(page);
    await page.getByRole("button", { name: vi.intro.start }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("vi");
    expect(await languageShown(page)).toBe("vi");
    await page.reload();
    await page.getByRole("button", { name: vi.intro.start }).waitFor();
  });

  it("switches language on the HTML's own switch with the app's script never arriving", async () => {
    // The app's entry script refused outright: whatever works here works without the app.
    const page = await open({
      prepare: (c) => c.route(/\/assets\/index-[^/]+\.js$/, (route) => route.abort()),
    });
    await page.getByRole("link", { name: ja.intro.start }).waitFor();
    await Promise.all([page.waitForURL(/\?lang=en$/), chooseLanguage(page, "en")]);
    await page.getByRole("link", { name: en.intro.start }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    expect(await languageShown(page)).toBe("en");
    // Still the HTML's own screen: the app never ran.
    expect(await page.locator("#app[data-first-screen]").count()).toBe(1);
    if (process.env.SCREENSHOT_DIR)
      await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/first-screen-switched-en.png` });
  });

  it("is drawn by the app where the HTML drew it: nothing moves when the app takes over", async () => {
    let release = () => {};
    const holdApp = new Promise<void>((r) => {
      release = r;
    });
    const page = await open({ holdApp });
    const boxes = () =>
      page.evaluate(() =>
        [".app-header", ".intro h1", ".intro p", ".intro .button--primary"].map((selector) => {
          const box = document.querySelector(selector)?.getBoundingClientRect();
          return (
            box && [
              selector,
              Math.round(box.x),
              Math.round(box.y),
              Math.round(box.width),
              Math.round(box.height),
            ]
          );
        }),
      );
    const drawnByHtml = await boxes();
    expect(drawnByHtml.every(Boolean)).toBe(true);
    release();
    await untilAppRuns(page);
    await page.getByRole("button", { name: ja.intro.start }).waitFor();
    expect(await boxes()).toEqual(drawnByHtml);
  });
});
