import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { phoneContext } from "../../harness/chromium";
import { ROOT } from "../../harness/collector";
import { XLSX_MEDIA_TYPE } from "../../src/contract/versions";
import { SurveyDefinition } from "../../src/domain/definition";
import ja from "../../src/i18n/catalogues/ja";
import { writeWorkbook } from "../../src/server/workbook/write-workbook";
import { watchCsp } from "./support/csp";
import { untilAppRuns } from "./support/respondent";
import { useCollectorAndChromium } from "./support/suite";

// The survey page's own script runs the questions its HTML holds before the app does
// (src/app/respondent/early-questions.ts). A version is published whose first three questions are a
// required number with a range, a yes / no question, and a question only a "yes" opens: the HTML's
// three, with every rule the script has to follow in them.
const SURVEY = "ward-resident";

function earlyRulesWorkbook(): Buffer {
  const shipped = SurveyDefinition.parse(
    JSON.parse(readFileSync(join(ROOT, "surveys", `${SURVEY}.json`), "utf8")),
  );
  const first = ["q_years", "q_children", "q_childcare_consult"];
  const byId = (id: string) => {
    const question = shipped.questions.find((q) => q.id === id);
    if (!question) throw new Error(`${id} is not in the shipped survey`);
    return question;
  };
  return writeWorkbook(
    SurveyDefinition.parse({
      ...shipped,
      version: shipped.version + 1,
      questions: [
        { ...byId("q_years"), required: true },
        byId("q_children"),
        byId("q_childcare_consult"),
        ...shipped.questions.filter((q) => !first.includes(q.id)),
      ],
    }),
  );
}

describe("the survey page's questions before the app runs", () => {
  const env = useCollectorAndChromium();
  let context: BrowserContext;
  let release = () => {};
  const errors: string[] = [];
  let csp: Awaited<ReturnType<typeof watchCsp>> | undefined;

  beforeAll(async () => {
    const published = await env.collector.api(`/surveys/${SURVEY}/versions`, {
      method: "POST",
      headers: { "Content-Type": XLSX_MEDIA_TYPE },
      body: new Uint8Array(earlyRulesWorkbook()),
    });
    expect(published.status).toBe(201);
  });

  afterEach(async () => {
    await context.close();
    errors.length = 0;
  });

  /** The survey's page, with the app's entry script held back until `release` (a slow phone's). */
  const open = async (): Promise<Page> => {
    context = await phoneContext(env.browser);
    csp = await watchCsp(context);
    context.on("page", (p) => p.on("pageerror", (e) => errors.push(e.message)));
    const held = new Promise<void>((r) => {
      release = r;
    });
    await context.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto(`${env.collector.origin}/s/${SURVEY}`);
    return page;
  };

  const helpers = (page: Page) => {
    const shown = page.locator("[data-question]:visible");
    return {
      shown,
      title: () => page.getByRole("heading", { level: 1 }).textContent(),
      next: () => page.getByRole("button", { name: ja.respondent.next, exact: true }).click(),
      back: () => page.getByRole("button", { name: ja.respondent.back, exact: true }).click(),
      progress: () => page.locator(".progress__text:visible").textContent(),
    };
  };

  it("checks each answer by the survey's rules, follows its skip logic, and hands all of it to the app", async () => {
    const page = await open();
    const { shown, title, next, back, progress } = helpers(page);
    expect(await page.locator("#app").getAttribute("data-early-ready")).toBe("");
    await page.getByRole("link", { name: ja.intro.start }).click();
    expect(await shown.getAttribute("data-question")).toBe("q_years");

    // Required, left blank: refused with the app's words, under the field and in the live region.
    await next();
    expect(await shown.getAttribute("data-question")).toBe("q_years");
    expect(await shown.locator(".field-error").textContent()).toBe(ja.errors.required);
    expect(await shown.locator("[aria-live]").textContent()).toBe(ja.errors.required);
    const field = page.getByRole("spinbutton");
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    expect(await field.getAttribute("aria-describedby")).toContain("q_years-error");
    // Out of its range: the range's own error.
    await field.fill("500");
    expect(await shown.locator(".field-error").isHidden()).toBe(true); // a change clears it
    expect(await field.getAttribute("aria-invalid")).toBeNull();
    await next();
    expect(await shown.locator(".field-error").textContent()).toBe(
      ja.errors.aboveMax.replace("{{max}}", "100"),
    );
    await field.fill("5");
    await next();

    // The next question, numbered as the app numbers it, its title focused as the app's screens do.
    expect(await shown.getAttribute("data-question")).toBe("q_children");
    expect(await progress()).toMatch(/^\D*2 \/ 12$/);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
    await page.getByLabel("はい", { exact: true }).check();
    await next();
    // A "yes" opens the childcare question, and the count of questions with it.
    expect(await shown.getAttribute("data-question")).toBe("q_childcare_consult");
    expect(await progress()).toMatch(/^\D*3 \/ 13$/);
    await back();
    expect(await page.getByRole("radio", { checked: true }).getAttribute("value")).toBe("yes");
    await next();
    await page.getByLabel("知っている", { exact: true }).check();
    const last = await title();
    // Past the HTML's questions: the press is kept for the app, and the form says it is busy.
    await next();
    expect(await title()).toBe(last);
    expect(await shown.locator("form").getAttribute("aria-busy")).toBe("true");
    // Back meanwhile gives the kept press up; Next again keeps it again.
    await back();
    expect(await page.locator("#app").getAttribute("data-next-pressed")).toBeNull();
    expect(await page.locator("form[aria-busy]").count()).toBe(0);
    await next();
    await next();
    expect(await shown.locator("form").getAttribute("aria-busy")).toBe("true");

    release();
    await untilAppRuns(page);
    // The app goes on from there: the question after, then back through every answer given.
    await page.waitForFunction((before) => document.querySelector("h1")?.textContent !== before, last);
    expect(await progress()).toMatch(/^\D*4 \/ 13$/);
    expect(new URL(page.url()).hash).toBe("");
    await back();
    expect(await page.getByRole("radio", { checked: true }).getAttribute("value")).toBe("know");
    await back();
    expect(await page.getByRole("radio", { checked: true }).getAttribute("value")).toBe("yes");
    await back();
    expect(await page.getByRole("spinbutton").inputValue()).toBe("5");
    expect(errors).toEqual([]);
    expect(csp?.violations).toEqual([]);
  });

  it("shows, when the app takes over, the error the page's script showed", async () => {
    const page = await open();
    const { shown, title, next } = helpers(page);
    await page.getByRole("link", { name: ja.intro.start }).click();
    await next();
    expect(await shown.locator(".field-error").textContent()).toBe(ja.errors.required);
    const question = await title();
    release();
    await untilAppRuns(page);
    expect(await title()).toBe(question);
    expect(await page.locator(".field-error").textContent()).toBe(ja.errors.required);
    expect(errors).toEqual([]);
  });

  it("keeps the answers given before the app ran on the device: a reload offers to continue them", async () => {
    const page = await open();
    const { next, shown } = helpers(page);
    await page.getByRole("link", { name: ja.intro.start }).click();
    await page.getByRole("spinbutton").fill("7");
    await next();
    await page.getByLabel("いいえ", { exact: true }).check();
    await next(); // with "no", the childcare question stays closed: past the HTML's, kept for the app
    expect(await shown.getAttribute("data-question")).toBe("q_children");

    // The app never ran in this page; the next page's intro offers the draft from its first paint.
    await page.reload();
    expect(await page.getByRole("button", { name: ja.draft.continue }).isVisible()).toBe(true);
    release();
    await untilAppRuns(page);
    await page.getByRole("button", { name: ja.draft.continue }).click();
    // Where the respondent was, with both answers: the page's script kept what its last move saw.
    expect(await page.getByRole("radio", { checked: true }).getAttribute("value")).toBe("no");
    await page.getByRole("button", { name: ja.respondent.back, exact: true }).click();
    expect(await page.getByRole("spinbutton").inputValue()).toBe("7");
    // Written to the app's own drafts, the page's copy is gone.
    await page.waitForFunction(() => localStorage.getItem("tsunagu-early-draft:ward-resident") === null);
    expect(errors).toEqual([]);
  });
});
