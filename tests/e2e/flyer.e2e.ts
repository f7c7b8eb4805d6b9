import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import staffEn from "../../src/i18n/staff/en";
import staffJa from "../../src/i18n/staff/ja";
import { useCollectorAndChromium } from "./support/suite";

/** The definition the collector serves: the flyer must print what it says, not words of its own. */
const shipped = JSON.parse(readFileSync("surveys/ward-resident.json", "utf8")) as {
  opens: string;
  closes: string;
  contact: Record<string, string>;
};

/** Pages in a PDF: one /Type /Page object each (the tree's /Pages node excluded). */
const pageCount = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;

// Issue 26, item 4: the printed flyer carries the answer period, the deadline (large) and the ward's
// contact, all from the survey's definition, in the flyer's language, and still fits one A4 sheet.
// (Checked to fail: with the flyer and the survey as they were, the definition had no period and
// none of .flyer__dates, .flyer__deadline or .flyer__contact was on the page; and its print
// stylesheet, a 260 mm sheet below the page's padding, already made a PDF of 2 pages.)
describe("the printable flyer at desktop size", () => {
  const env = useCollectorAndChromium();

  const openFlyer = async (locale: string): Promise<Page> => {
    const context = await env.browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${env.collector.origin}/flyer/ward-resident`);
    await page.locator(".flyer__qr svg").waitFor();
    return page;
  };

  /** The sheet's period line, deadline and contact as a reader sees them (line breaks kept). */
  const printed = async (page: Page) => {
    const sheet = page.locator(".flyer__sheet");
    return {
      period: await sheet.locator(".flyer__dates").innerText(),
      deadline: (await sheet.locator(".flyer__deadline").innerText()).replace(/\s+/g, " "),
      deadlineDay: await sheet.locator(".flyer__deadline time").getAttribute("datetime"),
      contactHeading: await sheet.locator(".flyer__contact h2").innerText(),
      contact: await sheet.locator(".flyer__contact p").innerText(),
    };
  };

  it("is fed by the shipped definition's period and contact", () => {
    // The expectations below are these days as each language writes them.
    expect([shipped.opens, shipped.closes]).toEqual(["2026-07-01", "2026-07-31"]);
  });

  it("prints the period, the deadline and the contact in Japanese, on one A4 page", async () => {
    const page = await openFlyer("ja-JP");
    expect(await printed(page)).toEqual({
      period: "回答期間：2026年7月1日〜7月31日",
      deadline: `${staffJa.flyer.deadline} 2026年7月31日(金)`,
      deadlineDay: shipped.closes,
      contactHeading: staffJa.flyer.contact,
      contact: shipped.contact.ja,
    });
    // Through the flyer's own print stylesheet (@page A4, 15 mm margins): one sheet, nothing spilled.
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".flyer__deadline").isVisible()).toBe(true);
    expect(await page.locator(".flyer__screen-only").isVisible()).toBe(false);
    expect(pageCount(await page.pdf({ preferCSSPageSize: true, printBackground: true }))).toBe(1);
    await page.context().close();
  });

  it("prints them in English when the flyer is in English, on one A4 page", async () => {
    const page = await openFlyer("en-US");
    expect(await printed(page)).toEqual({
      period: "Survey period: July 1 – July 31, 2026",
      deadline: `${staffEn.flyer.deadline} Fri, July 31, 2026`,
      deadlineDay: shipped.closes,
      contactHeading: staffEn.flyer.contact,
      contact: shipped.contact.en,
    });
    await page.emulateMedia({ media: "print" });
    expect(pageCount(await page.pdf({ preferCSSPageSize: true, printBackground: true }))).toBe(1);
    await page.context().close();
  });
});
