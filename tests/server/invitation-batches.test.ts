import type { Hono } from "hono";
import { afterEach, beforeEach, expect, it } from "vitest";
import { AuditList } from "../../src/contract/audit";
import { ErrorBody } from "../../src/contract/errors";
import {
  InvitationBatchCreated,
  InvitationBatchList,
  ResponseRate,
} from "../../src/contract/invitation-batches";
import { ResponsesResult } from "../../src/contract/responses";
import { checkCharacter, parseInvitationCode } from "../../src/domain/invitation-code";
import { uuidv7 } from "../../src/domain/uuid";
import type { Storage } from "../../src/server/storage";
import { describeEachStorage, makeResponse, openApp, organizer, postJson, SURVEY } from "./support";

/** The code column of an invitations CSV, after its BOM and heading. */
const codesOf = (csv: string) =>
  csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n")
    .slice(1)
    .map((line) => line.split(",")[0] as string);

describeEachStorage("invitation codes", (variant) => {
  let app: Hono;
  let storage: Storage;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ app, storage, dispose } = await openApp(variant));
  });
  afterEach(async () => dispose());

  const createBatch = async (body: object = { wave: 2025, count: 20, stratum: "north" }) => {
    const res = await app.request(`/api/v1/surveys/${SURVEY}/invitations`, postJson(body, organizer));
    expect(res.status).toBe(201);
    return InvitationBatchCreated.parse(await res.json());
  };
  const download = async (path: string) => {
    const res = await app.request(`/api/v1/surveys/${SURVEY}/invitations/${path}`, { headers: organizer });
    expect(res.status).toBe(200);
    // Keeping the BOM, which Excel needs to read UTF-8 (res.text() drops it).
    return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
  };
  const send = async (responses: unknown[]) => {
    const res = await app.request("/api/v1/responses", postJson({ responses }));
    expect(res.status).toBe(200);
    return ResponsesResult.parse(await res.json()).results;
  };
  const rate = async () => {
    const res = await app.request(`/api/v1/surveys/${SURVEY}/response-rate?wave=2025`, {
      headers: organizer,
    });
    expect(res.status).toBe(200);
    return ResponseRate.parse(await res.json());
  };

  it("makes a batch of distinct codes with their check character, as a mail-merge CSV of code and personal URL", async () => {
    const { batchId, count } = await createBatch();
    expect(count).toBe(20);
    const csv = await download(`${batchId}.csv`);
    expect(csv.startsWith("\uFEFFcode,url\r\n")).toBe(true);
    const codes = codesOf(csv);
    expect(new Set(codes).size).toBe(20);
    for (const code of codes) expect(parseInvitationCode(code)).toEqual({ ok: true, code });
    const [first] = codes;
    expect(csv).toContain(`${first},http://localhost/s/${SURVEY}?code=${first?.slice(0, 4)}-`);
    const list = InvitationBatchList.parse(
      await (await app.request(`/api/v1/surveys/${SURVEY}/invitations`, { headers: organizer })).json(),
    );
    expect(list.batches).toMatchObject([{ id: batchId, wave: 2025, stratum: "north", count: 20 }]);
  });

  it("lists only the unused codes for the reminder, and prints a letter a code", async () => {
    const { batchId } = await createBatch({ wave: 2025, count: 5 });
    const codes = codesOf(await download(`${batchId}.csv`));
    const results = await send([
      makeResponse({ invitation: codes[1] }),
      makeResponse({ invitation: codes[3] }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["accepted", "accepted"]);
    expect(codesOf(await download(`${batchId}/unused.csv`))).toEqual([codes[0], codes[2], codes[4]]);
    const letters = await download(`${batchId}/letters`);
    expect(letters.match(/<section class="letter">/g)).toHaveLength(5);
    expect(letters.match(/<svg/g)).toHaveLength(5);
    const reminders = await download(`${batchId}/letters?unused=true`);
    expect(reminders.match(/<section class="letter">/g)).toHaveLength(3);
    const audit = AuditList.parse(await (await app.request("/api/v1/audit", { headers: organizer })).json());
    expect(audit.entries.map((e) => e.action).sort()).toEqual([
      "invitation_codes_downloaded",
      "invitation_codes_downloaded",
      "invitation_codes_downloaded",
      "invitation_codes_downloaded",
      "invitations_created",
    ]);
  });

  it("refuses a bad batch, saying which field", async () => {
    const res = await app.request(
      `/api/v1/surveys/${SURVEY}/invitations`,
      postJson({ wave: "2025", count: 0, stratum: "a,b" }, organizer),
    );
    expect(res.status).toBe(400);
    const body = ErrorBody.parse(await res.json());
    expect(body.error.problems?.map((p) => p.path).sort()).toEqual(["count", "stratum", "wave"]);
    const none = await app.request(
      `/api/v1/surveys/no-such/invitations`,
      postJson({ wave: 2025, count: 1 }, organizer),
    );
    expect(none.status).toBe(404);
    const missing = await app.request(`/api/v1/surveys/${SURVEY}/invitations/${uuidv7()}.csv`, {
      headers: organizer,
    });
    expect(ErrorBody.parse(await missing.json()).error.code).toBe("invitation_batch_not_found");
    const noWave = await app.request(`/api/v1/surveys/${SURVEY}/response-rate`, { headers: organizer });
    expect(noWave.status).toBe(400);
  });

  it("answers each bad code with its own reason, and one response per code", async () => {
    const { batchId } = await createBatch({ wave: 2025, count: 3 });
    const [code, other] = codesOf(await download(`${batchId}.csv`)) as [string, string];
    await storage.insertInvitationBatch(
      {
        id: uuidv7(),
        surveyId: "other-survey",
        wave: 2025,
        stratum: null,
        count: 1,
        createdAt: "2025-05-01T00:00:00Z",
      },
      () => `ABCDEFGH${checkCharacter("ABCDEFGH")}`,
    );
    const typo = code.slice(0, 8) + (code[8] === "2" ? "3" : "2");
    const unknown = `ZZZZZZZZ${checkCharacter("ZZZZZZZZ")}`;
    const first = makeResponse({ invitation: code });
    const results = await send([
      first,
      makeResponse({ invitation: code }),
      makeResponse({ invitation: typo }),
      makeResponse({ invitation: unknown }),
      makeResponse({ invitation: `ABCDEFGH${checkCharacter("ABCDEFGH")}` }),
      makeResponse({ invitation: "abcd-efgh" }),
    ]);
    expect(results.map((r) => r.code ?? r.status)).toEqual([
      "accepted",
      "invitation_used",
      "invitation_mistyped",
      "invitation_unknown",
      "invitation_other_survey",
      "invalid_response",
    ]);
    // The same id and answers again: duplicate, whatever code it carries now, or none.
    const again = await send([first, { ...first, invitation: other }, { ...first, invitation: undefined }]);
    expect(again.map((r) => r.status)).toEqual(["duplicate", "duplicate", "duplicate"]);
    expect(codesOf(await download(`${batchId}/unused.csv`))).toHaveLength(2);
    expect(await rate()).toMatchObject({ mailed: 3, online: 1, paper: 0, byChannel: { self: 1 } });
  });

  it("admits one of two responses sent at once with one code", async () => {
    const { batchId } = await createBatch({ wave: 2025, count: 2 });
    const [code] = codesOf(await download(`${batchId}.csv`));
    const [a, b] = await Promise.all([
      send([makeResponse({ invitation: code })]),
      send([makeResponse({ invitation: code })]),
    ]);
    expect([a?.[0]?.status, b?.[0]?.status].sort()).toEqual(["accepted", "rejected"]);
    expect([a?.[0]?.code, b?.[0]?.code]).toContain("invitation_used");
    expect(await rate()).toMatchObject({ mailed: 2, online: 1, rate: 50 });
  });
});
