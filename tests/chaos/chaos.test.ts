import { describe, expect, it } from "vitest";
import { FAULT_KINDS, runChaos } from "../../harness/chaos/chaos";
import { type ChaosStorage, chaosPostgres, chaosSqlite } from "../../harness/chaos/storages";
import { loadSurveyRegistry } from "../../src/server/surveys";

// `npm run chaos` runs the same with 10,000 responses (CHAOS_N) and prints the figures.
const COUNT = 1_000;
const DATABASE_URL = process.env.DATABASE_URL;
const surveys = loadSurveyRegistry([
  `${import.meta.dirname}/../../surveys`,
  `${import.meta.dirname}/../../surveys/archive`,
]);

describe.each([
  { name: "sqlite", open: chaosSqlite },
  {
    name: "postgres",
    open: () => chaosPostgres(DATABASE_URL as string),
    unavailable: DATABASE_URL ? undefined : "DATABASE_URL is unset",
  },
])("chaos on $name", ({ open, unavailable }) => {
  it.skipIf(unavailable !== undefined)(
    `${COUNT} responses queued offline reach the collector exactly once through 30% injected faults`,
    async () => {
      const opened: ChaosStorage = await open();
      try {
        const figures = await runChaos({
          count: COUNT,
          faultRate: 0.3,
          seed: 20261125,
          maxItems: 20,
          ...opened,
          surveys,
        });
        console.log(
          JSON.stringify({ ...figures, audit: { ...figures.audit, lost: figures.audit.lost.length } }),
        );
        // Every kind of fault happened, often enough to matter.
        for (const kind of FAULT_KINDS) expect(figures.faults[kind], kind).toBeGreaterThan(0);
        const injected = Object.values(figures.faults).reduce((a, b) => a + b, 0);
        expect(injected / figures.requests).toBeGreaterThan(0.2);
        // Every 429/503 with Retry-After was read as such by the engine.
        expect(figures.retryAfterSeen).toBe(figures.faults["retry-after"]);
        // Nothing was marked sent before the collector had it, at any point.
        expect(figures.sentBeforeStored).toBe(0);
        // 0 lost, 0 duplicated, nothing invented or altered; the outbox is drained.
        expect(figures.audit).toEqual({
          rows: COUNT,
          distinctIds: COUNT,
          lost: [],
          duplicated: 0,
          unknown: [],
          altered: [],
        });
        expect(figures.outbox).toEqual({ pending: 0, sent: COUNT, rejected: 0, conflict: 0 });
      } finally {
        await opened.dispose();
      }
    },
    120_000,
  );
});
