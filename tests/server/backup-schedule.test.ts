import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { verifyCollectorBackup } from "../../src/server/backup/read-backup";
import { scheduledName, takeScheduledBackup } from "../../src/server/backup/schedule";
import { readConfig } from "../../src/server/cli/config";
import type { Place } from "./backup-support";
import { PLACES } from "./backup-support";

let made: Place[] = [];
afterEach(async () => {
  for (const place of made) await place.dispose();
  made = [];
});

describe("scheduled backups", () => {
  it("write whole files into BACKUP_DIR and keep the newest BACKUP_KEEP of their own, leaving other files alone", async () => {
    const place = await (PLACES[0] as (typeof PLACES)[0]).create();
    made.push(place);
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
});
