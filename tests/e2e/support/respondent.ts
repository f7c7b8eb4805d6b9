import type { Page } from "playwright-core";
import type { Response } from "../../../src/domain/response";

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

/**
 * Every record of the outbox as stored, read with plain IndexedDB inside the page, in id order: the
 * responses store's, and the sent store's, which keeps a batch of sent records to a value.
 */
export async function storedRecords(
  page: Page,
): Promise<{ id: string; state: string; response: Response }[]> {
  return await page.evaluate(async () => {
    type Stored = { id: string; state: string; response: Response };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open("tsunagu");
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = db.transaction(["responses", "sent"]);
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const req = tx.objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    const [queued, batches] = await Promise.all([
      all<Stored>("responses"),
      all<{ records: Stored[] }>("sent"),
    ]);
    db.close();
    return [...queued, ...batches.flatMap((batch) => batch.records)]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((r) => ({ id: r.id, state: r.state, response: r.response }));
  });
}

/**
 * The surveys whose draft the outbox keeps, read with plain IndexedDB inside the page. Where the app
 * has not made its database yet there is none: the open is aborted rather than create an empty one,
 * which the app would then take for an old version to upgrade.
 */
export async function storedDraftSurveys(page: Page): Promise<string[]> {
  return await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase | undefined>((resolve) => {
      const req = indexedDB.open("tsunagu");
      req.onupgradeneeded = () => req.transaction?.abort();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(undefined);
    });
    if (!db) return [];
    const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
      const req = db.transaction("drafts").objectStore("drafts").getAllKeys();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return keys.map(String);
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
