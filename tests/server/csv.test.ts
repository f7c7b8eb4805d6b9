import type { Hono } from "hono";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { csvCell } from "../../src/server/csv/cell";
import type { Storage } from "../../src/server/storage";
import type { SurveyRegistry } from "../../src/server/surveys";
import {
  describeEachStorage,
  ingestAsStaff,
  makeResponse,
  openApp,
  organizer,
  postJson,
  SURVEY,
} from "./support";

describe("csvCell", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+81 6", "'+81 6"],
    ["-1+2", "'-1+2"],
    ["@cmd", "'@cmd"],
    ["\tx", "'\tx"],
    ["\rx", '"\'\rx"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ["防災", "防災"],
  ])("writes %j as %j", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each([
    ["＝SUM(A1)", "'＝SUM(A1)"],
    ["＋81", "'＋81"],
    ["－1", "'－1"],
    ["＠cmd", "'＠cmd"],
    [" =1+1", "' =1+1"],
    ["\u00a0+1", "'\u00a0+1"],
    ["\u3000＝1", "'\u3000＝1"],
    ["\u200b-1", "'\u200b-1"],
    ["\ufeff@x", "'\ufeff@x"],
    ["\t =1", "'\t =1"],
    ["\n=1", '"\'\n=1"'],
    ["\r\n@x", '"\'\r\n@x"'],
  ])("neutralises %j, a formula behind fullwidth signs or leading blanks, as %j", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each([" 防災", "\u3000はい", "A-1", "1+1", "メール@区"])(
    "leaves %j, which starts with no formula, as it is",
    (value) => {
      expect(csvCell(value)).toBe(value);
    },
  );

  it("keeps numbers as numbers and nulls empty", () => {
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(2.5)).toBe("2.5");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });
});

describeEachStorage("GET /api/v1/surveys/:id/responses.csv", (variant) => {
  let app: Hono;
  let storage: Storage;
  let surveys: SurveyRegistry;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ app, storage, surveys, dispose } = await openApp(variant));
  });
  afterEach(async () => dispose());

  const csv = async (query = "") => {
    const res = await app.request(`/api/v1/surveys/${SURVEY}/responses.csv${query}`, { headers: organizer });
    expect(res.status).toBe(200);
    return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
  };

  it("writes UTF-8 with BOM, CRLF, a header row and one quoted, neutralised row a response", async () => {
    const first = makeResponse({
      id: "01900000-0000-7000-8000-000000000001",
      submittedAt: "2025-06-01T03:00:00.000Z",
      answers: {
        q_prepared: "yes",
        q_measures: ["water", "radio"],
        q_household: 3,
        q_comment: '=1+1 は "危険", です\n改行',
      },
    });
    const second = makeResponse({
      id: "01900000-0000-7000-8000-000000000002",
      submittedAt: "2026-04-01T00:00:00+09:00",
      mode: "kiosk",
      locale: "en",
      eventId: "bousai-fair",
      deviceId: "tablet-1",
      answers: { q_prepared: "dk", q_comment: "ふつう" },
    });
    const old = makeResponse({
      id: "01900000-0000-7000-8000-000000000003",
      surveyVersion: 1,
      answers: { q_prepared: "no", q_old_note: "@旧" },
    });
    // A kiosk's answer among them: stored as a staff import would, without the tablet's token.
    await ingestAsStaff(storage, surveys, [second, old, first]);

    const { res, bytes } = await csv();
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="ward-test-responses.csv"');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text).toBe(
      "\uFEFF" +
        "id,submittedAt,wave,mode,locale,eventId,deviceId,surveyVersion,q_prepared,q_measures,q_area,q_household,q_comment,q_old_note\r\n" +
        '01900000-0000-7000-8000-000000000001,2025-06-01T03:00:00.000Z,2025,self,ja,,,2,yes,water;radio,,3,"\'=1+1 は ""危険"", です\n改行",\r\n' +
        "01900000-0000-7000-8000-000000000002,2026-04-01T00:00:00+09:00,2026,kiosk,en,bousai-fair,tablet-1,2,dk,,,,ふつう,\r\n" +
        "01900000-0000-7000-8000-000000000003,2025-06-01T03:00:00.000Z,2025,self,ja,,,1,no,,,,,'@旧\r\n",
    );
  });

  it("filters by wave and names the file after it", async () => {
    await app.request(
      "/api/v1/responses",
      postJson({
        responses: [
          makeResponse({ submittedAt: "2026-03-31T15:00:00Z" }),
          makeResponse({ submittedAt: "2026-03-31T14:59:59Z" }),
        ],
      }),
    );
    const { res, bytes } = await csv("?wave=2026");
    expect(res.headers.get("Content-Disposition")).toContain('filename="ward-test-fy2026-responses.csv"');
    const rows = new TextDecoder().decode(bytes).split("\r\n").filter(Boolean);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain("2026-03-31T15:00:00Z,2026,");
  });

  it("pages through more responses than one page holds, in id order, each once", async () => {
    const responses = Array.from({ length: 1203 }, () => makeResponse());
    for (let i = 0; i < responses.length; i += 500)
      await app.request("/api/v1/responses", postJson({ responses: responses.slice(i, i + 500) }));
    const rows = new TextDecoder()
      .decode((await csv()).bytes)
      .split("\r\n")
      .filter(Boolean)
      .slice(1);
    const ids = rows.map((r) => r.split(",")[0]);
    expect(ids).toEqual(responses.map((r) => r.id).sort());
  });

  it("answers 404 for an unknown survey and 400 for a bad wave", async () => {
    expect((await app.request("/api/v1/surveys/nope/responses.csv", { headers: organizer })).status).toBe(
      404,
    );
    const bad = await app.request(`/api/v1/surveys/${SURVEY}/responses.csv?wave=1e3`, { headers: organizer });
    expect(bad.status).toBe(400);
  });
});
