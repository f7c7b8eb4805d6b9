import type { Hono } from "hono";
import { afterEach, beforeEach, expect, it } from "vitest";
import { AuditList } from "../../src/contract/audit";
import { PaperFormList } from "../../src/contract/paper-forms";
import { ResponsesResult } from "../../src/contract/responses";
import { Tallies } from "../../src/contract/tallies";
import type { Answers, Response } from "../../src/domain/response";
import { uuidv7 } from "../../src/domain/uuid";
import type { Storage } from "../../src/server/storage";
import { addAccount, BASE, sessionOf } from "./account-support";
import { describeEachStorage, makeResponse, openApp, organizer, postJson, SURVEY } from "./support";

let keyed = 0;
/** A keying of paper form `form` as the data-entry screen makes it; ids in the order made. */
const keying = (form: string, answers: Answers, over: Partial<Response> = {}) =>
  makeResponse({ id: uuidv7(Date.now() + keyed++), mode: "paper", paperForm: form, answers, ...over });

describeEachStorage("paper forms keyed twice", (variant) => {
  let app: Hono;
  let storage: Storage;
  let dispose: () => Promise<void>;
  let clerkA: string;
  let clerkB: string;
  beforeEach(async () => {
    ({ app, storage, dispose } = await openApp(variant));
    await addAccount(storage, "clerk-a", "data_entry");
    await addAccount(storage, "clerk-b", "data_entry");
    await addAccount(storage, "other-ward", "data_entry", ["another-survey"]);
    clerkA = await sessionOf(app, "clerk-a");
    clerkB = await sessionOf(app, "clerk-b");
  });
  afterEach(async () => dispose());

  /** POST /responses from the data-entry screen: its session cookie, from this site. */
  const send = async (cookie: string | undefined, responses: Response[]) => {
    const headers: Record<string, string> = { Origin: BASE };
    if (cookie) headers.Cookie = cookie;
    const res = await app.request(`${BASE}/api/v1/responses`, postJson({ responses }, headers));
    return { status: res.status, body: (await res.json()) as unknown };
  };
  const statuses = async (cookie: string, responses: Response[]) => {
    const { status, body } = await send(cookie, responses);
    expect(status).toBe(200);
    return ResponsesResult.parse(body).results.map((r) => r.code ?? r.status);
  };
  const prepared = async () => {
    const res = await app.request(`/api/v1/surveys/${SURVEY}/tallies`, { headers: organizer });
    const indicator = Tallies.parse(await res.json()).indicators.find((i) => i.id === "prepared");
    return { n: indicator?.n ?? 0, positive: indicator?.positive ?? 0 };
  };
  const forms = async (cookie: string, status = "disputed") => {
    const res = await app.request(`${BASE}/api/v1/surveys/${SURVEY}/paper-forms?status=${status}`, {
      headers: { Cookie: cookie },
    });
    expect(res.status).toBe(200);
    return PaperFormList.parse(await res.json()).forms;
  };
  const audit = async () => {
    const res = await app.request("/api/v1/audit", { headers: organizer });
    return AuditList.parse(await res.json()).entries;
  };

  it("refuses paper keyings without a signed-in account, whole, and stores nothing", async () => {
    const first = keying("0001", { q_prepared: "yes" });
    const { status, body } = await send(undefined, [makeResponse(), first]);
    expect(status).toBe(401);
    expect(body).toMatchObject({ error: { code: "unauthorized" } });
    expect(await storage.storedIds([first.id])).toEqual([]);
    // A signed-in account that does not work on this survey keys nothing of it.
    const other = await sessionOf(app, "other-ward");
    expect(await statuses(other, [first])).toEqual(["paper_keyer_missing"]);
    // A resident's answer may not pose as a paper keying by naming a form.
    expect(await statuses(clerkA, [makeResponse({ paperForm: "0001" })])).toEqual(["invalid_answers"]);
  });

  it("holds the first keying, counts one of two that agree, once, with an audit row", async () => {
    const before = await prepared();
    const first = keying("0001", { q_prepared: "yes", q_area: "north" });
    expect(await statuses(clerkA, [first])).toEqual(["accepted"]);
    expect(await storage.reviewStatesOf([first.id])).toEqual(["held"]);
    expect(await prepared()).toEqual(before);
    expect((await forms(clerkA, "awaiting")).map((f) => f.paperForm)).toEqual(["0001"]);

    // A required question left blank on paper is keyed as no answer, not refused.
    const second = keying("0001", { q_area: "north", q_prepared: "yes" });
    expect(await statuses(clerkB, [second])).toEqual(["accepted"]);
    expect(await storage.reviewStatesOf([first.id, second.id])).toEqual(["counted", "excluded"]);
    expect(await prepared()).toEqual({ n: before.n + 1, positive: before.positive + 1 });
    // A resend changes nothing: still one counted.
    expect(await statuses(clerkB, [second])).toEqual(["duplicate"]);
    expect(await prepared()).toEqual({ n: before.n + 1, positive: before.positive + 1 });

    const entries = await audit();
    const settled = entries.filter((e) => e.action === "paper_form_settled");
    // The first keying was stored waiting: only the agreement moved a keying.
    expect(settled).toHaveLength(1);
    expect(settled[0]).toMatchObject({
      actor: "clerk-b",
      target: SURVEY,
      detail: { paperForm: "0001", status: "agreed" },
    });
    expect(
      entries
        .filter((e) => e.action === "paper_keyed")
        .map((e) => e.actor)
        .sort(),
    ).toEqual(["clerk-a", "clerk-b"]);
    // The keyer is staff identity: it never reaches the export.
    const csv = await (
      await app.request(`/api/v1/surveys/${SURVEY}/responses.csv`, { headers: organizer })
    ).text();
    expect(csv).toContain(first.id);
    expect(csv).not.toContain(second.id);
    expect(csv).not.toContain("clerk-a");
  });

  it("puts differing keyings in dispute, side by side, until a third keying settles it", async () => {
    const before = await prepared();
    const first = keying("0042", { q_prepared: "yes", q_household: 3 });
    const second = keying("0042", { q_prepared: "no", q_household: 3 });
    expect(await statuses(clerkA, [first])).toEqual(["accepted"]);
    expect(await statuses(clerkB, [second])).toEqual(["accepted"]);
    expect(await storage.reviewStatesOf([first.id, second.id])).toEqual(["held", "held"]);
    const [disputed] = await forms(clerkA);
    expect(disputed).toMatchObject({ paperForm: "0042", status: "disputed", sameKeyer: false });
    expect(disputed?.differing).toEqual(["q_prepared"]);
    expect(disputed?.keyings.map((k) => [k.keyedBy, k.answers.q_prepared, k.reason])).toEqual([
      ["clerk-a", "yes", "keying_mismatch"],
      ["clerk-b", "no", "keying_mismatch"],
    ]);
    expect(await prepared()).toEqual(before);

    // One clerk keys the third time (a team of one may): it agrees with the first.
    const third = keying("0042", { q_household: 3, q_prepared: "yes" });
    expect(await statuses(clerkA, [third])).toEqual(["accepted"]);
    expect(await storage.reviewStatesOf([first.id, second.id, third.id])).toEqual([
      "counted",
      "excluded",
      "excluded",
    ]);
    expect(await forms(clerkA)).toEqual([]);
    expect(await prepared()).toEqual({ n: before.n + 1, positive: before.positive + 1 });
    const [agreed] = await forms(clerkA, "agreed");
    expect(agreed?.keyings.map((k) => k.reason)).toEqual([null, "superseded_keying", "duplicate_keying"]);
  });

  it("shows that one account keyed a form twice, and leaves a keying an analyst excluded out of the vote", async () => {
    const first = keying("0007", { q_prepared: "dk" });
    const second = keying("0007", { q_prepared: "dk" });
    expect(await statuses(clerkA, [first, second])).toEqual(["accepted", "accepted"]);
    const [form] = await forms(clerkA, "agreed");
    expect(form?.sameKeyer).toBe(true);

    const test = keying("0008", { q_prepared: "yes" });
    expect(await statuses(clerkA, [test])).toEqual(["accepted"]);
    const excluded = await app.request(
      `/api/v1/surveys/${SURVEY}/reviews`,
      postJson({ ids: [test.id], state: "excluded", reason: "test" }, organizer),
    );
    expect(excluded.status).toBe(200);
    const again = keying("0008", { q_prepared: "yes" });
    expect(await statuses(clerkB, [again])).toEqual(["accepted"]);
    // The analyst's exclusion stands; the new keying waits for a partner of its own.
    expect(await storage.reviewStatesOf([test.id, again.id])).toEqual(["excluded", "held"]);
  });
});
