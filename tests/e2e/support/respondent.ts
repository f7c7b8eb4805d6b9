import type { Page } from "playwright-core";

/** The ward-resident survey in Japanese, as a respondent taps through it. */
export function respondent(page: Page) {
  const next = () => page.getByRole("button", { name: "次へ", exact: true }).click();
  const choose = async (label: string) => {
    await page.getByLabel(label, { exact: true }).check();
    await next();
  };
  return {
    next,
    choose,
    /** From the first question to the review, answering every required question. */
    async answerAll(area = "地域3") {
      await choose(area);
      await choose("30〜39歳");
      await choose("戸建て");
      await choose("いいえ");
      await page.getByRole("spinbutton").fill("5");
      await next();
      await choose("していない");
      await choose("感じる");
      await next(); // news sources: optional
      await choose("知っている");
      await next(); // local activities: optional
      await choose("やや感じる");
      await next(); // comment: optional
      await page.getByRole("heading", { name: "回答の確認" }).waitFor();
    },
    submit: () => page.getByRole("button", { name: "送信する" }).click(),
    thanks: () => page.getByRole("heading", { name: "ご回答ありがとうございました" }),
  };
}

/** Every record of the outbox as stored, read with plain IndexedDB inside the page. */
export async function storedRecords(page: Page): Promise<{ id: string; state: string }[]> {
  return await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open("tsunagu");
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = await new Promise<{ id: string; state: string }[]>((resolve, reject) => {
      const req = db.transaction("responses").objectStore("responses").getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return all.map((r) => ({ id: r.id, state: r.state }));
  });
}

/** Waits until the service worker controls the page, so the app opens with the collector gone. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }),
      );
  });
}

/**
 * Until the app has taken over from the first screen a survey's page draws in its HTML (the app's
 * first render replaces those elements: src/app/respondent/first-screen.ts). Needed only by a test
 * that holds on to an element of the page before it acts.
 */
export const untilAppRuns = (page: Page) =>
  page.waitForFunction(() => document.querySelector("#app[data-first-screen]") === null);
