import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeBackup } from "../../src/contract/backup";
import { createApp } from "../../src/server/app";
import { CollectorBackupError } from "../../src/server/backup/format";
import { restoreCollectorBackup } from "../../src/server/backup/restore-backup";
import { writeCollectorBackup } from "../../src/server/backup/write-backup";
import { openPublishedSurveys } from "../../src/server/published-surveys";
import { BACKUP_TABLES, MIGRATIONS, type Storage } from "../../src/server/storage";
import {
  describeEachPlace,
  dumpAll,
  fillCollector,
  PLACES,
  type Place,
  type PlaceKind,
  placesDisposedAfterEach,
} from "./backup-support";
import { FIXTURES, makeResponse, organizer, SURVEY, TOKEN } from "./support";

const ALL_MIGRATIONS = Object.keys(MIGRATIONS);

/** Places made by a test, disposed after it. */
const create = placesDisposedAfterEach();
const fileIn = (place: Place, name = "backup.jsonl.gz") => join(place.config.dataDir, name);

async function tallies(storage: Storage): Promise<unknown> {
  const { surveys } = await openPublishedSurveys(storage, [join(FIXTURES, "surveys")]);
  const app = createApp({ storage, surveys, organizerToken: TOKEN, log: () => {} });
  const res = await app.request(`/api/v1/surveys/${SURVEY}/tallies?by=q_area`, { headers: organizer });
  expect(res.status).toBe(200);
  return res.json();
}

describeEachPlace("collector backup", (kind) => {
  it("knows every table the migrations make", async () => {
    const place = await create(kind);
    await place.storage().migrate();
    expect(Object.keys(await place.backup().tableColumns())).toEqual(BACKUP_TABLES.map((t) => t.name));
  });

  it("restores to an identical collector, which then answers as the source did", async () => {
    const source = await create(kind);
    const sourceStorage = source.storage();
    const { responses } = await fillCollector(sourceStorage);
    const file = fileIn(source);
    const written = await writeCollectorBackup(source.backup(), file);
    expect(written.header).toMatchObject({ storage: kind.name, migrations: ALL_MIGRATIONS });
    expect(written.header.tables.map((t) => t.name)).toEqual(BACKUP_TABLES.map((t) => t.name));
    // The filled collector has a row in every table, so every table's round trip is tested.
    for (const table of written.header.tables) expect(table.rows, table.name).toBeGreaterThan(0);
    expect(written.header.tables.find((t) => t.name === "responses")?.rows).toBe(responses);

    const target = await create(kind);
    const restored = await restoreCollectorBackup(file, target.backup());
    expect(restored.sha256).toBe(written.sha256);
    expect(restored.migratedAfter).toEqual([]);
    expect(await dumpAll(target.backup())).toEqual(await dumpAll(source.backup()));
    expect(await target.backup().appliedMigrations()).toEqual(ALL_MIGRATIONS);
    expect(await tallies(target.storage())).toEqual(await tallies(sourceStorage));
  });

  it("refuses to restore into a database that holds data, and leaves it as it was", async () => {
    const source = await create(kind);
    await fillCollector(source.storage());
    const file = fileIn(source);
    await writeCollectorBackup(source.backup(), file);
    const target = await create(kind);
    await target.storage().migrate();
    await target
      .storage()
      .insertResponses(
        [{ response: makeResponse(), wave: 2025, contentHash: "h", choices: [] }],
        "2025-06-01T00:00:00.000Z",
      );
    const before = await dumpAll(target.backup());
    const refused = restoreCollectorBackup(file, target.backup());
    await expect(refused).rejects.toThrow(CollectorBackupError);
    await expect(refused).rejects.toThrow(
      "the target already holds data (responses: 1 rows); a restore never writes over data: restore into an empty data directory or database",
    );
    expect(await dumpAll(target.backup())).toEqual(before);
  });

  it("restores a backup taken at an older migration and migrates it to this build", async () => {
    const older = "2026_12_07_0003_survey_versions";
    const source = await create(kind);
    expect(await source.backup().migrateUpTo(older)).toEqual(
      ALL_MIGRATIONS.slice(0, ALL_MIGRATIONS.indexOf(older) + 1),
    );
    const response = makeResponse();
    await source
      .storage()
      .insertResponses(
        [{ response, wave: 2025, contentHash: "h", choices: [{ questionId: "q_prepared", optionId: "no" }] }],
        "2025-06-01T00:00:00.000Z",
      );
    const file = fileIn(source);
    const written = await writeCollectorBackup(source.backup(), file);
    expect(written.header.migrations.at(-1)).toBe(older);
    expect(written.header.tables.map((t) => t.name)).not.toContain("accounts");

    const target = await create(kind);
    const restored = await restoreCollectorBackup(file, target.backup());
    expect(restored.migratedAfter).toEqual(ALL_MIGRATIONS.slice(ALL_MIGRATIONS.indexOf(older) + 1));
    const dump = await dumpAll(target.backup());
    expect(dump.responses).toEqual((await dumpAll(source.backup())).responses);
    expect(dump.accounts).toEqual([]);
    expect(await target.storage().storedIds([response.id])).toEqual([response.id]);
  });
});

const [sqlite, postgres] = PLACES as [PlaceKind, PlaceKind];

describe.skipIf(postgres.unavailable !== undefined)("collector backup across storages", () => {
  it.each([
    ["SQLite", "PostgreSQL", sqlite, postgres],
    ["PostgreSQL", "SQLite", postgres, sqlite],
  ])("restores a backup of %s into %s, every row identical", async (_from, _to, fromKind, toKind) => {
    const source = await create(fromKind);
    await fillCollector(source.storage());
    const file = fileIn(source);
    await writeCollectorBackup(source.backup(), file);
    const target = await create(toKind);
    await restoreCollectorBackup(file, target.backup());
    expect(await dumpAll(target.backup())).toEqual(await dumpAll(source.backup()));
    expect(await tallies(target.storage())).toEqual(await tallies(source.storage()));
  });
});

describe("a collector backup that must not be restored", () => {
  let source: Place;
  let good: Buffer;
  let dir: string;
  beforeAll(async () => {
    source = await sqlite.create();
    await fillCollector(source.storage());
    const file = fileIn(source);
    await writeCollectorBackup(source.backup(), file);
    good = readFileSync(file);
    dir = mkdtempSync(join(tmpdir(), "tsunagu-bad-backups-"));
  });
  afterAll(async () => {
    await source.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Refused with `message`, and the empty target is left without even a table. */
  async function expectRefused(bytes: Buffer | string, problem: string, message: string | RegExp) {
    const file = join(dir, `${Math.random().toString(36).slice(2)}.jsonl.gz`);
    writeFileSync(file, bytes);
    const target = await create(sqlite);
    const error = await restoreCollectorBackup(file, target.backup()).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CollectorBackupError);
    expect((error as CollectorBackupError).problem).toBe(problem);
    if (typeof message === "string") expect((error as Error).message).toBe(message);
    else expect((error as Error).message).toMatch(message);
    expect(await target.backup().appliedMigrations()).toEqual([]);
    expect(await target.backup().rowCounts()).toEqual({});
  }

  /** The backup's lines, changed by `edit`, with a checksum that fits them again. */
  function rewritten(edit: (lines: string[]) => void): Buffer {
    const lines = gunzipSync(good).toString("utf8").split("\n").slice(0, -2);
    edit(lines);
    const content = lines.map((l) => `${l}\n`).join("");
    const sha256 = createHash("sha256").update(content).digest("hex");
    return gzipSync(`${content}${JSON.stringify({ sha256, lines: lines.length })}\n`);
  }

  it("is damaged: one byte flipped", async () => {
    const flipped = Buffer.from(good);
    const at = Math.floor(flipped.length / 2);
    flipped[at] = (flipped[at] as number) ^ 0x01;
    await expectRefused(flipped, "damaged", /^damaged backup: /);
  });

  it("is damaged: a value changed and compressed again, so only the checksum tells", async () => {
    const text = gunzipSync(good).toString("utf8").replace("防災訓練", "防災訓線");
    await expectRefused(
      gzipSync(text),
      "damaged",
      "damaged backup: the checksum does not match (the file was changed or cut after it was written)",
    );
  });

  it("is damaged: cut short", async () => {
    const text = gunzipSync(good).toString("utf8");
    const cut = text.slice(0, text.lastIndexOf("\n", text.length - 2) + 1);
    await expectRefused(
      gzipSync(cut),
      "damaged",
      "damaged backup: its last line is not its checksum (cut short?)",
    );
  });

  it("is foreign: a tablet's device backup, with the command that takes it", async () => {
    const device = JSON.stringify(await writeBackup([], { deviceId: "tablet-7" }));
    await expectRefused(
      device,
      "foreign",
      "not a Tsunagu collector backup: it is not gzip-compressed (it is a device backup: `npm run import -- FILE` takes those)",
    );
  });

  it("is foreign: another program's gzip'd JSON lines", async () => {
    await expectRefused(
      gzipSync('{"format":"pg_dump"}\n{"x":1}\n'),
      "foreign",
      'not a Tsunagu collector backup: format is "pg_dump"',
    );
  });

  it("is newer: taken at a migration this build does not have", async () => {
    const future = rewritten((lines) => {
      const header = JSON.parse(lines[0] as string);
      header.migrations.push("2099_01_01_0001_future");
      lines[0] = JSON.stringify(header);
    });
    await expectRefused(
      future,
      "newer",
      "the backup was taken by a newer collector: its migration 2099_01_01_0001_future is not in this build; restore it with that collector's version or a later one",
    );
  });

  it("is damaged: rows that do not fit its header, even with a checksum that fits", async () => {
    const short = rewritten((lines) => {
      const at = lines.findIndex((l) => l.startsWith('["responses",'));
      lines[at] = '["responses",["only one value"]]';
    });
    await expectRefused(
      short,
      "damaged",
      /^damaged backup: line \d+: 1 values for the \d+ columns of responses$/,
    );
  });
});
