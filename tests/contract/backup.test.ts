import { describe, expect, it } from "vitest";
import { BackupError, readBackup, writeBackup } from "../../src/contract/backup";
import { canonicalJson, sha256Hex } from "../../src/domain/canonical-json";

const items = [
  { response: { id: "a", answers: { q: "yes" } }, state: "pending" as const },
  { response: { id: "b" }, state: "rejected" as const, reason: "answers.q: is required" },
];

describe("canonicalJson", () => {
  it("sorts keys at every depth and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it("hashes with SHA-256", async () => {
    expect(await sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

describe("backup files", () => {
  it("round-trips", async () => {
    const file = await writeBackup(items, { deviceId: "tablet-1", now: new Date("2026-11-25T01:00:00Z") });
    const back = await readBackup(JSON.stringify(file));
    expect(back.items).toEqual(items);
    expect(back.deviceId).toBe("tablet-1");
  });

  it("refuses a changed file by its checksum", async () => {
    const file = await writeBackup(items);
    const text = JSON.stringify(file).replace('"yes"', '"no"');
    await expect(readBackup(text)).rejects.toThrow(/checksum does not match/);
  });

  it("refuses a file cut short, a foreign file and a newer version, saying which", async () => {
    const text = JSON.stringify(await writeBackup(items));
    await expect(readBackup(text.slice(0, text.length - 20))).rejects.toThrow(/not JSON/);
    await expect(readBackup(JSON.stringify({ format: "odk", items: [] }))).rejects.toThrow(/format is "odk"/);
    await expect(readBackup(JSON.stringify({ ...JSON.parse(text), version: 2 }))).rejects.toThrow(
      /version 2 is not supported/,
    );
    await expect(readBackup(JSON.stringify({ ...JSON.parse(text), items: "x" }))).rejects.toBeInstanceOf(
      BackupError,
    );
  });
});
