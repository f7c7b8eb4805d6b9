import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/server/app";
import { clientAddress } from "../../src/server/http/client-address";
import { fixtureSurveys, makeResponse, TOKEN } from "../server/support";
import { AUDITED_KINDS, type AuditedStorage, openAudited, type TableDump } from "./support";

// Respondents are anonymous (DESIGN.md): 1,000 submissions over real HTTP, each with a distinctive
// User-Agent, X-Forwarded-For and cookie, then every cell of every table is searched for them. The
// collector trusts one proxy here, so it does read X-Forwarded-For (for the rate limiter, in memory).
const SUBMISSIONS = 1_000;
const ua = (n: number) => `TsunaguAuditAgent/${n} (canary-ua-7f3a; Android 14)`;
const xff = (n: number) => `198.51.100.${n % 250}, 203.0.113.${n % 250}`;

/** Every cell of every table as text, tagged with where it is. */
function cells(dump: TableDump): { where: string; text: string }[] {
  return Object.entries(dump).flatMap(([table, rows]) =>
    rows.flatMap((row, i) =>
      Object.entries(row).map(([column, value]) => ({
        where: `${table}[${i}].${column}`,
        text:
          value instanceof Date
            ? value.toISOString()
            : typeof value === "string"
              ? value
              : (JSON.stringify(value) ?? ""),
      })),
    ),
  );
}

const IDENTIFYING = [
  /canary-ua-7f3a|TsunaguAuditAgent|Android 14/,
  /198\.51\.100\.|203\.0\.113\./,
  /127\.0\.0\.1|::1\b|::ffff:/,
  /canary-cookie/,
];

describe.each(AUDITED_KINDS)("stored-data audit on $kind", ({ kind, unavailable }) => {
  describe.skipIf(unavailable !== undefined)(unavailable ?? `${SUBMISSIONS} submissions`, () => {
    let audited: AuditedStorage;
    let server: ReturnType<typeof serve>;
    let origin: string;
    const logLines: string[] = [];

    beforeAll(async () => {
      audited = await openAudited(kind);
      const app = createApp({
        storage: audited.storage,
        surveys: fixtureSurveys(),
        organizerToken: TOKEN,
        log: (line) => logLines.push(line),
        rateLimit: { burst: 10, perSecond: 1 },
        clientAddress: clientAddress(1),
      });
      server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
      await new Promise((resolve) => server.once("listening", resolve));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise((resolve) => server?.close(resolve));
      await audited?.dispose();
    });

    it("stores no IP address, user agent or cookie anywhere, and logs no answer", async () => {
      const answers: string[] = [];
      const statuses: number[] = [];
      for (let start = 0; start < SUBMISSIONS; start += 20) {
        await Promise.all(
          Array.from({ length: 20 }, async (_, k) => {
            const n = start + k;
            const comment = `canary-answer-${n} 区役所の窓口`;
            answers.push(comment);
            const res = await fetch(`${origin}/api/v1/responses`, {
              method: "POST",
              headers: {
                "Content-Type": "application/json",
                "User-Agent": ua(n),
                "X-Forwarded-For": xff(n),
                "X-Real-IP": `203.0.113.${n % 250}`,
                Cookie: `session=canary-cookie-${n}`,
              },
              body: JSON.stringify({
                responses: [
                  makeResponse({ answers: { q_prepared: "yes", q_area: "north", q_comment: comment } }),
                ],
              }),
            });
            statuses.push(res.status);
            await res.arrayBuffer();
          }),
        );
      }
      // Each address has its own bucket (burst 10): the 1,000 came from 250 addresses, 4 each.
      expect(statuses.filter((s) => s !== 200)).toEqual([]);

      const dump = await audited.dump();
      expect(dump.responses).toHaveLength(SUBMISSIONS);
      const all = cells(dump);
      // The scan sees the data: every answer is there...
      expect(all.filter((c) => c.text.includes("canary-answer-")).length).toBe(SUBMISSIONS);
      // ...and nothing that identifies the sender is, in any column of any table.
      const found = all.filter((c) => IDENTIFYING.some((re) => re.test(c.text)));
      expect(found.slice(0, 5)).toEqual([]);
      // No answer text, address or user agent in the request log either (one line a request).
      expect(logLines.length).toBeGreaterThanOrEqual(SUBMISSIONS);
      const leaky = logLines.filter(
        (line) => /canary|窓口|q_comment/.test(line) || IDENTIFYING.some((re) => re.test(line)),
      );
      expect(leaky.slice(0, 5)).toEqual([]);
    }, 300_000);
  });
});
