import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { MAIN, ROOT, spawnCollector } from "../../harness/collector";
import { freePort } from "../../harness/free-port";
import { verifyCollectorBackup } from "../../src/server/backup/read-backup";
import { scheduledName, takeScheduledBackup } from "../../src/server/backup/schedule";
import { readConfig } from "../../src/server/cli/config";
import { PLACES, placesDisposedAfterEach } from "./backup-support";
import { FIXTURES } from "./support";

// One test starts the real collector (tsx compiles at each start): slow on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

/** Places made by a test, disposed after it. */
const create = placesDisposedAfterEach();

describe("scheduled backups", () => {
  it("write whole files into BACKUP_DIR and keep the newest BACKUP_KEEP of their own, leaving other files alone", async () => {
    const place = await create(PLACES[0] as (typeof PLACES)[0]);
    await place.storage().migrate();
    const dir = join(place.config.dataDir, "backups");
    mkdirSync(dir);
    writeFileSync(join(dir, "before-the-upgrade.jsonl.gz"), "kept by hand");
    const hours = [1, 2, 3, 4].map((h) => new Date(Date.UTC(2026, 11, 8, h)));
    const removed: string[][] = [];
    for (const at of hours) {
      const source = place.backup();
      const run = await takeScheduledBackup({ dir, keep: 2 }, source, () => at);
      await source.close();
      expect(run.summary.path).toBe(join(dir, scheduledName(at)));
      removed.push(run.removed);
    }
    expect(removed).toEqual([[], [], [scheduledName(hours[0] as Date)], [scheduledName(hours[1] as Date)]]);
    expect(readdirSync(dir).sort()).toEqual(
      [
        "before-the-upgrade.jsonl.gz",
        scheduledName(hours[2] as Date),
        scheduledName(hours[3] as Date),
      ].sort(),
    );
    // No half-written file is left, and what is kept reads back whole.
    expect(readdirSync(dir).filter((name) => name.endsWith(".partial"))).toEqual([]);
    const kept = await verifyCollectorBackup(join(dir, scheduledName(hours[3] as Date)));
    expect(kept.header.takenAt).toBe((hours[3] as Date).toISOString());
  });

  it("are configured by BACKUP_DIR, BACKUP_EVERY and BACKUP_KEEP, and refused when they make no sense", () => {
    expect(readConfig({}, "/srv").backup).toBeUndefined();
    expect(readConfig({ BACKUP_DIR: "backups" }, "/srv").backup).toEqual({
      dir: "/srv/backups",
      everyHours: 24,
      keep: 7,
    });
    expect(readConfig({ BACKUP_DIR: "/b", BACKUP_EVERY: "0.5", BACKUP_KEEP: "48" }, "/srv").backup).toEqual({
      dir: "/b",
      everyHours: 0.5,
      keep: 48,
    });
    expect(() => readConfig({ BACKUP_EVERY: "6" })).toThrow(
      "BACKUP_EVERY is set but BACKUP_DIR is not: set the folder for the backups too",
    );
    expect(() => readConfig({ BACKUP_DIR: "/b", BACKUP_EVERY: "daily" })).toThrow(
      'BACKUP_EVERY must be a positive number, not "daily"',
    );
    expect(() => readConfig({ BACKUP_DIR: "/b", BACKUP_EVERY: "1000" })).toThrow(/at most 596 hours/);
    expect(() => readConfig({ BACKUP_DIR: "/b", BACKUP_KEEP: "0" })).toThrow(
      'BACKUP_KEEP must keep at least 1 backup, not "0"',
    );
  });

  it("run inside the real collector, which says so at start and logs each one", async () => {
    const place = await create(PLACES[0] as (typeof PLACES)[0]);
    const cwd = join(place.config.dataDir, "..");
    mkdirSync(join(cwd, "surveys"));
    copyFileSync(join(FIXTURES, "surveys", "ward-test-v2.json"), join(cwd, "surveys", "ward-test-v2.json"));
    const dir = join(cwd, "scheduled");
    const collector = spawnCollector(resolve(ROOT, MAIN), cwd, {
      ...process.env,
      DATA_DIR: place.config.dataDir,
      DATABASE_URL: "",
      ORGANIZER_TOKEN: "",
      PORT: String(await freePort()),
      BACKUP_DIR: dir,
      // 3.6 s apart, one kept: the second run removes the first.
      BACKUP_EVERY: "0.001",
      BACKUP_KEEP: "1",
    });
    try {
      expect(await collector.ready).toBe("listening");
      expect(collector.output()).toContain(`backup: every 0.001 h into ${dir}, keeping 1`);
      while (!/backup: wrote .*; removed tsunagu-/.test(collector.output()))
        await new Promise((done) => setTimeout(done, 200));
      const files = readdirSync(dir).filter((name) => name.endsWith(".jsonl.gz"));
      expect(files).toHaveLength(1);
      const kept = await verifyCollectorBackup(join(dir, files[0] as string));
      expect(kept.header.tables.find((t) => t.name === "survey_versions")?.rows).toBe(1);
    } finally {
      collector.child.kill("SIGTERM");
      await collector.exited;
    }
  });
});
