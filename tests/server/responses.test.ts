import type { Hono } from "hono";
import { afterEach, beforeEach, expect, it } from "vitest";
import { MAX_BATCH_BYTES, ResponsesResult } from "../../src/contract/responses";
import { uuidv7 } from "../../src/domain/uuid";
import type { Storage } from "../../src/server/storage";
import { describeEachStorage, makeResponse, openApp, postJson } from "./support";

describeEachStorage("POST /api/v1/responses", (variant) => {
  let app: Hono;
  let storage: Storage;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ app, storage, dispose } = await openApp(variant));
  });
  afterEach(async () => dispose());

  const send = async (responses: unknown[]) => {
    const res = await app.request("/api/v1/responses", postJson({ responses }));
    expect(res.status).toBe(200);
    return ResponsesResult.parse(await res.json()).results;
  };

  it("accepts a new response and stores it", async () => {
    const r = makeResponse();
    expect(await send([r])).toEqual([{ id: r.id, status: "accepted" }]);
    expect(await storage.storedIds([r.id])).toEqual([r.id]);
  });

  it("answers duplicate for the same id with the same content, even with keys in another order", async () => {
    const r = makeResponse({ answers: { q_area: "south", q_prepared: "no" } });
    await send([r]);
    const reordered = JSON.parse(
      `{"answers":{"q_prepared":"no","q_area":"south"},${JSON.stringify(r)
        .slice(1)
        .replace(/,"answers":\{[^}]*\}/, "")}`,
    );
    expect(await send([reordered])).toEqual([{ id: r.id, status: "duplicate" }]);
  });

  it("answers conflict for the same id with other content and changes nothing", async () => {
    const r = makeResponse({ answers: { q_prepared: "no" } });
    await send([r]);
    const [result] = await send([{ ...r, answers: { q_prepared: "dk" } }]);
    expect(result).toMatchObject({ id: r.id, status: "conflict", code: "content_differs" });
    expect(result?.error).toMatch(/other content/);
    const [stored] = await storage.responsesPage({
      surveyId: r.surveyId,
      wave: null,
      afterId: null,
      limit: 10,
    });
    expect(stored?.answers).toEqual({ q_prepared: "no" });
  });

  it("rejects a bad item with the field and why, and stores the good items beside it", async () => {
    const good1 = makeResponse();
    const bad = makeResponse({ answers: { q_area: "x" } });
    const good2 = makeResponse();
    const results = await send([good1, bad, good2]);
    expect(results.map((r) => r.status)).toEqual(["accepted", "rejected", "accepted"]);
    expect(results[1]).toEqual({
      id: bad.id,
      status: "rejected",
      code: "invalid_answers",
      error: 'answers.q_area: "x" is not an option',
    });
    expect(await storage.storedIds([good1.id, bad.id, good2.id])).toEqual([good1.id, good2.id]);
  });

  // The code is what a device words in its reader's language; the English keeps the field.
  it.each([
    ["a schema problem", { surveyVersion: "2" }, /^surveyVersion: /, "invalid_response"],
    [
      "an unknown survey",
      { surveyId: "no-such-survey" },
      /^surveyId: "no-such-survey" is not a survey/,
      "unknown_survey",
    ],
    [
      "an unknown version",
      { surveyVersion: 9 },
      /^surveyVersion: survey "ward-test" has no version 9/,
      "unknown_version",
    ],
    [
      "a skipped question answered",
      { answers: { q_prepared: "no", q_measures: ["water"] } },
      /^answers\.q_measures: /,
      "invalid_answers",
    ],
    [
      "a number out of range",
      { answers: { q_household: 99 } },
      /^answers\.q_household: must be at most 20/,
      "invalid_answers",
    ],
    ["a self response with a device", { deviceId: "tablet-1" }, /^mode: /, "invalid_answers"],
    ["an unknown field", { ip: "10.0.0.1" }, /ip/, "invalid_response"],
    [
      "a kiosk response without its device token",
      { mode: "kiosk", eventId: "fair", deviceId: "tab-1" },
      /device token/,
      "kiosk_token_missing",
    ],
  ])("rejects %s", async (_what, patch, message, code) => {
    const [result] = await send([{ ...makeResponse(), ...patch }]);
    expect(result?.status).toBe("rejected");
    expect(result?.error).toMatch(message);
    expect(result?.code).toBe(code);
  });

  it("checks a response against the version it names", async () => {
    // v1 requires q_prepared and has q_old_note; v2 has neither rule.
    const v1 = makeResponse({ surveyVersion: 1, answers: { q_prepared: "yes", q_old_note: "旧版" } });
    const v1Missing = makeResponse({ surveyVersion: 1, answers: {} });
    const v2WithOldQuestion = makeResponse({ answers: { q_old_note: "旧版" } });
    const results = await send([v1, v1Missing, v2WithOldQuestion]);
    expect(results.map((r) => r.status)).toEqual(["accepted", "rejected", "rejected"]);
    expect(results[1]?.error).toBe("answers.q_prepared: is required");
  });

  it("gives an item without a usable id a result with the id as a string", async () => {
    const results = await send([{ id: 42 }, { nothing: true }, "text", null]);
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ["42", "rejected"],
      ["", "rejected"],
      ["", "rejected"],
      ["", "rejected"],
    ]);
  });

  it("handles the same id twice in one batch: stored once, then duplicate or conflict", async () => {
    const r = makeResponse();
    const other = { ...r, answers: { q_prepared: "dk" } };
    const results = await send([r, r, other]);
    expect(results.map((x) => x.status)).toEqual(["accepted", "duplicate", "conflict"]);
    const page = await storage.responsesPage({ surveyId: r.surveyId, wave: null, afterId: null, limit: 10 });
    expect(page.map((p) => p.id)).toEqual([r.id]);
  });

  it("stores a later valid copy when the first copy of an id in the batch was invalid", async () => {
    const r = makeResponse();
    const results = await send([{ ...r, answers: { q_area: "x" } }, r]);
    expect(results.map((x) => x.status)).toEqual(["rejected", "accepted"]);
  });

  it("is safe to resend a whole batch", async () => {
    const batch = [makeResponse(), makeResponse(), makeResponse()];
    await send(batch);
    expect((await send(batch)).map((r) => r.status)).toEqual(["duplicate", "duplicate", "duplicate"]);
  });

  it("answers an empty batch with no results", async () => {
    expect(await send([])).toEqual([]);
  });

  it("stores no IP address, user agent or cookie with a response", async () => {
    const r = makeResponse();
    const res = await app.request(
      "/api/v1/responses",
      postJson(
        { responses: [r] },
        { "User-Agent": "Secret/1.0", Cookie: "sid=abc", "X-Forwarded-For": "203.0.113.9" },
      ),
    );
    expect(res.status).toBe(200);
    const [stored] = await storage.responsesPage({
      surveyId: r.surveyId,
      wave: null,
      afterId: null,
      limit: 1,
    });
    const text = JSON.stringify(stored);
    for (const secret of ["Secret/1.0", "sid=abc", "203.0.113.9"]) expect(text).not.toContain(secret);
  });

  it("answers 413 for more than 500 items", async () => {
    const res = await app.request(
      "/api/v1/responses",
      postJson({ responses: Array.from({ length: 501 }, () => ({})) }),
    );
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: "too_many_items" } });
  });

  it("answers 413 when Content-Length declares more than 1 MiB", async () => {
    const body = JSON.stringify({ responses: [], pad: "x".repeat(MAX_BATCH_BYTES) });
    const res = await app.request("/api/v1/responses", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Content-Length": String(body.length) },
      body,
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: "body_too_large" } });
  });

  it("answers 413 for a streamed body past 1 MiB that declares no length", async () => {
    const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('{"responses":[]'));
        sent += chunk.byteLength;
        if (sent > MAX_BATCH_BYTES + chunk.byteLength * 2) {
          controller.enqueue(new TextEncoder().encode("}"));
          controller.close();
        } else controller.enqueue(chunk);
      },
    });
    const res = await app.request(
      new Request("http://collector.test/api/v1/responses", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: stream,
        duplex: "half",
      } as RequestInit),
    );
    expect(res.status).toBe(413);
    // The reader stopped soon after the limit rather than reading the whole body.
    expect(sent).toBeLessThan(MAX_BATCH_BYTES + chunk.byteLength * 3);
  });

  it("accepts a batch just under 1 MiB", async () => {
    const r = makeResponse();
    const json = JSON.stringify({ responses: [r] });
    const body = `${json.slice(0, -1)}${" ".repeat(MAX_BATCH_BYTES - json.length)}}`;
    expect(new TextEncoder().encode(body).byteLength).toBe(MAX_BATCH_BYTES);
    const res = await app.request("/api/v1/responses", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body,
    });
    expect(res.status).toBe(200);
  });

  it("answers 400 for malformed JSON", async () => {
    const res = await app.request("/api/v1/responses", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: '{"responses": [',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("malformed_json");
    expect(body.error.message).toMatch(/not valid JSON/);
  });

  it.each([
    ["an array", []],
    ["no responses", { items: [] }],
    ["responses not a list", { responses: "all" }],
  ])("answers 400 for a body that is %s", async (_what, body) => {
    const res = await app.request("/api/v1/responses", postJson(body));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: "invalid_body" } });
  });

  it("answers 415 for a body that is not JSON", async () => {
    const res = await app.request("/api/v1/responses", {
      method: "POST",
      headers: { "Content-Type": "text/plain" },
      body: "{}",
    });
    expect(res.status).toBe(415);
  });
});

describeEachStorage("POST /api/v1/receipts", (variant) => {
  let app: Hono;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ app, dispose } = await openApp(variant));
  });
  afterEach(async () => dispose());

  it("says which ids are stored, in the order asked, each once", async () => {
    const a = makeResponse();
    const b = makeResponse();
    await app.request("/api/v1/responses", postJson({ responses: [a, b] }));
    const unknown = uuidv7();
    const res = await app.request("/api/v1/receipts", postJson({ ids: [b.id, unknown, a.id, b.id] }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ stored: [b.id, a.id] });
  });

  it("answers 413 for more than 1000 ids and 400 for a wrong shape", async () => {
    const many = await app.request(
      "/api/v1/receipts",
      postJson({ ids: Array.from({ length: 1001 }, () => "x") }),
    );
    expect(many.status).toBe(413);
    const wrong = await app.request("/api/v1/receipts", postJson({ ids: [1, 2] }));
    expect(wrong.status).toBe(400);
    const body = (await wrong.json()) as { error: { code: string; problems: { path: string }[] } };
    expect(body.error.code).toBe("invalid_body");
    expect(body.error.problems.map((p) => p.path)).toEqual(["ids.0", "ids.1"]);
  });
});
