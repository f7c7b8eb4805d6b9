import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { phoneContext } from "../../harness/chromium";
import en from "../../src/i18n/catalogues/en";
import ja from "../../src/i18n/catalogues/ja";
import { useCollectorAndChromium } from "./support/suite";

/**
 * On the page as it is now: every control whose tap target (the label, for a radio or a checkbox)
 * is smaller than 44×44 CSS px, and anything that makes the page scroll sideways or sticks out of
 * the viewport (WCAG 2.5.5 at 44 px, 1.4.10 reflow).
 */
async function layoutProblems(page: Page): Promise<string[]> {
  return await page.evaluate(() => {
    const problems: string[] = [];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(" ")[0]}` : ""} "${(
        el.textContent ?? ""
      )
        .trim()
        .slice(0, 20)}"`;
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 1 && r.height > 1 && getComputedStyle(el).visibility !== "hidden";
    };
    const controls = document.querySelectorAll(
      "a[href], button, select, textarea, input, summary, [tabindex]:not([tabindex='-1'])",
    );
    for (const control of controls) {
      const target =
        control instanceof HTMLInputElement && (control.type === "radio" || control.type === "checkbox")
          ? (control.closest("label") ?? control)
          : control;
      if (!shown(target)) continue;
      const r = target.getBoundingClientRect();
      if (r.width < 43.5 || r.height < 43.5)
        problems.push(`target ${name(target)} is ${r.width.toFixed(0)}×${r.height.toFixed(0)}`);
    }
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width)
      problems.push(`scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    for (const el of document.body.querySelectorAll("*")) {
      if (!shown(el) || el.closest(".visually-hidden")) continue;
      const r = el.getBoundingClientRect();
      if (r.right > width + 1 || r.left < -1)
        problems.push(`${name(el)} reaches ${r.left.toFixed(0)}..${r.right.toFixed(0)} of ${width}`);
    }
    return problems;
  });
}

const LANGUAGES = [
  { locale: "ja", messages: ja },
  { locale: "en", messages: en },
];
const SIZES = [
  { size: "phone", viewport: { width: 390, height: 844 } },
  // WCAG's reflow width: a 1280 px window at 400%, or a 640 px one at 200%.
  { size: "320 px", viewport: { width: 320, height: 640 } },
];

describe.each(LANGUAGES.flatMap((l) => SIZES.map((s) => ({ ...l, ...s }))))(
  "respondent screens in $locale at $size",
  ({ locale, messages, viewport }) => {
    const env = useCollectorAndChromium();
    let page: Page;

    beforeAll(async () => {
      const context = await env.browser.newContext({ locale, viewport });
      page = await context.newPage();
    });

    it("has 44 px targets and no sideways scrolling on every screen, every question included", async () => {
      const found: Record<string, string[]> = {};
      const check = async (screen: string) => {
        found[screen] = await layoutProblems(page);
      };
      await page.goto(`${env.collector.origin}/s/ward-resident`);
      await page.getByRole("button", { name: messages.intro.start }).waitFor();
      await check("intro");
      await page.getByRole("button", { name: messages.intro.start }).click();
      const form = page.locator("form.question");
      for (let i = 0; i < 20 && (await form.count()) > 0; i++) {
        const title = (await page.locator(".question__title").textContent()) ?? "";
        await check(`question ${i + 1}`);
        if ((await form.locator("input[type=radio]").count()) > 0)
          await form.locator("input[type=radio]").first().check();
        else if ((await form.locator("input[type=checkbox]").count()) > 0)
          await form.locator("input[type=checkbox]").first().check();
        else if ((await form.locator("input[type=number]").count()) > 0)
          await form.locator("input[type=number]").fill("12");
        else await form.locator("textarea").fill("駅前に自転車置き場を増やしてほしいです。");
        await page.getByRole("button", { name: messages.respondent.next, exact: true }).click();
        await page.waitForFunction(
          (previous) => document.querySelector(".question__title")?.textContent !== previous,
          title,
        );
      }
      await page.getByRole("button", { name: messages.review.submit }).waitFor();
      await check("review");
      await page.getByRole("button", { name: messages.review.submit }).click();
      await page.getByRole("heading", { name: messages.thanks.title }).waitFor();
      await check("thank you");
      await page.goto(`${env.collector.origin}/settings`);
      await page.getByRole("heading", { name: messages.settings.title }).waitFor();
      await check("settings");

      expect(Object.keys(found).length).toBeGreaterThan(14);
      expect(Object.fromEntries(Object.entries(found).filter(([, p]) => p.length > 0))).toEqual({});
    });
  },
);

describe("respondent details", () => {
  const env = useCollectorAndChromium();
  let page: Page;

  beforeAll(async () => {
    const context = await phoneContext(env.browser, { reducedMotion: "reduce" });
    page = await context.newPage();
  });

  const next = () => page.getByRole("button", { name: ja.respondent.next, exact: true }).click();

  it("shows a focus ring on every control reached with Tab", async () => {
    await page.goto(`${env.collector.origin}/s/ward-resident`);
    await page.getByRole("button", { name: ja.intro.start }).click();
    await page.getByRole("radio").first().waitFor();
    // The screen moves focus to its heading in an effect, a frame after the render: Tab from there.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.tagName ?? ""))
      .toMatch(/^(H1|H2|LEGEND)$/);
    const seen: string[] = [];
    const unringed: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        const ring =
          (style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) >= 2) ||
          style.boxShadow !== "none";
        return {
          id: `${el.tagName} ${el.getAttribute("name") ?? ""} ${el.textContent?.trim().slice(0, 12)}`,
          ring,
        };
      });
      if (!focused || seen.includes(focused.id)) break;
      seen.push(focused.id);
      if (!focused.ring) unringed.push(focused.id);
    }
    // The choices, back, next and "send now" (the status bar no longer links to the settings).
    expect(seen.length).toBeGreaterThan(3);
    expect(unringed).toEqual([]);
    // A background sync (the page starts one) must not take "send now" out of the tab order.
    expect(seen.some((id) => id.includes(ja.status.syncNow) || id.includes(ja.status.syncing))).toBe(true);
  });

  it("puts each choice question in a fieldset whose legend is the question", async () => {
    const legend = await page.locator("fieldset.choices > legend").textContent();
    expect(legend).toContain(await page.locator(".question__title").textContent());
    expect(await page.getByRole("group", { name: /地域/ }).count()).toBe(1);
  });

  it("announces a refused Next, and ties the message to the question", async () => {
    // Walk to the first required question and press Next unanswered.
    for (let i = 0; i < 8 && (await page.locator(".field-error:not([hidden])").count()) === 0; i++)
      await next();
    await expect.poll(() => page.locator("[aria-live=assertive]").textContent()).toBe(ja.errors.required);
    const errorId = await page.locator(".field-error:not([hidden])").getAttribute("id");
    expect(await page.locator("fieldset.choices").getAttribute("aria-describedby")).toContain(errorId);
    expect(await page.locator("fieldset.choices").getAttribute("aria-invalid")).toBe("true");
  });

  it("says 'enter a number', not 'required', when a number field holds letters", async () => {
    await page.goto(`${env.collector.origin}/s/ward-resident`);
    await page.getByRole("button", { name: ja.intro.start }).click();
    for (let i = 0; i < 8 && (await page.getByRole("spinbutton").count()) === 0; i++) {
      await page.getByRole("radio").first().check();
      await next();
    }
    const field = page.getByRole("spinbutton");
    await field.click();
    await page.keyboard.type("1e");
    expect(await field.inputValue()).toBe("");
    await next();
    await expect.poll(() => page.locator("[aria-live=assertive]").textContent()).toBe(ja.errors.notNumber);
    expect(await page.locator(".field-error").textContent()).toBe(ja.errors.notNumber);
    // Corrected, it goes on; cleared (the question is optional), it goes on too.
    await field.fill("");
    await field.fill("7");
    expect(await page.locator(".field-error").textContent()).toBe("");
    await next();
    await page.getByRole("radio").first().waitFor();
  });

  it("moves nothing for someone who asked for reduced motion", async () => {
    const moving = await page.evaluate(() =>
      [...document.querySelectorAll("*")]
        .map((el) => ({ el, style: getComputedStyle(el) }))
        .filter(({ style }) =>
          [style.transitionDuration, style.animationDuration].some((d) =>
            d.split(",").some((x) => Number.parseFloat(x) > 0.001),
          ),
        )
        .map(({ el }) => el.className),
    );
    expect(moving).toEqual([]);
    // The progress bar does move without the preference (the check above is not vacuous).
    const normal = await env.browser.newContext({ locale: "ja-JP", reducedMotion: "no-preference" });
    const p = await normal.newPage();
    await p.goto(`${env.collector.origin}/s/ward-resident`);
    await p.getByRole("button", { name: ja.intro.start }).click();
    expect(await p.locator(".progress__fill").evaluate((el) => getComputedStyle(el).transitionDuration)).toBe(
      "0.2s",
    );
    await normal.close();
  });
});
