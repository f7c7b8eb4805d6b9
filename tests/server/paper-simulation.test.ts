import type { Hono } from "hono";
import { afterEach, beforeEach, expect, it } from "vitest";
import { seededRandom } from "../../harness/fixtures/seeded-random";
import { PaperFormList } from "../../src/contract/paper-forms";
import { ResponsesResult } from "../../src/contract/responses";
import { Tallies } from "../../src/contract/tallies";
import type { Answers, Response } from "../../src/domain/response";
import { uuidv7 } from "../../src/domain/uuid";
import type { Storage } from "../../src/server/storage";
import { addAccount, BASE, sessionOf } from "./account-support";
import { describeEachStorage, makeResponse, openApp, organizer, postJson, SURVEY } from "./support";

const FORMS = 300;
const ERROR_RATE = 0.05;

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;

/** What a resident wrote on form n: blanks included, the follow-up only where the form asks it. */
function truthOf(random: () => number): Answers {
  const answers: Answers = {};
  if (random() > 0.08) answers.q_prepared = pick(random, ["yes", "yes", "no", "dk"]);
  if (answers.q_prepared === "yes" && random() > 0.2)
    answers.q_measures = [pick(random, ["water", "food", "radio"])];
  if (random() > 0.05) answers.q_area = pick(random, ["north", "south", "east"]);
  if (random() > 0.1) answers.q_household = 1 + Math.floor(random() * 6);
  return answers;
}

/** A slip of the keyboard: another area, another household size, or prepared and dk swapped. */
function slip(random: () => number, answers: Answers): Answers {
  const wrong = { ...answers };
  const kind = pick(random, ["area", "household", "prepared"]);
  if (kind === "area") wrong.q_area = answers.q_area === "north" ? "south" : "north";
  else if (kind === "household") wrong.q_household = ((answers.q_household as number | undefined) ?? 0) + 10;
  else if (answers.q_prepared === "yes") {
    // "no" hides the follow-up, as the data-entry screen would.
    wrong.q_prepared = "no";
    delete wrong.q_measures;
  } else wrong.q_prepared = answers.q_prepared === "dk" ? "no" : "dk";
  return wrong;
}

describeEachStorage("300 paper forms keyed twice with 5% keying errors", (variant) => {
  let app: Hono;
  let storage: Storage;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ app, storage, dispose } = await openApp(variant));
  });
  afterEach(async () => dispose());

  it("counts each form once, with the answers on paper, after third keyings settle the disputes", async () => {
    await addAccount(storage, "clerk-a", "data_entry");
    await addAccount(storage, "clerk-b", "data_entry");
    const clerks = { a: await sessionOf(app, "clerk-a"), b: await sessionOf(app, "clerk-b") };
    const random = seededRandom(21);
    const forms = Array.from({ length: FORMS }, (_, i) => ({
      number: String(i + 1).padStart(4, "0"),
      truth: truthOf(random),
    }));
    let made = 0;
    const formOf = new Map<string, string>();
    const keyingOf = (form: (typeof forms)[number], answers: Answers): Response => {
      const r = makeResponse({
        id: uuidv7(Date.now() + made++),
        mode: "paper",
        paperForm: form.number,
        answers,
      });
      formOf.set(r.id, form.number);
      return r;
    };
    let slips = 0;
    const keyAll = (withSlips: boolean) =>
      forms.map((form) => {
        const slipped = withSlips && random() < ERROR_RATE;
        if (slipped) slips++;
        return keyingOf(form, slipped ? slip(random, form.truth) : form.truth);
      });
    const send = async (cookie: string, responses: Response[]) => {
      const res = await app.request(
        `${BASE}/api/v1/responses`,
        postJson({ responses }, { Origin: BASE, Cookie: cookie }),
      );
      expect(res.status).toBe(200);
      const results = ResponsesResult.parse(await res.json()).results;
      expect(results.filter((r) => r.status !== "accepted")).toEqual([]);
    };
    await send(clerks.a, keyAll(true));
    await send(clerks.b, keyAll(true));
    expect(slips).toBeGreaterThan(0);

    const disputedNow = async () => {
      const res = await app.request(`${BASE}/api/v1/surveys/${SURVEY}/paper-forms`, {
        headers: { Cookie: clerks.a },
      });
      return PaperFormList.parse(await res.json()).forms;
    };
    const byNumber = new Map(forms.map((f) => [f.number, f]));
    const first = await disputedNow();
    // Every slip put its form in dispute (two slips of one form that agree are all but impossible).
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThanOrEqual(slips);
    for (const form of first) expect(form.differing.length).toBeGreaterThan(0);
    // A third keying from the paper itself settles a form; where both clerks slipped, the third
    // agrees with neither, and a fourth is needed.
    const rounds: number[] = [];
    for (let disputed = first; disputed.length > 0 && rounds.length < 3; disputed = await disputedNow()) {
      rounds.push(disputed.length);
      await send(
        clerks.a,
        disputed.map((d) => {
          const form = byNumber.get(d.paperForm) as (typeof forms)[number];
          return keyingOf(form, form.truth);
        }),
      );
    }
    expect(await disputedNow()).toEqual([]);
    expect(rounds.length).toBeGreaterThanOrEqual(1);

    const left = await app.request(`${BASE}/api/v1/surveys/${SURVEY}/paper-forms?status=all`, {
      headers: { Cookie: clerks.a },
    });
    expect(PaperFormList.parse(await left.json()).forms.map((f) => f.status)).toEqual(
      forms.map(() => "agreed"),
    );

    // What is counted is exactly the paper: one response per form, with its answers.
    const counted = await storage.responsesPage({ surveyId: SURVEY, wave: null, afterId: null, limit: 1000 });
    expect(counted).toHaveLength(FORMS);
    const countedByForm = new Map(counted.map((r) => [formOf.get(r.id), r.answers]));
    expect(countedByForm.size).toBe(FORMS);
    for (const form of forms) expect(countedByForm.get(form.number)).toEqual(form.truth);

    // And the tallies are the truth's, overall and by area.
    const base = forms.filter((f) => f.truth.q_prepared === "yes" || f.truth.q_prepared === "no");
    const res = await app.request(`/api/v1/surveys/${SURVEY}/tallies?by=q_area`, { headers: organizer });
    const indicator = Tallies.parse(await res.json()).indicators.find((i) => i.id === "prepared");
    expect({ n: indicator?.n, positive: indicator?.positive }).toEqual({
      n: base.length,
      positive: base.filter((f) => f.truth.q_prepared === "yes").length,
    });
    for (const area of ["north", "south", "east"]) {
      const group = indicator?.groups?.find((g) => g.key === area);
      expect({ area, n: group?.n }).toEqual({ area, n: base.filter((f) => f.truth.q_area === area).length });
    }
  }, 120_000);
});
