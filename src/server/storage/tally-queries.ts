import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "./database";
import type {
  BreakdownCounts,
  BreakdownQuery,
  ChoiceCountQuery,
  ChoiceCounts,
  CountQuery,
  CountsByQuestion,
  GroupedCountQuery,
  GroupedCountRow,
  WaveCountRow,
  WaveVersionRow,
} from "./tally-storage";

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

/** The same counts per wave: the trend's input. */
export async function countOptionsByWave(db: Kysely<Database>, query: CountQuery): Promise<WaveCountRow[]> {
  if (query.questionIds.length === 0) return [];
  const rows = await db
    .selectFrom("answer_choices")
    .select((eb) => [
      "question_id",
      "wave",
      "option_id",
      eb.fn.countAll<string | number | bigint>().as("count"),
    ])
    .where("survey_id", "=", query.surveyId)
    .where("question_id", "in", [...query.questionIds])
    .groupBy(["question_id", "wave", "option_id"])
    .execute();
  return rows.map((r) => ({
    questionId: r.question_id,
    wave: Number(r.wave),
    optionId: r.option_id,
    count: toCount(r.count),
  }));
}

/** The versions each wave's counted responses were answered on (held ones are in no tally). */
export async function versionsByWave(db: Kysely<Database>, surveyId: string): Promise<WaveVersionRow[]> {
  const rows = await db
    .selectFrom("responses")
    .select(["wave", "survey_version"])
    .where("survey_id", "=", surveyId)
    .where("review_state", "=", "counted")
    .groupBy(["wave", "survey_version"])
    .orderBy("wave")
    .orderBy("survey_version")
    .execute();
  return rows.map((r) => ({ wave: Number(r.wave), version: Number(r.survey_version) }));
}

/**
 * Counts split by wave and by one or more group dimensions (a single-choice question's option, the
 * response's mode or its event): one self-join of answer_choices per question dimension, the
 * responses row for mode and event. A response without an answer (or an event) for a dimension is
 * in no group. Always per wave, so the caller can keep suppression consistent across waves.
 */
export async function countOptionsByGroups(
  db: Kysely<Database>,
  query: GroupedCountQuery,
): Promise<GroupedCountRow[]> {
  if (query.questionIds.length === 0) return [];
  const joins: RawBuilder<unknown>[] = [];
  const groupCols: RawBuilder<unknown>[] = [];
  const conditions: RawBuilder<unknown>[] = [
    sql`a.survey_id = ${query.surveyId}`,
    sql`a.question_id in (${sql.join(query.questionIds.map((id) => sql`${id}`))})`,
  ];
  if (query.wave !== null) conditions.push(sql`a.wave = ${query.wave}`);
  let needsResponse = false;
  query.by.forEach((dimension, i) => {
    const alias = sql.ref(`g${i}`);
    if (dimension.kind === "question") {
      joins.push(
        sql`join answer_choices ${alias} on ${sql.ref(`g${i}.response_id`)} = a.response_id and ${sql.ref(`g${i}.question_id`)} = ${dimension.questionId}`,
      );
      groupCols.push(sql.ref(`g${i}.option_id`));
    } else {
      needsResponse = true;
      const column = dimension.kind === "mode" ? sql.ref("r.mode") : sql.ref("r.event_id");
      if (dimension.kind === "event") conditions.push(sql`r.event_id is not null`);
      groupCols.push(column);
    }
  });
  if (needsResponse) joins.push(sql`join responses r on r.id = a.response_id`);
  const selected = groupCols.map((col, i) => sql`${col} as ${sql.ref(`k${i}`)}`);
  const result = await sql<Record<string, string | number | bigint>>`
    select a.question_id as question_id, a.wave as wave, a.option_id as option_id,
      ${sql.join(selected)}, count(*) as count
    from answer_choices a ${sql.join(joins, sql` `)}
    where ${sql.join(conditions, sql` and `)}
    group by a.question_id, a.wave, a.option_id, ${sql.join(groupCols)}`.execute(db);
  return result.rows.map((r) => ({
    questionId: String(r.question_id),
    wave: Number(r.wave),
    optionId: String(r.option_id),
    groups: query.by.map((_, i) => String(r[`k${i}`])),
    count: toCount(r.count as string | number | bigint),
  }));
}

/**
 * The totals and the breakdown by one dimension in one pass over answer_choices, where
 * countOptions then countOptionsByGroups would read it twice: an outer join keeps the responses
 * outside every group (no answer to the question, no event) in the totals, under a null group.
 * At most one group per response, since `by` is a single-choice question (parseBy), mode or event.
 */
export async function countOptionsWithBreakdown(
  db: Kysely<Database>,
  query: BreakdownQuery,
): Promise<BreakdownCounts> {
  const totals: CountsByQuestion = new Map();
  const rows: GroupedCountRow[] = [];
  if (query.questionIds.length === 0) return { totals, rows };
  const { by } = query;
  const join =
    by.kind === "question"
      ? sql`left join answer_choices g on g.response_id = a.response_id and g.question_id = ${by.questionId}`
      : sql`join responses r on r.id = a.response_id`;
  const group =
    by.kind === "question"
      ? sql.ref("g.option_id")
      : by.kind === "mode"
        ? sql.ref("r.mode")
        : sql.ref("r.event_id");
  const conditions = [
    sql`a.survey_id = ${query.surveyId}`,
    sql`a.question_id in (${sql.join(query.questionIds.map((id) => sql`${id}`))})`,
  ];
  if (query.wave !== null) conditions.push(sql`a.wave = ${query.wave}`);
  const result = await sql<Record<string, string | number | bigint | null>>`
    select a.question_id as question_id, a.wave as wave, a.option_id as option_id, ${group} as k,
      count(*) as count
    from answer_choices a ${join}
    where ${sql.join(conditions, sql` and `)}
    group by a.question_id, a.wave, a.option_id, ${group}`.execute(db);
  for (const r of result.rows) {
    const questionId = String(r.question_id);
    const optionId = String(r.option_id);
    const count = toCount(r.count as string | number | bigint);
    const options = totals.get(questionId) ?? {};
    options[optionId] = (options[optionId] ?? 0) + count;
    totals.set(questionId, options);
    if (r.k !== null) rows.push({ questionId, wave: Number(r.wave), optionId, groups: [String(r.k)], count });
  }
  return { totals, rows };
}

/**
 * A choice question's ticks per option and its respondents (responses with at least one tick): the
 * base of multiple-choice shares is people, not ticks.
 */
export async function countChoices(db: Kysely<Database>, query: ChoiceCountQuery): Promise<ChoiceCounts> {
  let ticks = db
    .selectFrom("answer_choices")
    .select((eb) => ["option_id", eb.fn.countAll<string | number | bigint>().as("count")])
    .where("survey_id", "=", query.surveyId)
    .where("question_id", "=", query.questionId);
  let people = db
    .selectFrom("answer_choices")
    .select((eb) => eb.fn.count<string | number | bigint>("response_id").distinct().as("count"))
    .where("survey_id", "=", query.surveyId)
    .where("question_id", "=", query.questionId);
  if (query.wave !== null) {
    ticks = ticks.where("wave", "=", query.wave);
    people = people.where("wave", "=", query.wave);
  }
  const chosen: Record<string, number> = {};
  for (const row of await ticks.groupBy("option_id").execute()) chosen[row.option_id] = toCount(row.count);
  const respondents = toCount((await people.executeTakeFirst())?.count ?? 0);
  return { chosen, respondents };
}
