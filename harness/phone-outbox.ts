import type { Page } from "playwright-core";
import type { Response } from "../src/domain/response";
import { DB_VERSION } from "../src/outbox";

/** Writes responses into the page's outbox as pending records, the way enqueue stores them. */
export async function seedOutbox(page: Page, responses: Response[]): Promise<void> {
  // Wait for the app to have made its database: opening "tsunagu" first would create an empty one
  // at version 1 with no stores, and the write below would fail (or the app's upgrade would run
  // on top of it). Listing the databases creates nothing.
  await page.waitForFunction(
    async (version) =>
      (await indexedDB.databases()).some((d) => d.name === "tsunagu" && d.version === version),
    DB_VERSION,
  );
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
