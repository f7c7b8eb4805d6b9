import type { Hono } from "hono";
import { afterEach, beforeEach, expect, it } from "vitest";
import { type BackupItem, writeBackup } from "../../src/contract/backup";
import { ErrorBody } from "../../src/contract/errors";
import { ImportSummary, MAX_IMPORT_BYTES } from "../../src/contract/imports";
import { MAX_BATCH_BYTES } from "../../src/contract/responses";
import type { Storage } from "../../src/server/storage";
import { describeEachStorage, makeResponse, openApp, organizer } from "./support";

const post = (body: string, headers: Record<string, string> = organizer): RequestInit => ({
  method: "POST",
  headers: { "Content-Type": "application/json", ...headers },
  body,
});

const backupOf = async (items: BackupItem[]) =>
  JSON.stringify(await writeBackup(items, { deviceId: "tablet-1" }));
const pending = (response: unknown): BackupItem => ({ response, state: "pending" });

describeEachStorage("POST /api/v1/imports", (variant) => {
  let app: Hono;
  let storage: Storage;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ app, storage, dispose } = await openApp(variant));
  });
  afterEach(async () => dispose());

  const importText = async (text: string) => {
    const res = await app.request("/api/v1/imports", post(text));
    expect(res.status).toBe(200);
    return ImportSummary.parse(await res.json());
  };
  const refused = async (text: string, status = 422) => {
    const res = await app.request("/api/v1/imports", post(text));
    expect(res.status).toBe(status);
    return ErrorBody.parse(await res.json()).error;
  };

  it("stores a good file through the sync checks and answers a summary with one result per item", async () => {
    const stored = makeResponse();
    await importText(await backupOf([pending(stored)]));
    const fresh = makeResponse();
    const bad = makeResponse({ answers: { q_area: "x" } });
    const other = { ...stored, answers: { q_prepared: "dk" } };
    const summary = await importText(
      await backupOf([pending(fresh), { response: stored, state: "sent" }, pending(bad), pending(other)]),
    );
    expect(summary).toEqual({
      accepted: 1,
      duplicate: 1,
      conflict: 1,
      rejected: 1,
      results: [
        { id: fresh.id, status: "accepted" },
        { id: stored.id, status: "duplicate" },
        {
          id: bad.id,
          status: "rejected",
          code: "invalid_answers",
          error: 'answers.q_area: "x" is not an option',
        },
        {
          id: stored.id,
          status: "conflict",
          code: "content_differs",
          error: expect.stringMatching(/other content/),
        },
      ],
    });
    expect(await storage.storedIds([fresh.id, stored.id, bad.id])).toEqual([fresh.id, stored.id]);
  });

  it("imports a file larger than a sync request allows, and the same file again is all duplicates", async () => {
    const responses = Array.from({ length: 5_000 }, () => makeResponse());
    const text = await backupOf(responses.map(pending));
    expect(text.length).toBeGreaterThan(MAX_BATCH_BYTES);
    const first = await importText(text);
    expect([first.accepted, first.duplicate, first.conflict, first.rejected]).toEqual([5_000, 0, 0, 0]);
    expect(first.results.map((r) => r.id)).toEqual(responses.map((r) => r.id));
    const again = await importText(text);
    expect([again.accepted, again.duplicate]).toEqual([0, 5_000]);
    expect((await storage.storedIds(responses.map((r) => r.id))).length).toBe(5_000);
  });

  it("refuses a file whose checksum does not match and stores none of it", async () => {
    const good = makeResponse();
    const text = (await backupOf([pending(good), pending(makeResponse())])).replace('"north"', '"south"');
    const error = await refused(text);
    expect(error.code).toBe("invalid_backup");
    expect(error.message).toMatch(/checksum does not match.*nothing was imported/);
    expect(await storage.storedIds([good.id])).toEqual([]);
  });

  it("refuses a file cut short, saying it is not JSON and where it broke", async () => {
    const response = makeResponse();
    const text = await backupOf([pending(response)]);
    const error = await refused(text.slice(0, text.length - 30));
    expect(error.message).toMatch(/^not a Tsunagu backup: the file is not JSON \(.*position \d+/);
    expect(await storage.storedIds([response.id])).toEqual([]);
  });

  it("refuses a foreign file and a newer version, each with a code the dashboard words", async () => {
    const foreign = await refused(JSON.stringify({ format: "odk-collect", items: [] }));
    expect(foreign.message).toMatch(/format is "odk-collect"/);
    expect(foreign.problems).toEqual([{ path: "format", code: "not_a_backup", message: expect.any(String) }]);
    const newer = { ...JSON.parse(await backupOf([])), version: 2 };
    const tooNew = await refused(JSON.stringify(newer));
    expect(tooNew.message).toMatch(/version 2 is not supported/);
    expect(tooNew.problems).toEqual([
      { path: "version", code: "unsupported_version", message: expect.any(String) },
    ]);
    expect((await refused("{not json")).problems?.[0]?.code).toBe("not_json");
    const changed = JSON.parse(await backupOf([pending(makeResponse())]));
    changed.items[0].state = "sent";
    expect((await refused(JSON.stringify(changed))).problems).toEqual([
      { path: "checksum", code: "checksum_mismatch", message: expect.any(String) },
    ]);
  });

  it("refuses a damaged item list with the field that is wrong, storing nothing", async () => {
    const response = makeResponse();
    const file = JSON.parse(await backupOf([pending(response), pending(makeResponse())]));
    file.items[1].state = "lost";
    const error = await refused(JSON.stringify(file));
    expect(error.problems).toEqual([
      { path: "items.1.state", code: "invalid_field", message: expect.any(String) },
    ]);
    expect(error.message).toMatch(/^damaged backup: items\.1\.state: /);
    expect(await storage.storedIds([response.id])).toEqual([]);
  });

  it("refuses a file with an item nested 5,000 deep with 422 saying which item, not a 500", async () => {
    const good = makeResponse();
    const file = JSON.parse(await backupOf([pending(good), pending(makeResponse())]));
    const deep = (n: number, inner: string) => `${"[".repeat(n)}${inner}${"]".repeat(n)}`;
    // The checksum cannot be computed for such an item (that was the 500); the file is refused first.
    for (const response of [deep(5_000, "1"), `{"answers":{"q_comment":${deep(5_000, '{"a":"b"}')}}}`]) {
      const text = JSON.stringify(file).replace(
        /"items":\[\{"response":/,
        `"items":[{"response":${response},"x":`,
      );
      const error = await refused(text);
      expect(error.code).toBe("invalid_backup");
      expect(error.message).toMatch(/^damaged backup: item 0 is nested more than 32 levels deep/);
      expect(error.problems).toEqual([
        { path: "items.0", code: "nested_too_deep", message: expect.any(String) },
      ]);
    }
    expect(await storage.storedIds([good.id])).toEqual([]);
    // Nesting a response could hold, and some more, is for the sync checks: that item alone is rejected.
    let answer: unknown = "x";
    for (let i = 0; i < 20; i++) answer = [answer];
    const summary = await importText(
      await backupOf([pending(makeResponse({ answers: { q_comment: answer } as never }))]),
    );
    expect(summary.rejected).toBe(1);
  });

  it("needs the organizer's token", async () => {
    const response = makeResponse();
    const res = await app.request("/api/v1/imports", post(await backupOf([pending(response)]), {}));
    expect(res.status).toBe(401);
    expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
    expect(await storage.storedIds([response.id])).toEqual([]);
  });

  it("takes a body larger than a sync batch but refuses one over its own limit", async () => {
    const res = await app.request(
      "/api/v1/imports",
      post("x", { ...organizer, "Content-Length": String(MAX_IMPORT_BYTES + 1) }),
    );
    expect(res.status).toBe(413);
    const streamed = await app.request("/api/v1/imports", {
      method: "POST",
      headers: organizer,
      body: new ReadableStream({
        start(controller) {
          const chunk = new Uint8Array(1024 * 1024).fill(0x20);
          for (let i = 0; i <= MAX_IMPORT_BYTES / chunk.length; i++) controller.enqueue(chunk);
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });
});
