import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Hono } from "hono";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ErrorBody } from "../../src/contract/errors";
import { SurveyDefinition } from "../../src/domain/definition";
import { questionColumns } from "../../src/server/csv/answer-labels";
import { talliesCsv } from "../../src/server/csv/tallies-csv";
import type { Storage } from "../../src/server/storage";
import type { SurveyRegistry } from "../../src/server/surveys";
import { describeEachStorage, ingestAsStaff, makeResponse, openApp, organizer, SURVEY } from "./support";

const lines = (bytes: ArrayBuffer) =>
  new TextDecoder()
    .decode(bytes)
    .replace(/^\uFEFF/, "")
    .split("\r\n");

describeEachStorage("CSV downloads with ?labels=", (variant) => {
  let app: Hono;
  let storage: Storage;
  let surveys: SurveyRegistry;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ app, storage, surveys, dispose } = await openApp(variant));
  });
  afterEach(async () => dispose());
  const get = (path: string) => app.request(`/api/v1/surveys/${SURVEY}/${path}`, { headers: organizer });

  it("responses.csv: beside each choice question's ids, its option labels under its short label; ids stay", async () => {
    await ingestAsStaff(storage, surveys, [
      makeResponse({
        id: "01900000-0000-7000-8000-000000000001",
        submittedAt: "2025-06-01T03:00:00.000Z",
        answers: { q_prepared: "yes", q_measures: ["water", "radio"], q_area: "north", q_household: 3 },
      }),
      makeResponse({
        id: "01900000-0000-7000-8000-000000000002",
        surveyVersion: 1,
        submittedAt: "2025-06-01T03:00:00.000Z",
        answers: { q_prepared: "no", q_old_note: "メモ" },
      }),
    ]);
    const res = await get("responses.csv?labels=en");
    expect(res.status).toBe(200);
    const [header, first, old] = lines(await res.arrayBuffer());
    // The fixture has no short labels: the question's label stands in.
    expect(header).toBe(
      "id,submittedAt,wave,mode,locale,eventId,deviceId,surveyVersion," +
        "q_prepared,Have you prepared for disasters?,q_measures,Which measures?,q_area,Area,q_household,q_comment,q_old_note",
    );
    expect(first).toContain(",2,yes,Yes,water;radio,Water;Radio,north,North,3,,");
    expect(old).toContain(",1,no,No,,,,,,,メモ");
    const ja = lines(await (await get("responses.csv?labels=ja")).arrayBuffer());
    expect(ja[1]).toContain(",yes,している,water;radio,飲料水;");
    // Without labels, nothing changes: scripts read the same columns.
    const plain = lines(await (await get("responses.csv")).arrayBuffer());
    expect(plain[0]).toBe(
      "id,submittedAt,wave,mode,locale,eventId,deviceId,surveyVersion,q_prepared,q_measures,q_area,q_household,q_comment,q_old_note",
    );
  });

  it("tallies.csv: the label in the language, short_label, by_label and group_label beside what they word", async () => {
    await ingestAsStaff(
      storage,
      surveys,
      Array.from({ length: 12 }, (_, i) =>
        makeResponse({ answers: { q_prepared: i < 9 ? "yes" : "no", q_area: "north" } }),
      ),
    );
    const res = await get("tallies.csv?wave=2025&by=q_area&labels=en");
    expect(res.status).toBe(200);
    const [header, total, north] = lines(await res.arrayBuffer());
    expect(
      header?.startsWith("indicator,label,short_label,wave,by,by_label,group,group_label,suppressed,n,"),
    ).toBe(true);
    expect(
      total?.startsWith(
        "prepared,Share prepared for disasters,Share prepared for disasters,2025,q_area,Area,,,,12,9,",
      ),
    ).toBe(true);
    expect(
      north?.startsWith(
        "prepared,Share prepared for disasters,Share prepared for disasters,2025,q_area,Area,north,North,,12,9,",
      ),
    ).toBe(true);
    const cells = (line = "") => line.split(",").length;
    expect(cells(north)).toBe(cells(header));
  });

  it.each(["fr", "ko", "JA"])(
    "answers 400 unknown_locale for labels=%s, a language the survey is not in",
    async (locale) => {
      for (const path of ["responses.csv", "tallies.csv"]) {
        const res = await get(`${path}?labels=${locale}`);
        expect(res.status, path).toBe(400);
        const body = ErrorBody.parse(await res.json());
        expect(body.error.code).toBe("unknown_locale");
        expect(body.error.message).toContain("ja, en");
        expect(body.error.problems?.[0]?.path).toBe("labels");
      }
    },
  );
});

describe("labels from the shipped survey's short labels", () => {
  const shipped = SurveyDefinition.parse(
    JSON.parse(readFileSync(join(import.meta.dirname, "../../surveys/ward-resident.json"), "utf8")),
  );

  it("heads each choice question's label column with its short label; number and text questions have none", () => {
    const columns = questionColumns([shipped], "vi");
    expect(columns.find((c) => c.id === "q_age")?.heading).toBe("Tuổi");
    expect(columns.find((c) => c.id === "q_years")?.heading).toBeUndefined();
    expect(columns.find((c) => c.id === "q_area")?.labels?.("area_03")).toBe(
      shipped.questions[0]?.kind === "single" ? shipped.questions[0].options[2]?.label.vi : "",
    );
    expect(questionColumns([shipped]).every((c) => c.heading === undefined)).toBe(true);
  });

  it("writes the indicator's and the breakdown's short labels in tallies.csv", () => {
    const text = talliesCsv(
      shipped,
      {
        surveyId: shipped.id,
        wave: 2026,
        by: "q_age",
        indicators: [
          {
            id: "disaster_prep",
            n: 20,
            positive: 14,
            percent: 70,
            ci95: [48.1, 85.5],
            target: { op: ">=", value: 70 },
            verdict: "met",
            groups: [
              { key: "age_30_39", n: 20, positive: 14, percent: 70, ci95: [48.1, 85.5], suppressed: false },
            ],
          },
        ],
      },
      new Map(),
      "en",
    );
    const [, , group] = text.replace(/^\uFEFF/, "").split("\r\n");
    expect(group).toContain(",Prepared for disasters,2026,q_age,Age,age_30_39,");
  });
});
