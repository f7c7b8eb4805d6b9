import type { Hono } from "hono";
import { afterEach, beforeEach, expect, it } from "vitest";
import { AuditList } from "../../src/contract/audit";
import { PublishedResultsList, ResultsSnapshot } from "../../src/contract/results";
import type { Response } from "../../src/domain/response";
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

const FY = 2025;
const at = (fy: number) => `${fy}-07-01T03:00:00.000Z`;

/** `n` responses of the wave, `yes` of them prepared, all in `area`. */
const answers = (n: number, yes: number, area: string, fy = FY): Response[] =>
  Array.from({ length: n }, (_, i) =>
    makeResponse({ submittedAt: at(fy), answers: { q_prepared: i < yes ? "yes" : "no", q_area: area } }),
  );

describeEachStorage("published results", (variant) => {
  let app: Hono;
  let storage: Storage;
  let surveys: SurveyRegistry;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ app, storage, surveys, dispose } = await openApp(variant));
    // north 12 (9 yes), east 20 (10 yes), south 3 (1 yes): south is below the minimum cell (5) and
    // the next smallest (north) is hidden with it, so south is not total minus the shown ones.
    await ingestAsStaff(storage, surveys, [
      ...answers(12, 9, "north"),
      ...answers(20, 10, "east"),
      ...answers(3, 1, "south"),
      ...answers(10, 5, "north", FY - 1),
    ]);
  });
  afterEach(async () => dispose());

  const publish = (body: unknown, query = "") =>
    app.request(`/api/v1/surveys/${SURVEY}/results/${FY}${query}`, postJson(body, organizer));
  const openJson = async () => {
    const res = await app.request(`/api/v1/public/surveys/${SURVEY}/results/${FY}.json`);
    expect(res.status).toBe(200);
    return ResultsSnapshot.parse(await res.json());
  };
  const openJsonAfter = async (published: globalThis.Response | Promise<globalThis.Response>) => {
    expect((await published).status).toBe(201);
    return await openJson();
  };
  const body = {
    texts: { prepared: { ja: "防災訓練を増やします", en: "More drills" } },
    breakdowns: ["q_area"],
  };

  it("states the mailed sample's response rate: its codes used and paper returned over the letters mailed", async () => {
    expect((await openJsonAfter(publish(body))).responseRate).toBeNull();
    const made = await app.request(
      `/api/v1/surveys/${SURVEY}/invitations`,
      postJson({ wave: FY, count: 8, stratum: "north" }, organizer),
    );
    expect(made.status).toBe(201);
    const { batchId } = (await made.json()) as { batchId: string };
    const csv = await (
      await app.request(`/api/v1/surveys/${SURVEY}/invitations/${batchId}.csv`, { headers: organizer })
    ).text();
    const codes = csv
      .split("\r\n")
      .slice(1)
      .filter(Boolean)
      .map((line) => (line.replace(/^\uFEFF/, "").split(",")[0] ?? "").replaceAll("-", ""));
    expect(codes).toHaveLength(8);
    // Two of the eight letters answered online; the 35 open-link answers are not the sample's.
    const sent = await app.request(
      "/api/v1/responses",
      postJson({
        responses: codes.slice(0, 2).map((invitation) => ({ ...answers(1, 1, "north")[0], invitation })),
      }),
    );
    const { results } = (await sent.json()) as { results: { status: string }[] };
    expect(results.map((r) => r.status)).toEqual(["accepted", "accepted"]);
    const snapshot = await openJsonAfter(publish(body));
    expect(snapshot.mailed).toBe(8);
    expect(snapshot.responseRate).toBe(25);
    const page = await (await app.request(`/results/${SURVEY}/${FY}`)).text();
    expect(page).toContain("25.0");
  });

  it("publishes a snapshot whose figures are the tallies', with the trend and the ward's text", async () => {
    const res = await publish(body);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      surveyId: SURVEY,
      wave: FY,
      publication: 1,
      page: `/results/${SURVEY}/${FY}`,
    });
    const snapshot = await openJson();
    const tallies = await (
      await app.request(`/api/v1/surveys/${SURVEY}/tallies?wave=${FY}`, { headers: organizer })
    ).json();
    const [prepared] = snapshot.indicators;
    expect(prepared).toMatchObject({ id: "prepared", n: 35, positive: 20, text: body.texts.prepared });
    expect(prepared?.percent).toBe(tallies.indicators[0].percent);
    expect(prepared?.ci95).toEqual(tallies.indicators[0].ci95);
    expect(prepared?.trend.map((p) => [p.wave, p.n, p.percent])).toEqual([
      [FY - 1, 10, 50],
      [FY, 35, (20 * 100) / 35],
    ]);
    expect(snapshot.respondents).toBe(35);
    expect(snapshot.licence.name).toBe("CC BY 4.0");
    expect(snapshot.method.suppressionRule).toContain("below 5");
    expect(snapshot.method.intervalMethod).toContain("Wilson");
  });

  it("hides the small groups with no count anywhere, in the JSON and the CSV", async () => {
    expect((await publish(body)).status).toBe(201);
    const groups = (await openJson()).indicators[0]?.breakdowns[0]?.groups ?? [];
    expect(groups.map((g) => [g.key, g.suppressed, g.n])).toEqual([
      ["east", false, 20],
      ["north", true, null],
      ["south", true, null],
    ]);
    const csv = await (await app.request(`/api/v1/public/surveys/${SURVEY}/results/${FY}.csv`)).text();
    const rows = csv.split("\r\n").map((r) => r.split(","));
    const south = rows.find((r) => r[7] === "south");
    expect(south?.slice(9, 13)).toEqual(["", "", "", ""]);
    expect(south?.[16]).toBe("1");
    expect(rows.find((r) => r[7] === "east")?.slice(9, 11)).toEqual(["20", "50"]);
  });

  it("writes the CSV for Excel: BOM, CRLF, Japanese column names, the licence", async () => {
    expect((await publish(body)).status).toBe(201);
    const res = await app.request(`/api/v1/public/surveys/${SURVEY}/results/${FY}.csv`);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.startsWith("調査ID,調査名,年度,年度表記,指標ID,指標名")).toBe(true);
    expect(text.split("\r\n").at(-1)).toBe("");
    expect(text).not.toMatch(/[^\r]\n/);
    // The wave's total: 20 of 35 = 57.1%, 達成 unreached against 70%.
    expect(text).toContain(
      `${SURVEY},テスト区民アンケート,${FY},令和7年度,prepared,防災対策を講じている割合,全体,,,35,57.1,`,
    );
    expect(text).toContain("未達成");
    expect(text).toContain("CC BY 4.0");
  });

  it("does not move when answers arrive later, until published again", async () => {
    expect((await publish(body)).status).toBe(201);
    const before = await openJson();
    await ingestAsStaff(storage, surveys, answers(30, 30, "east"));
    expect(await openJson()).toEqual(before);
    const again = await publish(body);
    expect(await again.json()).toMatchObject({ publication: 2 });
    const after = await openJson();
    expect(after.publication).toBe(2);
    expect(after.indicators[0]?.n).toBe(65);
  });

  it("unpublishes, and every publish and unpublish is in the audit log", async () => {
    expect((await publish(body)).status).toBe(201);
    const list = PublishedResultsList.parse(
      await (await app.request(`/api/v1/public/surveys/${SURVEY}/results.json`)).json(),
    );
    expect(list.results.map((r) => [r.wave, r.publication])).toEqual([[FY, 1]]);
    const del = await app.request(`/api/v1/surveys/${SURVEY}/results/${FY}`, {
      method: "DELETE",
      headers: organizer,
    });
    expect(del.status).toBe(200);
    const gone = await app.request(`/api/v1/public/surveys/${SURVEY}/results/${FY}.json`);
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as { error: { code: string } }).error.code).toBe("results_not_found");
    expect(
      (await app.request(`/api/v1/surveys/${SURVEY}/results/${FY}`, { method: "DELETE", headers: organizer }))
        .status,
    ).toBe(404);
    const audit = AuditList.parse(await (await app.request("/api/v1/audit", { headers: organizer })).json());
    expect(audit.entries.slice(0, 2).map((e) => [e.action, e.target, e.detail.wave])).toEqual([
      ["results_unpublished", SURVEY, FY],
      ["results_published", SURVEY, FY],
    ]);
  });

  it("previews without storing (dryRun)", async () => {
    const res = await publish(body, "?dryRun=true");
    expect(res.status).toBe(200);
    expect(ResultsSnapshot.parse(await res.json()).indicators[0]?.n).toBe(35);
    expect((await app.request(`/api/v1/public/surveys/${SURVEY}/results/${FY}.json`)).status).toBe(404);
  });

  it("refuses texts of unknown indicators or languages, unknown breakdowns and an empty wave, saying where", async () => {
    const bad = await publish({
      texts: { nope: { ja: "x" }, prepared: { ko: "x" } },
      breakdowns: ["q_comment"],
    });
    expect(bad.status).toBe(400);
    const problems = ((await bad.json()) as { error: { problems: { path: string }[] } }).error.problems;
    expect(problems.map((p) => p.path)).toEqual(["texts.nope", "texts.prepared.ko", "breakdowns.0"]);
    const empty = await app.request(`/api/v1/surveys/${SURVEY}/results/2019`, postJson(body, organizer));
    expect(empty.status).toBe(422);
    expect((await app.request(`/api/v1/surveys/${SURVEY}/results/${FY}`, postJson(body))).status).toBe(401);
  });
});
