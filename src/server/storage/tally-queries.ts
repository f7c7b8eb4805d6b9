import type { Kysely } from "kysely";
import type { Database } from "./database";
import type { CountQuery, CountsByQuestion, CountsByQuestionAndGroup } from "./storage";

// PostgreSQL answers COUNT(*) as a bigint, which pg hands over as a string.
const toCount = (value: string | number | bigint) => Number(value);

/** Responses per (question, option): the base of every indicator. */
export async function countOptions(db: Kysely<Database>, query: CountQuery): Promise<CountsByQuestion> {
  const counts: CountsByQuestion = new Map();
  if (query.questionIds.length === 0) return counts;
  let q = db
    .selectFrom("answer_choices")
    .select((eb) => ["question_id", "option_id", eb.fn.countAll<string | number | bigint>().as("count")])
    .where("survey_id", "=", query.surveyId)
    .where("question_id", "in", [...query.questionIds]);
  if (query.wave !== null) q = q.where("wave", "=", query.wave);
  for (const row of await q.groupBy(["question_id", "option_id"]).execute()) {
    const options = counts.get(row.question_id) ?? {};
    options[row.option_id] = toCount(row.count);
    counts.set(row.question_id, options);
  }
  return counts;
}

/**
 * The same counts split by the option each response chose for `byQuestionId` (single choice, so one
 * row a response): a self-join on answer_choices. Responses that left it blank are in no group.
 */
export async function countOptionsBy(
  db: Kysely<Database>,
  query: CountQuery & { byQuestionId: string },
): Promise<CountsByQuestionAndGroup> {
  const counts: CountsByQuestionAndGroup = new Map();
  if (query.questionIds.length === 0) return counts;
  let q = db
    .selectFrom("answer_choices as a")
    .innerJoin("answer_choices as g", (join) =>
      join.onRef("g.response_id", "=", "a.response_id").on("g.question_id", "=", query.byQuestionId),
    )
    .select((eb) => [
      "a.question_id",
      "g.option_id as group_key",
      "a.option_id",
      eb.fn.countAll<string | number | bigint>().as("count"),
    ])
    .where("a.survey_id", "=", query.surveyId)
    .where("a.question_id", "in", [...query.questionIds]);
  if (query.wave !== null) q = q.where("a.wave", "=", query.wave);
  for (const row of await q.groupBy(["a.question_id", "g.option_id", "a.option_id"]).execute()) {
    const groups = counts.get(row.question_id) ?? new Map<string, Record<string, number>>();
    const options = groups.get(row.group_key) ?? {};
    options[row.option_id] = toCount(row.count);
    groups.set(row.group_key, options);
    counts.set(row.question_id, groups);
  }
  return counts;
}
