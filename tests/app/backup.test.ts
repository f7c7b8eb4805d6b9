import { describe, expect, it, vi } from "vitest";
import { BackupError, readBackup } from "../../src/contract/backup";
import type { Outbox } from "../../src/outbox";
import { freshOutbox, makeResponse, tickingClock } from "../outbox/fixtures";
import { rawPut } from "../outbox/raw-idb";

const current: { outbox?: Outbox } = {};
vi.mock("../../src/app/device/outbox", () => ({ getOutbox: async () => current.outbox }));
const { backupFileName, buildBackup } = await import("../../src/app/device/backup");

/** A device holding every kind of record: 3 pending, 2 sent (kept), 1 rejected, 1 conflict, 1 damaged. */
async function device() {
  const { outbox, idbFactory } = await freshOutbox({ now: tickingClock() });
  for (let n = 1; n <= 7; n++) await outbox.enqueue(makeResponse(n));
  const id = (n: number) => makeResponse(n).id;
  await outbox.applyResults([
    { id: id(4), status: "accepted" },
    { id: id(5), status: "duplicate" },
    { id: id(6), status: "rejected", error: "answers.q_prepared: not an option" },
    { id: id(7), status: "conflict" },
  ]);
  const damaged = makeResponse(8);
  await rawPut(idbFactory, {
    id: damaged.id,
    response: { ...damaged, answers: 1 },
    state: "pending",
    queuedAt: 1,
    attempts: 0,
  });
  current.outbox = outbox;
  return outbox;
}

describe("the device backup", () => {
  it("holds every record the device has, with its state and reason, and reads back", async () => {
    const outbox = await device();
    const file = await buildBackup(new Date("2026-11-25T05:12:00Z"));
    expect(file.items).toHaveLength(8);
    const states = file.items.map((i) => i.state).sort();
    expect(states).toEqual([
      "conflict",
      "pending",
      "pending",
      "pending",
      "rejected",
      "rejected",
      "sent",
      "sent",
    ]);
    const read = await readBackup(JSON.stringify(file));
    expect(read.items).toEqual(file.items);
    // Each response is the one stored, untouched, including the damaged one for repair.
    const byId = new Map((await outbox.list()).map((r) => [r.id, r.response]));
    for (const item of read.items)
      expect(byId.get((item.response as { id: string }).id)).toEqual(item.response);
    expect(read.items.find((i) => i.reason?.startsWith("corrupt record"))).toBeDefined();
    expect(read.items.find((i) => i.reason === "answers.q_prepared: not an option")?.state).toBe("rejected");
  });

  it("is refused whole by the reader when a byte of it changes", async () => {
    await device();
    const text = JSON.stringify(await buildBackup());
    const tampered = text.replace('"pending"', '"sent"');
    await expect(readBackup(tampered)).rejects.toBeInstanceOf(BackupError);
  });

  it("is named by the device's local date and time", () => {
    expect(backupFileName(new Date(2026, 10, 5, 9, 3))).toBe("tsunagu-backup-20261105-0903.json");
  });
});
