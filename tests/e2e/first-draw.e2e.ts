import type { BrowserContext } from "playwright-core";
import { describe, expect, it } from "vitest";
import ja from "../../src/i18n/catalogues/ja";
import { phoneContext } from "./support/browser";
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

describe("the first thing a respondent sees", () => {
  const env = useCollectorAndChromium();
  let context: BrowserContext;

  const open = async (definitionDelayMs: number) => {
    context = await phoneContext(env.browser);
    await context.addInitScript(WATCH);
    if (definitionDelayMs > 0)
      await context.route("**/surveys/ward-resident.ja.json", async (route) => {
        await new Promise((r) => setTimeout(r, definitionDelayMs));
        await route.continue();
      });
    const page = await context.newPage();
    await page.goto(`${env.collector.origin}/s/ward-resident`);
    await page.getByRole("button", { name: ja.intro.start }).waitFor();
    return (await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)) as string[];
  };

  it("is the survey's intro, with no loading screen drawn before it", async () => {
    expect(await open(0)).toEqual(["intro"]);
    await context.close();
  });

  it("is a loading screen while a slow network still brings the definition, then the intro", async () => {
    expect(await open(2500)).toEqual(["loading", "intro"]);
    await context.close();
  });
});
