import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import type { Response } from "../../src/domain/response";
import { uuidv7 } from "../../src/domain/uuid";
import { type OpenOutboxOptions, openOutbox } from "../../src/outbox";

/** A valid response whose id is ordered by `n`; the "auto" import above only supplies IDB's classes. */
export function makeResponse(n: number, answers: Response["answers"] = { q_prepared: "yes" }): Response {
  const id = uuidv7(1_760_000_000_000 + n, (bytes) => bytes.fill(n % 256));
  return {
    id,
    surveyId: "kumin-2025",
    surveyVersion: 1,
    submittedAt: "2025-11-25T01:00:00.000Z",
    locale: "ja",
    mode: "kiosk",
    answers,
  };
}

/** Each test gets its own in-memory IndexedDB, never a shared or real one. */
export function freshOutbox(options: Omit<OpenOutboxOptions, "idbFactory"> = {}) {
  const idbFactory = new IDBFactory();
  return openOutbox({ ...options, idbFactory }).then((outbox) => ({ outbox, idbFactory }));
}

/** A clock that ticks one millisecond per call, so queue order is deterministic. */
export function tickingClock(start = 1_000) {
  let t = start;
  return () => t++;
}
