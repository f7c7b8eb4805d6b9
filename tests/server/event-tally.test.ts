import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import type { SurveyDefinition } from "../../src/domain/definition";
import { tallyResponses } from "../../src/domain/event-tally";
import type { Answers, Response } from "../../src/domain/response";
import { uuidv7 } from "../../src/domain/uuid";
import { visibleQuestions } from "../../src/domain/visibility";
import type { Storage } from "../../src/server/storage";
import { createSurveyRegistry, loadSurveyRegistry } from "../../src/server/surveys";
import { computeTallies } from "../../src/server/tallies/compute";
import { describeEachStorage, ingestAsStaff, openApp } from "./support";

// The shipped survey without its answer period (opens, closes): the tally is of whatever the device
// holds, and the responses below straddle a fiscal year's end, outside that period.
const {
  opens: _opens,
  closes: _closes,
  ...def
} = loadSurveyRegistry([join(import.meta.dirname, "../../surveys")]).latestOf(
  "ward-resident",
) as SurveyDefinition;
const shipped = createSurveyRegistry([def]);

/** A small seeded generator: the same "random" event every run, so a failure can be replayed. */
function lcg(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Answers a respondent could give: only visible questions, required ones always, others often skipped. */
function randomAnswers(random: () => number): Answers {
  const answers: Answers = {};
  for (;;) {
    const open = visibleQuestions(def, answers).find((q) => q.kind === "single" && !(q.id in answers));
    if (open?.kind !== "single") return answers;
    if (!open.required && random() < 0.25) {
      answers[open.id] = ""; // marked as seen and skipped; removed below
      continue;
    }
    answers[open.id] = open.options[Math.floor(random() * open.options.length)]?.id ?? "";
  }
}

function eventResponses(count: number, seed: number): Response[] {
  const random = lcg(seed);
  return Array.from({ length: count }, (_, i) => {
    const answers = Object.fromEntries(Object.entries(randomAnswers(random)).filter(([, a]) => a !== ""));
    return {
      id: uuidv7(),
      surveyId: def.id,
      surveyVersion: def.version,
      // Both sides of a fiscal year's end: the event tally covers every response on the device.
      submittedAt: i % 2 ? "2026-03-31T14:00:00.000Z" : "2026-04-01T01:00:00.000Z",
      locale: ["ja", "en", "vi"][i % 3] as string,
      mode: "kiosk" as const,
      eventId: "bousai-fair",
      deviceId: "tablet-1",
      answers,
    };
  });
}

describeEachStorage("the kiosk's live event tally", (variant) => {
  let storage: Storage;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ storage, dispose } = await openApp(variant, shipped));
  });
  afterEach(async () => dispose());

  it.each([
    [1, 11],
    [7, 23],
    [120, 42],
  ])("equals the collector's tally for the same %i responses (seed %i)", async (count, seed) => {
    const responses = eventResponses(count, seed);
    const { results } = await ingestAsStaff(storage, shipped, responses);
    expect(results.map((r) => r.status)).toEqual(responses.map(() => "accepted"));

    // The event is a group of by=event: the tablet shows or hides its figures as that group is.
    const collector = await computeTallies(storage, def, {
      wave: null,
      by: { by: "event", dimension: { kind: "event" } },
    });
    const device = tallyResponses(def, responses);
    expect(device.map((d) => d.id)).toEqual(collector.indicators.map((i) => i.id));
    for (const [i, d] of device.entries()) {
      const indicator = collector.indicators[i];
      if (!indicator) throw new Error(`no collector indicator ${d.id}`);
      const { groups, ...total } = indicator;
      expect(d.n).toBe(total.n);
      expect(d.suppressed).toBe(groups?.find((g) => g.key === "bousai-fair")?.suppressed ?? true);
      if (d.suppressed) expect(d).toMatchObject({ positive: null, percent: null, ci95: null, verdict: null });
      else expect(d).toEqual({ ...total, suppressed: false });
    }
    // Both sides are exercised: all hidden below the minimum cell, all shown in the larger case.
    if (count < def.minCell) for (const d of device) expect(d.suppressed).toBe(true);
    if (count > 100) for (const d of device) expect(d.suppressed).toBe(false);
  });

  it("leaves out another survey's responses, as the collector's tally of this survey does", () => {
    const responses = eventResponses(30, 5);
    const other = responses.slice(0, 10).map((r) => ({ ...r, id: uuidv7(), surveyId: "another-survey" }));
    expect(tallyResponses(def, [...responses, ...other])).toEqual(tallyResponses(def, responses));
    const empty = tallyResponses(def, []);
    expect(empty.map((i) => [i.n, i.percent, i.verdict, i.suppressed])).toEqual(
      def.indicators.map(() => [0, null, null, true]),
    );
  });
});
