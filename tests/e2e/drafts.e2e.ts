import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { phoneContext } from "../../harness/chromium";
import ja from "../../src/i18n/catalogues/ja";
import { axeViolations } from "./support/axe";
import { respondent, storedRecords, untilAppRuns } from "./support/respondent";
import { useCollectorAndChromium } from "./support/suite";

// A half-answered survey survives a reload and a closed tab, resumes at the same question, and is
// gone after submit or "start over". A failed write never says "saved" and keeps the answers.
describe("drafts and failed saves in Chromium", () => {
  const env = useCollectorAndChromium();
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    // bypassCSP: axe-core is injected as a script tag, which the app's own CSP rightly refuses.
    context = await phoneContext(env.browser, { bypassCSP: true });
    page = await context.newPage();
  });

  const heading = async () => (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";

  it("resumes at the same question with the same answers after a reload", async () => {
    const r = respondent(page);
    await page.goto(`${env.collector.origin}/s/ward-resident`);
    await page.getByRole("button", { name: "回答をはじめる" }).click();
    await r.choose("地域2");
    await r.choose("40〜49歳");
    await r.choose("マンション・共同住宅");
    // Reload straight after the tap: moving to a question writes the draft at once.
    await page.reload();
    await page.getByRole("button", { name: "続きから回答する" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "続きから回答する" }).click();
    expect(await heading()).toContain("18歳未満のお子さん");
    await page.getByRole("button", { name: "戻る", exact: true }).click();
    expect(await page.getByLabel("マンション・共同住宅", { exact: true }).isChecked()).toBe(true);
    await page.getByRole("button", { name: "戻る", exact: true }).click();
    expect(await page.getByLabel("40〜49歳", { exact: true }).isChecked()).toBe(true);
  });

  it("resumes after the tab is closed and the survey opened in a new one", async () => {
    await respondent(page).next(); // forward to the housing question again, answered
    await page.close({ runBeforeUnload: false });
    page = await context.newPage();
    await page.goto(`${env.collector.origin}/s/ward-resident`);
    // Pressed once the app has taken over: this case is the draft across tabs. A Continue pressed on
    // the HTML's intro before the app runs is intro-draft.e2e.ts's, with the app's scripts held
    // back; here, unheld, the press could fall in the takeover itself and was lost once in three
    // clean CI runs (2026-12-07, not understood yet: see the closing note).
    await untilAppRuns(page);
    await page.getByRole("button", { name: "続きから回答する" }).click();
    await expect.poll(heading).toContain("お住まいの住宅の種類");
    expect(await page.getByLabel("マンション・共同住宅", { exact: true }).isChecked()).toBe(true);
  });

  it("starts over with nothing filled in, and the old draft is gone", async () => {
    await page.reload();
    await page.getByRole("button", { name: "最初からやり直す" }).click();
    expect(await heading()).toContain("お住まいの地域");
    expect(await page.getByLabel("地域2", { exact: true }).isChecked()).toBe(false);
    await page.reload();
    await page.getByRole("button", { name: "回答をはじめる" }).waitFor();
    expect(await page.getByRole("button", { name: "続きから回答する" }).count()).toBe(0);
  });

  it("on a failed write: no 'thank you', the answers stay on the review, and a retry saves once", async () => {
    const r = respondent(page);
    await page.getByRole("button", { name: "回答をはじめる" }).click();
    await r.answerAll("地域4");
    // The disk is full for responses from now on (drafts still write).
    await page.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      (window as unknown as { failResponses: boolean }).failResponses = true;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
        if ((window as unknown as { failResponses: boolean }).failResponses && this.name === "responses")
          throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        return put.apply(this, args);
      };
    });
    await r.submit();
    await page.getByRole("alert").filter({ hasText: "回答は保存されていません" }).waitFor();
    expect(await r.thanks().count()).toBe(0);
    expect(await heading()).toBe("回答の確認");
    const review = ((await page.locator(".review__list").textContent()) ?? "").replace(/\s+/g, " ");
    for (const answer of ["地域4", "30〜39歳", "戸建て", "していない", "感じる", "知っている", "やや感じる"])
      expect(review).toContain(answer);
    expect(await storedRecords(page)).toEqual([]);

    await page.evaluate(() => {
      (window as unknown as { failResponses: boolean }).failResponses = false;
    });
    await r.submit();
    await r.thanks().waitFor();
    const stored = await storedRecords(page);
    expect(stored).toHaveLength(1);
    const [{ id } = { id: "" }] = stored;
    await expect
      .poll(
        async () => {
          const res = await fetch(`${env.collector.origin}/api/v1/receipts`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ ids: [id] }),
          });
          return ((await res.json()) as { stored: string[] }).stored;
        },
        { timeout: 60_000 },
      )
      .toEqual([id]);
    // And the draft went with the submit.
    await page.goto(`${env.collector.origin}/s/ward-resident`);
    await page.getByRole("button", { name: "回答をはじめる" }).waitFor();
    expect(await page.getByRole("button", { name: "続きから回答する" }).count()).toBe(0);
  });

  it("writes no draft for a question merely opened, and one as soon as something is answered", async () => {
    const fresh = await context.newPage();
    const drafts = () =>
      fresh.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const open = indexedDB.open("tsunagu");
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const count = open.result.transaction("drafts").objectStore("drafts").count();
              count.onsuccess = () => resolve(count.result);
              count.onerror = () => reject(count.error);
            };
          }),
      );
    await fresh.goto(`${env.collector.origin}/s/ward-resident`);
    await fresh.getByRole("button", { name: "回答をはじめる" }).click();
    await fresh.getByLabel("地域3", { exact: true }).waitFor();
    // Past the debounce of a draft write: still nothing on disk.
    await fresh.waitForTimeout(1_000);
    expect(await drafts()).toBe(0);
    await fresh.getByLabel("地域3", { exact: true }).check();
    await expect.poll(drafts, { timeout: 5_000 }).toBe(1);
    await fresh.close();
  });

  it("stores one response for a double tap on submit, and keeps the focus on the button while saving", async () => {
    // A device of its own: no draft or response left by the tests above.
    const device = await phoneContext(env.browser);
    const page = await device.newPage();
    const r = respondent(page);
    await page.goto(`${env.collector.origin}/s/ward-resident`);
    await page.getByRole("button", { name: "回答をはじめる" }).click();
    await r.answerAll("地域6");
    // The outbox is held by a transaction of the test's own, so the save waits (as on a slow phone)
    // while both taps land and the "saving" frame is drawn; the focus is read in that frame.
    const focusedWhileSaving = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open("tsunagu");
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      let holding = true;
      const store = db.transaction(["responses", "drafts"], "readwrite").objectStore("responses");
      const keepBusy = () => {
        if (holding) store.count().onsuccess = keepBusy;
      };
      keepBusy();
      const submit = [...document.querySelectorAll("button")].find((b) =>
        b.textContent?.includes("送信する"),
      );
      if (!submit) throw new Error("no submit button");
      submit.focus();
      submit.click();
      submit.click();
      const focused = await new Promise<Element | null>((resolve) =>
        requestAnimationFrame(() => setTimeout(() => resolve(document.activeElement), 50)),
      );
      holding = false;
      db.close();
      return `${focused?.tagName}: ${focused?.textContent}`;
    });
    await r.thanks().waitFor();
    expect(focusedWhileSaving).toBe(`BUTTON: ${ja.review.saving}`);
    expect(await storedRecords(page)).toHaveLength(1);
    await device.close();
  });
});
