import fc from "fast-check";
import { expect, it } from "vitest";
import { canonicalJson } from "../../src/domain/canonical-json";
import { OUTBOX_STATES, type Outbox } from "../../src/outbox";
import { setEndpoint, syncOnce } from "../../src/sync";
import { freshOutbox, makeResponse, tickingClock } from "../outbox/fixtures";
import { type Fault, fakeCollector } from "./fake-collector";

const FAULTS: Fault[] = [
  "ok",
  "server-error",
  "rate-limited",
  "network-before",
  "lost-after",
  "too-large",
  "omit-last",
  "unauthorized",
];

type Step = { kind: "enqueue"; count: number } | { kind: "sync" };
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("enqueue" as const), count: fc.integer({ min: 1, max: 6 }) }),
  fc.constant({ kind: "sync" as const }),
);

async function checkInvariants(
  outbox: Outbox,
  enqueued: string[],
  collector: ReturnType<typeof fakeCollector>,
  sentBefore: Set<string> = new Set(),
) {
  const records = await outbox.list();
  // Each id is in exactly one state: one record per id, nothing lost, nothing invented.
  expect(records.map((r) => r.id).sort()).toEqual([...enqueued].sort());
  for (const record of records) expect(OUTBOX_STATES).toContain(record.state);
  // Nothing leaves pending before an acknowledgement reached the device: a batch stored but
  // whose answer was lost ("lost-after"), or an item a 200 answer left out, stays pending.
  const sent = records.filter((r) => r.state === "sent").map((r) => r.id);
  for (const id of sent)
    expect(collector.acknowledged.has(id), `${id} sent without an acknowledgement`).toBe(true);
  // Sent is final: what was sent after an earlier step is still sent.
  for (const id of sentBefore) expect(sent).toContain(id);
  for (const id of sent) sentBefore.add(id);
  // The collector's ids are a subset of the enqueued ids.
  const enqueuedIds = new Set(enqueued);
  for (const id of collector.stored.keys()) expect(enqueuedIds.has(id), `${id} never enqueued`).toBe(true);
  const counts = await outbox.counts();
  expect(counts.pending + counts.sent + counts.rejected + counts.conflict).toBe(enqueued.length);
  // Nothing is marked sent that the endpoint did not store, with this very content.
  for (const record of records.filter((r) => r.state === "sent"))
    expect(collector.stored.get(record.id)).toBe(canonicalJson(record.response));
  // The endpoint stored each id once, and a resend was never taken for other content.
  for (const times of collector.storeCounts.values()) expect(times).toBe(1);
  expect(collector.conflicts()).toBe(0);
  expect(counts.rejected + counts.conflict).toBe(0);
}

it("converges to everything sent, stored once, whatever fails on the way", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(step, { minLength: 1, maxLength: 12 }),
      fc.array(fc.constantFrom(...FAULTS), { maxLength: 30 }),
      fc.integer({ min: 1, max: 8 }),
      async (steps, faultList, maxItems) => {
        const faults = [...faultList];
        const { outbox } = await freshOutbox({ now: tickingClock() });
        await setEndpoint(outbox, "https://collector.example/api/v1");
        const collector = fakeCollector(() => faults.shift() ?? "ok");
        const sync = () => syncOnce(outbox, { fetch: collector.fetch, locks: null, maxItems });
        const enqueued: string[] = [];
        const sentSoFar = new Set<string>();
        for (const s of steps) {
          if (s.kind === "enqueue")
            for (let i = 0; i < s.count; i++) {
              const response = makeResponse(enqueued.length + 1);
              await outbox.enqueue(response);
              enqueued.push(response.id);
            }
          else await sync();
          await checkInvariants(outbox, enqueued, collector, sentSoFar);
        }
        // Once the faults stop, a bounded number of passes sends everything.
        faults.length = 0;
        for (let pass = 0; pass < 3 && (await outbox.counts()).pending > 0; pass++) await sync();
        await checkInvariants(outbox, enqueued, collector, sentSoFar);
        expect(await outbox.counts()).toEqual({
          pending: 0,
          sent: enqueued.length,
          rejected: 0,
          conflict: 0,
        });
        expect(collector.stored.size).toBe(enqueued.length);
        outbox.close();
      },
    ),
    { numRuns: 80 },
  );
}, 60_000);
