import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { auditDatabase } from "../../harness/chaos/audit";
import { type KillTarget, postgresKillTarget, sqliteKillTarget } from "../../harness/chaos/kill-targets";
import { runKills } from "../../harness/chaos/sigkill";
import { createKyselyStorage } from "../../src/server/storage";

// `npm run chaos:kill` runs more rounds (KILL_ROUNDS, default 10) and prints the figures.
const ROUNDS = 2;
const DATABASE_URL = process.env.DATABASE_URL;

const TARGETS: (KillTarget & { unavailable?: string })[] = [
  sqliteKillTarget,
  DATABASE_URL
    ? postgresKillTarget(DATABASE_URL)
    : { ...postgresKillTarget(""), unavailable: "DATABASE_URL is unset" },
];

describe.each(TARGETS)("collector killed with SIGKILL while ingesting, on $name", (target) => {
  it.skipIf(target.unavailable !== undefined)(
    "every acknowledged id is stored after a restart, once, as sent",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "tsunagu-kill-"));
      const { databaseUrl, open, dispose } = await target.setup(dir);
      try {
        const figures = await runKills({
          rounds: ROUNDS,
          seed: 1125,
          concurrency: 4,
          dataDir: dir,
          databaseUrl,
        });
        console.log(
          JSON.stringify({
            storage: target.name,
            ...figures,
            acknowledged: figures.acknowledged.size,
            sent: figures.sent.size,
          }),
        );
        // The kills cut requests in flight, and the collector had answered others before.
        expect(figures.cut).toBeGreaterThanOrEqual(ROUNDS);
        expect(figures.answered).toBeGreaterThan(0);
        // After every restart the collector held every id it had acknowledged.
        expect(figures.missingAfterRestart).toBe(0);
        expect(figures.refused).toBe(0);

        const db = open();
        const storage = createKyselyStorage(db, target.name);
        try {
          const audit = await auditDatabase(db, figures.sent, figures.acknowledged);
          expect(audit).toEqual({
            rows: figures.sent.size,
            distinctIds: figures.sent.size,
            lost: [],
            duplicated: 0,
            unknown: [],
            altered: [],
          });
        } finally {
          await storage.close();
        }
      } finally {
        await dispose();
        rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
