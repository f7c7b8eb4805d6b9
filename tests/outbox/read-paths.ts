import { afterAll, beforeAll } from "vitest";

/**
 * The two ways the outbox reads a range of records (src/outbox/db/requests.ts, keysAndValues): getAllRecords in
 * one request where the browser has it (Chromium 141 on, and fake-indexeddb), getAllKeys and getAll
 * elsewhere (Safari, Firefox, older Chromium). Suites that read ranges run once for each.
 */
export const READ_PATHS = ["getAllRecords", "getAllKeys and getAll"] as const;
export type ReadPath = (typeof READ_PATHS)[number];

/** Within a describe: hides getAllRecords from every store and index while its tests run, for the second path. */
export function useReadPath(path: ReadPath): void {
  const prototypes = [IDBObjectStore.prototype, IDBIndex.prototype];
  const saved = prototypes.map((p) => Object.getOwnPropertyDescriptor(p, "getAllRecords"));
  beforeAll(() => {
    if (path === "getAllRecords") return;
    for (const p of prototypes) delete (p as { getAllRecords?: unknown }).getAllRecords;
    if (prototypes.some((p) => "getAllRecords" in p)) throw new Error("getAllRecords is still there");
  });
  afterAll(() => {
    prototypes.forEach((p, i) => {
      const descriptor = saved[i];
      if (descriptor) Object.defineProperty(p, "getAllRecords", descriptor);
    });
  });
}
