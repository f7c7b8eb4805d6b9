import type { Answers, Response } from "../../src/domain/response";
import { uuidv7 } from "../../src/domain/uuid";

/** mulberry32: a small seeded generator, so a failing run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, options: readonly T[]): T =>
  options[Math.floor(random() * options.length)] as T;

/**
 * A valid response to the shipped ward-resident survey (v1), with random answers that respect its
 * skip logic, so the real collector accepts it: what a kiosk holds after an event.
 */
/** The event and tablet a chaos backlog comes from (tests enrol them: a kiosk response needs its token). */
export const WARD_KIOSK = { eventId: "bousai-festival-2026", deviceId: "tablet-chaos" } as const;

export function wardResponse(
  random: () => number,
  n: number,
  kiosk: { eventId: string; deviceId: string } = WARD_KIOSK,
): Response {
  const prepared = pick(random, ["yes", "no", "dont_know"]);
  const children = pick(random, ["yes", "no"]);
  const answers: Answers = {
    q_area: pick(random, ["area_01", "area_02", "area_03", "area_07", "area_14", "dont_know"]),
    q_age: pick(random, ["age_18_29", "age_30_39", "age_40_49", "age_50_59", "age_60_69", "age_70_plus"]),
    q_children: children,
    q_years: Math.floor(random() * 60),
    q_disaster_prep: prepared,
    q_info_reach: pick(random, ["feel", "somewhat", "not_really", "not_at_all", "dont_know"]),
    q_watch_over: pick(random, ["feel", "somewhat", "not_really", "not_at_all"]),
  };
  const measures = ["stockpile", "furniture", "evacuation_site", "drill"].filter(() => random() < 0.5);
  if (prepared === "yes" && measures.length > 0) answers.q_disaster_measures = measures;
  if (children === "yes") answers.q_childcare_consult = pick(random, ["know", "not_know"]);
  if (random() < 0.2) answers.q_comment = `会場アンケート ${n}: 防災訓練の日程をもっと早く知りたい`;
  return {
    id: uuidv7(),
    surveyId: "ward-resident",
    surveyVersion: 1,
    submittedAt: new Date(Date.UTC(2026, 5, 1, 1, 0, 0) + n * 1000).toISOString(),
    locale: pick(random, ["ja", "ja-x-easy", "en", "zh-Hans", "ko", "vi"]),
    mode: "kiosk",
    eventId: kiosk.eventId,
    deviceId: kiosk.deviceId,
    answers,
  };
}

/** The rows answer_choices should hold for a response: one per single choice, one per ticked option. */
export function expectedChoices(response: Response): number {
  let count = 0;
  for (const [question, answer] of Object.entries(response.answers)) {
    if (question === "q_years" || question === "q_comment") continue;
    count += Array.isArray(answer) ? answer.length : 1;
  }
  return count;
}
