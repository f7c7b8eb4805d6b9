import type { Page } from "playwright-core";
import type { Response } from "../src/domain/response";
import { DB_VERSION } from "../src/outbox";

/** Writes responses into the page's outbox as pending records, the way enqueue stores them. */
export async function seedOutbox(page: Page, responses: Response[]): Promise<void> {
  // The app makes its database when it first needs it (a draft, an answer, the settings screen:
  // a page that only looked holds none). Opening "tsunagu" here first would create an empty one at
  // version 1 with no stores, which the app would take for an old version to upgrade; so a page of
  // the same browser context opens the settings screen, whose outbox the app opens and upgrades,
  // and the write waits until that database is at the app's version. Listing databases creates none.
  const exists = (version: number) =>
    indexedDB.databases().then((dbs) => dbs.some((d) => d.name === "tsunagu" && d.version === version));
  if (!(await page.evaluate(exists, DB_VERSION))) {
    const maker = await page.context().newPage();
    await maker.goto(new URL("/settings", page.url()).href);
    // Polled with evaluate: waitForFunction takes the promise an async predicate returns for a yes.
    for (let tries = 0; !(await maker.evaluate(exists, DB_VERSION)); tries++) {
      if (tries === 300) throw new Error("the settings screen made no outbox in 30 s");
      await maker.waitForTimeout(100);
    }
    await maker.close();
  }
  await page.evaluate(async (items) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open("tsunagu");
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = db.transaction("responses", "readwrite");
    items.forEach((response, i) => {
      tx.objectStore("responses").put({
        id: response.id,
        response,
        state: "pending",
        queuedAt: 1_000 + i,
        attempts: 0,
      });
    });
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, responses);
}
