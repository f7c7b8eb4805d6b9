import { join } from "node:path";
import { expect, it, vi } from "vitest";
import { createApp } from "../../src/server/app";
import { collectorBackupBatches } from "../../src/server/backup/read-backup";
import { restoreCollectorBackup } from "../../src/server/backup/restore-backup";
import { writeCollectorBackup } from "../../src/server/backup/write-backup";
import { openPublishedSurveys } from "../../src/server/published-surveys";
import { describeEachPlace, dumpAll, placesDisposedAfterEach, rowJson } from "./backup-support";
import { FIXTURES, ingestAsStaff, makeResponse, postJson, TOKEN } from "./support";

// Thousands of responses through the app's checks, twice over, on a machine others share.
vi.setConfig({ testTimeout: 180_000 });

const CLIENTS = 4;
const BATCH = 10;
/** Responses stored before the clients start, so the backup reads several pages while they write. */
const SEEDED = 1500;
/** The intake windows stay put whatever the wall clock does during the test. */
const NOW = new Date("2026-06-01T03:00:00.000Z");

/** Places made by a test, disposed after it. */
const create = placesDisposedAfterEach();

/** Resolves once `done()`; rejects as soon as a client fails (else a failed client would wait forever). */
const waitUntil = (done: () => boolean, clients: Promise<unknown>) =>
  Promise.race([
    (async () => {
      while (!done()) await new Promise((resolve) => setTimeout(resolve, 5));
    })(),
    clients.then(() => {
      throw new Error("the clients stopped before the test was done with them");
    }),
  ]);

const answersOf = (n: number) => ({
  q_prepared: n % 3 === 0 ? "no" : "yes",
  ...(n % 3 !== 0 && { q_measures: n % 2 ? ["water", "food"] : ["radio"] }),
  q_area: n % 2 ? "north" : "south",
  q_household: 1 + (n % 6),
});

/** The backup file's rows as dumpAll gives a database's. */
async function dumpOfFile(path: string): Promise<Record<string, string[]>> {
  const dump: Record<string, string[]> = {};
  const batches = collectorBackupBatches(path);
  for (;;) {
    const next = await batches.next();
    if (next.done) {
      for (const table of next.value.header.tables) dump[table.name] = (dump[table.name] ?? []).sort();
      return dump;
    }
    const rows = dump[next.value.table] ?? [];
    dump[next.value.table] = rows;
    for (const values of next.value.rows) rows.push(rowJson(next.value.columns, values));
  }
}

/** answer_choices rows by their response. */
function choicesByResponse(rows: readonly string[]): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const row of rows) {
    const id = (JSON.parse(row) as { response_id: string }).response_id;
    by.set(id, [...(by.get(id) ?? []), row]);
  }
  return by;
}

describeEachPlace("a backup taken while four clients send responses", (kind) => {
  it("holds one instant of the collector: all acknowledged before it, every row as stored; it restores identically", async () => {
    const source = await create(kind);
    const storage = source.storage();
    await storage.migrate();
    const { surveys } = await openPublishedSurveys(storage, [join(FIXTURES, "surveys")]);
    for (let i = 0; i < SEEDED; i += 500)
      await ingestAsStaff(
        storage,
        surveys,
        Array.from({ length: 500 }, (_, j) => makeResponse({ answers: answersOf(i + j) })),
      );
    const app = createApp({
      storage,
      surveys,
      organizerToken: TOKEN,
      log: () => {},
      now: () => NOW,
      // Each client its own address: its intake counts are updated all along, and past 150 an
      // hour its responses are stored held (no answer_choices rows), so both kinds are in flight.
      clientAddress: (c) => c.req.header("X-Test-Client"),
      intakeLimits: { addressCounted: 150, addressStored: 1_000_000, deviceCounted: 1, deviceStored: 1 },
    });

    const acknowledged: string[] = [];
    let stop = false;
    const file = join(source.config.dataDir, "under-load.jsonl.gz");
    let before = new Set<string>();
    let written: Awaited<ReturnType<typeof writeCollectorBackup>> | undefined;
    let afterBackup = 0;
    const client = async (n: number) => {
      for (let sent = 0; !stop; sent += BATCH) {
        // In-process SQLite never waits on I/O, so without this the clients would run in microtasks
        // alone and starve every timer (the test's waits, vitest's timeout). A network would yield here.
        await new Promise((resolve) => setImmediate(resolve));
        const batch = Array.from({ length: BATCH }, (_, i) =>
          makeResponse({ answers: answersOf(sent + i + n) }),
        );
        const res = await app.request(
          "/api/v1/responses",
          postJson({ responses: batch }, { "X-Test-Client": `198.51.100.${n}` }),
        );
        expect(res.status).toBe(200);
        const { results } = (await res.json()) as { results: { id: string; status: string }[] };
        for (const r of results) {
          expect(r.status).toBe("accepted");
          acknowledged.push(r.id);
        }
      }
    };
    const clients = Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n + 1)));
    try {
      await waitUntil(() => acknowledged.length >= 200, clients);
      before = new Set(acknowledged);
      written = await writeCollectorBackup(source.backup(), file);
      afterBackup = acknowledged.length;
      // The clients go on after the backup, so the source ends with rows the backup cannot hold.
      await waitUntil(() => acknowledged.length >= afterBackup + 100, clients);
    } finally {
      stop = true;
    }
    await clients;

    const inFile = await dumpOfFile(file);
    const target = await create(kind);
    await restoreCollectorBackup(file, target.backup());
    expect(await dumpAll(target.backup())).toEqual(inFile);

    const now = await dumpAll(source.backup());
    const ids = (rows: readonly string[] = []) =>
      new Set(rows.map((r) => (JSON.parse(r) as { id: string }).id));
    const backedUp = ids(inFile.responses);
    // Every response acknowledged before the backup began is in it.
    expect([...before].filter((id) => !backedUp.has(id))).toEqual([]);
    expect(backedUp.size).toBe(written?.header.tables.find((t) => t.name === "responses")?.rows);
    expect(backedUp.size).toBeLessThan(ids(now.responses).size);
    // Rows that are only ever inserted are in the source exactly as the backup holds them.
    for (const table of ["responses", "answer_choices", "survey_versions"]) {
      const stored = new Set(now[table]);
      expect(
        (inFile[table] ?? []).filter((row) => !stored.has(row)),
        table,
      ).toEqual([]);
    }
    // One instant: a backed-up response has all its answer_choices rows, and no row is without its response.
    const fileChoices = choicesByResponse(inFile.answer_choices ?? []);
    const sourceChoices = choicesByResponse(now.answer_choices ?? []);
    for (const id of fileChoices.keys()) expect(backedUp.has(id)).toBe(true);
    for (const id of backedUp) expect(fileChoices.get(id) ?? [], id).toEqual(sourceChoices.get(id) ?? []);
    // Intake counts only grow: each one backed up is at most what the source holds now.
    const counts = (rows: readonly string[] = []) =>
      new Map(
        rows.map((r) => {
          const row = JSON.parse(r) as { window_start: string; source: string; stored: number };
          return [`${row.window_start} ${row.source}`, row.stored] as const;
        }),
      );
    const nowCounts = counts(now.intake_counts);
    const fileCounts = counts(inFile.intake_counts);
    expect(fileCounts.size).toBeGreaterThan(0);
    for (const [key, stored] of fileCounts) expect(stored).toBeLessThanOrEqual(nowCounts.get(key) ?? -1);

    console.info(
      `${kind.name}: backup of ${backedUp.size} responses (${written?.bytes} bytes) while ${CLIENTS} clients sent: ` +
        `${afterBackup - before.size} acknowledged during it, ${acknowledged.length} in all`,
    );
  });
});
