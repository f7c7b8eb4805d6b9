import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import type { Hono } from "hono";
import { afterEach, beforeEach, expect, it } from "vitest";
import type { ResponsesResult } from "../../src/contract/responses";
import type { Tallies } from "../../src/contract/tallies";
import {
  DryRunResult,
  InvalidWorkbookBody,
  PublishedVersion,
  VersionList,
  XLSX_MEDIA_TYPE,
} from "../../src/contract/versions";
import { SurveyDefinition } from "../../src/domain/definition";
import { openPublishedSurveys } from "../../src/server/published-surveys";
import type { Storage } from "../../src/server/storage";
import type { SurveyRegistry } from "../../src/server/surveys";
import { describeEachStorage, organizer, postJson } from "./support";
import {
  NEXT,
  nextVersionRows,
  nextVersionWorkbook,
  questionIds,
  SEEDED,
  SHIPPED,
  SHIPPED_DIRS,
  seededApp,
  version1Response,
  WARD,
  xlsxUpload,
} from "./versions-support";
import { setCell, toXlsx } from "./workbook/workbook-fixture";

describeEachStorage("published survey versions", (variant) => {
  let storage: Storage;
  let dispose: () => Promise<void>;
  let app: Hono;
  let surveys: SurveyRegistry;
  beforeEach(async () => {
    ({ storage, dispose } = await variant.open());
    await storage.migrate();
    ({ app, surveys } = await seededApp(storage));
  });
  afterEach(async () => dispose());

  const publish = (bytes: Uint8Array, query = "") =>
    app.request(`/api/v1/surveys/${WARD}/versions${query}`, xlsxUpload(bytes));
  const stored = async () => (await storage.versionKeys()).map((k) => `${k.surveyId} v${k.version}`);

  it("seeds the shipped surveys at the first start, and not again at the next", async () => {
    expect(await stored()).toEqual(SEEDED);
    const first = await storage.versionsOf(WARD);
    const again = await openPublishedSurveys(storage, SHIPPED_DIRS);
    expect(again.seeded).toEqual([]);
    expect(await storage.versionsOf(WARD)).toEqual(first);
    expect(first.map((v) => v.publishedBy)).toEqual(first.map(() => null));
    expect(surveys.latestOf(WARD)?.version).toBe(SHIPPED);
  });

  it("refuses a shipped file that differs from the stored same version, naming both", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tsunagu-shipped-"));
    try {
      const changed = { ...(surveys.latestOf(WARD) as SurveyDefinition), minCell: 5 };
      const file = join(dir, "ward-resident.json");
      writeFileSync(file, JSON.stringify(changed));
      await expect(openPublishedSurveys(storage, [dir])).rejects.toThrow(
        `${file}: survey "ward-resident" version ${SHIPPED} differs from the version ${SHIPPED} stored in the database`,
      );
      expect(await stored()).toEqual(SEEDED);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("dry run: the definition and its changes from the shipped version, nothing stored", async () => {
    const res = await publish(nextVersionWorkbook(), "?dryRun=true");
    expect(res.status).toBe(200);
    const body = DryRunResult.parse(await res.json());
    expect(body.definition.version).toBe(NEXT);
    expect(body.changes).toEqual([
      { kind: "question_reworded", questionId: "q_area", label: ["ja"], help: [] },
      { kind: "question_added", questionId: "q_new" },
    ]);
    expect(await stored()).toEqual(SEEDED);
    expect(surveys.latestOf(WARD)?.version).toBe(SHIPPED);
  });

  it("a bad workbook: every problem at its cell, nothing stored", async () => {
    const rows = nextVersionRows();
    setCell(rows, "survey", 4, "type", "select_one nope");
    setCell(rows, "indicators", 2, "target", "about 70");
    const res = await publish(toXlsx(rows));
    expect(res.status).toBe(422);
    const body = InvalidWorkbookBody.parse(await res.json());
    const at = body.error.problems.map((p) => `${p.code} ${p.path}`);
    expect(at).toEqual(expect.arrayContaining(["unknown_list survey!A4", "target_format indicators!E2"]));
    expect(await stored()).toEqual(SEEDED);
  });

  it("refuses a body that is not an .xlsx upload (415), or too big (413)", async () => {
    const notXlsx = await app.request(
      `/api/v1/surveys/${WARD}/versions`,
      postJson({ version: NEXT }, organizer),
    );
    expect(notXlsx.status).toBe(415);
    const big = await publish(new Uint8Array(5 * 1024 * 1024 + 1));
    expect(big.status).toBe(413);
    const anonymous = await app.request(
      `/api/v1/surveys/${WARD}/versions`,
      xlsxUpload(nextVersionWorkbook(), {}),
    );
    expect(anonymous.status).toBe(401);
    expect(await stored()).toEqual(SEEDED);
  });

  it("publishes the next version: stored, served at /surveys/ward-resident.json with a new ETag, listed with its changes", async () => {
    const before = await app.request(`/surveys/${WARD}.json`);
    expect(before.status).toBe(200);
    const etag1 = before.headers.get("ETag");
    expect(SurveyDefinition.parse(await before.json()).version).toBe(SHIPPED);
    expect(
      (await app.request(`/surveys/${WARD}.json`, { headers: { "If-None-Match": etag1 ?? "" } })).status,
    ).toBe(304);

    const res = await publish(nextVersionWorkbook());
    expect(res.status).toBe(201);
    const published = PublishedVersion.parse(await res.json());
    expect(published).toMatchObject({ surveyId: WARD, version: NEXT });
    expect(published.changes.map((c) => c.kind)).toEqual(["question_reworded", "question_added"]);
    expect(await stored()).toEqual([...SEEDED, `${WARD} v${NEXT}`]);

    const after = await app.request(`/surveys/${WARD}.json`, { headers: { "If-None-Match": etag1 ?? "" } });
    expect(after.status).toBe(200);
    expect(after.headers.get("ETag")).not.toBe(etag1);
    const def = SurveyDefinition.parse(await after.json());
    expect(def.version).toBe(NEXT);
    expect(questionIds(def)).toContain("q_new");
    expect(def.publishedAt).toBeDefined();
    // The one-language file a phone loads first (what definitionIn keeps): the new version too.
    const vi = (await (await app.request(`/surveys/${WARD}.vi.json`)).json()) as SurveyDefinition;
    expect([vi.version, vi.title.vi, vi.title.en]).toEqual([NEXT, "Khảo sát cư dân quận", undefined]);
    expect((await (await app.request("/api/v1/surveys")).json()) as unknown).toMatchObject({
      surveys: [{ id: WARD, version: NEXT }],
    });

    const list = await app.request(`/api/v1/surveys/${WARD}/versions`, { headers: organizer });
    expect(list.status).toBe(200);
    const { versions } = VersionList.parse(await list.json());
    expect(versions.map((v) => [v.version, v.changes.length, v.publishedBy])[0]).toEqual([NEXT, 2, null]);
    expect(versions.map((v) => v.version)).toEqual([NEXT, ...SEEDED.map((_, i) => SHIPPED - i)]);
  });

  it("still accepts and tallies a version-1 answer after the next version", async () => {
    expect((await publish(nextVersionWorkbook())).status).toBe(201);
    const res = await app.request("/api/v1/responses", postJson({ responses: [version1Response()] }));
    const { results } = (await res.json()) as ResponsesResult;
    expect(results.map((r) => r.status)).toEqual(["accepted"]);
    const tallies = await app.request(`/api/v1/surveys/${WARD}/tallies?wave=2026`, { headers: organizer });
    const body = (await tallies.json()) as Tallies;
    expect(body.indicators.find((i) => i.id === "disaster_prep")).toMatchObject({ n: 1, positive: 1 });
  });

  it("refuses the next version twice, and a version that is not the next (409), and another survey's workbook (422)", async () => {
    expect((await publish(nextVersionWorkbook())).status).toBe(201);
    const again = await publish(nextVersionWorkbook());
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe("version_conflict");
    const rows = nextVersionRows();
    setCell(rows, "settings", 2, "version", NEXT + 3);
    expect((await publish(toXlsx(rows))).status).toBe(409);
    const other = nextVersionRows();
    setCell(other, "settings", 2, "version", NEXT + 1);
    setCell(other, "settings", 2, "id", "other-survey");
    const mismatch = await publish(toXlsx(other));
    expect(mismatch.status).toBe(422);
    expect(((await mismatch.json()) as { error: { code: string } }).error.code).toBe("survey_id_mismatch");
    expect(await stored()).toEqual([...SEEDED, `${WARD} v${NEXT}`]);
  });

  it("POST /surveys publishes a new survey at version 1, and 409 for an id that exists", async () => {
    const rows = nextVersionRows();
    setCell(rows, "settings", 2, "id", "ward-new");
    setCell(rows, "settings", 2, "version", 1);
    const created = await app.request("/api/v1/surveys", xlsxUpload(toXlsx(rows)));
    expect(created.status).toBe(201);
    expect(PublishedVersion.parse(await created.json())).toEqual({
      surveyId: "ward-new",
      version: 1,
      changes: [],
    });
    expect(surveys.latestOf("ward-new")?.version).toBe(1);
    const exists = await app.request("/api/v1/surveys", xlsxUpload(nextVersionWorkbook()));
    expect(exists.status).toBe(409);
    expect(((await exists.json()) as { error: { code: string } }).error.code).toBe("survey_exists");
  });

  it("the workbook download round-trips: uploaded back as the next version, nothing changes but the version", async () => {
    const res = await app.request(`/api/v1/surveys/${WARD}/workbook`, { headers: organizer });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe(XLSX_MEDIA_TYPE);
    expect(res.headers.get("Content-Disposition")).toContain(`filename="ward-resident-v${SHIPPED}.xlsx"`);
    const book = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: "array" });
    const settings = book.Sheets.settings;
    if (!settings) throw new Error("no settings sheet");
    const header = XLSX.utils.sheet_to_json<string[]>(settings, { header: 1 })[0] ?? [];
    const column = XLSX.utils.encode_col(header.indexOf("version"));
    settings[`${column}2`] = { t: "n", v: NEXT };
    const bumped = XLSX.write(book, { type: "buffer", bookType: "xlsx" }) as Buffer;
    const dry = await publish(bumped, "?dryRun=true");
    expect(dry.status).toBe(200);
    const body = DryRunResult.parse(await dry.json());
    expect(body.changes).toEqual([]);
    const { publishedAt: _p, version: next, ...restNext } = body.definition;
    const { publishedAt: _q, version: latest, ...restLatest } = surveys.latestOf(WARD) as SurveyDefinition;
    expect([latest, next]).toEqual([SHIPPED, NEXT]);
    expect(restNext).toEqual(restLatest);
    const old = await app.request(`/api/v1/surveys/${WARD}/workbook?version=9`, { headers: organizer });
    expect(old.status).toBe(404);
  });
});
