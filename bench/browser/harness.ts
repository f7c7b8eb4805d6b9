// Runs in Chromium, served by a collector (same origin): the app's own outbox and sync code against
// raw IndexedDB and raw fetch, each figure and its baseline in the same page. Called by bench/browser.ts.

import type { Response } from "../../src/domain/response";
import { uuidv7 } from "../../src/domain/uuid";
import { openOutbox } from "../../src/outbox";
import { syncOnce } from "../../src/sync";

function makeResponse(i: number, base: number): Response {
  const areas = 14;
  return {
    id: uuidv7(base + i),
    surveyId: "ward-resident",
    surveyVersion: 1,
    submittedAt: new Date(base + i).toISOString(),
    locale: "ja",
    mode: "self",
    answers: {
      q_area: `area_${String(1 + (i % areas)).padStart(2, "0")}`,
      q_age: "age_40_49",
      q_housing: "apartment",
      q_children: "no",
      q_disaster_prep: ["yes", "no", "dont_know"][i % 3] as string,
      q_info_reach: "somewhat",
      q_info_sources: ["newsletter"],
      q_watch_over: "feel",
      q_comment: "防災訓練の日程をもっと早く知らせてほしいです。",
    },
  };
}

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

/** Each enqueue awaited alone, as a submit is: validate, then a strict-durability transaction. */
async function queueTimes(n: number): Promise<{ p50: number; p99: number }> {
  const outbox = await openOutbox({ name: `bench-queue-${Math.random()}` });
  const base = Date.now();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = makeResponse(i, base);
    const t = performance.now();
    await outbox.enqueue(r);
    times.push(performance.now() - t);
  }
  outbox.close();
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

function openRaw(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => req.result.createObjectStore("records", { keyPath: "id" });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** The baseline: one put of the same response in its own strict-durability transaction. */
async function rawPutTimes(n: number): Promise<{ p50: number; p99: number }> {
  const db = await openRaw(`bench-raw-${Math.random()}`);
  const base = Date.now();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = makeResponse(i, base);
    const t = performance.now();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction("records", "readwrite", { durability: "strict" });
      tx.objectStore("records").put({ id: r.id, response: r, state: "pending", queuedAt: Date.now() });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    times.push(performance.now() - t);
  }
  db.close();
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

/** Queues n responses for drain(), untimed, in an outbox of its own. */
async function queueForDrain(n: number, base: number): Promise<string> {
  const name = `bench-drain-${Math.random()}`;
  const outbox = await openOutbox({ name });
  for (let i = 0; i < n; i++) await outbox.enqueue(makeResponse(i, base));
  outbox.close();
  return name;
}

/**
 * Times one sync pass that sends all that queueForDrain queued to this origin, with where the time
 * went: reading pending records, the POSTs, and writing the results back. The pass overlaps them, so
 * the three add up to more than its time.
 */
async function drain(
  name: string,
  n: number,
): Promise<{ ms: number; take: number; post: number; apply: number }> {
  const outbox = await openOutbox({ name });
  const spent = { take: 0, post: 0, apply: 0 };
  const timed =
    <A extends unknown[], R>(key: keyof typeof spent, f: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      const t = performance.now();
      try {
        return await f(...a);
      } finally {
        spent[key] += performance.now() - t;
      }
    };
  const measured = {
    ...outbox,
    takePending: timed("take", outbox.takePending),
    applyResults: timed("apply", outbox.applyResults),
  };
  const fetchTimed = timed("post", (input: RequestInfo | URL, init?: RequestInit) =>
    fetch(input, init).then(async (res) => new globalThis.Response(await res.arrayBuffer(), res)),
  ) as typeof fetch;
  const t = performance.now();
  const outcome = await syncOnce(measured, {
    endpoint: `${location.origin}/api/v1`,
    locks: null,
    fetch: fetchTimed,
  });
  const ms = performance.now() - t;
  const counts = await outbox.counts();
  outbox.close();
  // The next round starts from an empty storage backend, as this one did.
  indexedDB.deleteDatabase(name);
  if (outcome.kind !== "done" || counts.pending > 0)
    throw new Error(`drain ended ${outcome.kind}, ${counts.pending} left`);
  if (outcome.sent !== n) throw new Error(`drain sent ${outcome.sent} of ${n}`);
  return { ms, ...spent };
}

/** n responses queued and sent to this origin, kept as sent in an outbox of its own: its name. */
async function keepSent(n: number, base: number): Promise<string> {
  const name = await queueForDrain(n, base);
  const outbox = await openOutbox({ name });
  const outcome = await syncOnce(outbox, { endpoint: `${location.origin}/api/v1`, locks: null });
  const counts = await outbox.counts();
  outbox.close();
  if (outcome.kind !== "done" || counts.sent !== n) throw new Error(`kept ${counts.sent} of ${n} sent`);
  return name;
}

/**
 * What the sync engine does after each pass to show its status (purgeExpired, then counts), timed
 * `reps` times in one open outbox, against the least a count of both stores can ask: IndexedDB's
 * own count() of each, in one transaction, which tells no state apart. The two alternate; the
 * outbox's first call of a page is given apart.
 */
async function statusTimes(
  name: string,
  reps: number,
): Promise<{ first: number; longestTask: number; status: number[]; raw: number[] }> {
  const outbox = await openOutbox({ name });
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const rawCount = () =>
    new Promise<number>((resolve, reject) => {
      const tx = db.transaction(["responses", "sent"]);
      const queued = tx.objectStore("responses").count();
      const sent = tx.objectStore("sent").index("id").count();
      tx.oncomplete = () => resolve(queued.result + sent.result);
      tx.onerror = () => reject(tx.error);
    });
  const status = async () => {
    await outbox.purgeExpired();
    return outbox.counts();
  };
  // The page's first call reads and summarizes every value: how long it holds the page's thread at a
  // time, from the browser's own long-task entries (tasks over 50 ms).
  let longestTask = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longestTask = Math.max(longestTask, entry.duration);
  });
  observer.observe({ type: "longtask" });
  let t = performance.now();
  await status();
  const first = performance.now() - t;
  await new Promise((resolve) => setTimeout(resolve, 100)); // the entries come after their task
  observer.disconnect();
  const times = { status: [] as number[], raw: [] as number[] };
  for (let i = 0; i < reps; i++) {
    t = performance.now();
    await status();
    times.status.push(performance.now() - t);
    t = performance.now();
    await rawCount();
    times.raw.push(performance.now() - t);
  }
  db.close();
  outbox.close();
  return { first, longestTask, ...times };
}

/** The baseline: the same responses in the same batches of 100, POSTed one after another. */
async function rawPostLoop(n: number, base: number): Promise<{ ms: number }> {
  const responses = Array.from({ length: n }, (_, i) => makeResponse(i, base));
  const t = performance.now();
  for (let i = 0; i < n; i += 100) {
    const res = await fetch("/api/v1/responses", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ responses: responses.slice(i, i + 100) }),
    });
    if (!res.ok) throw new Error(`raw POST answered ${res.status}`);
    await res.json();
  }
  return { ms: performance.now() - t };
}

Object.assign(window, {
  bench: { queueTimes, rawPutTimes, queueForDrain, drain, rawPostLoop, keepSent, statusTimes },
});
document.title = "ready";
