import { type Kysely, sql } from "kysely";

/**
 * Population totals per wave (issue 21, part 5): the register changes each year, and a wave's
 * weighted estimates use that wave's own totals. The primary key gains the wave, which SQLite can
 * only do by building the table again: a new table, the rows copied, the old one dropped.
 *
 * The rows stored before this migration were one set per survey, used for every wave. They are
 * kept as they were, under wave 0 (no fiscal year is 0): the survey-wide totals, which stand for
 * any wave that has none of its own. So a collector upgraded mid-year changes no figure, and the
 * reader is told which totals weighted an estimate (population-queries.ts names the 0).
 */
// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("population_totals_by_wave")
    .addColumn("survey_id", "text", (c) => c.notNull())
    .addColumn("wave", "integer", (c) => c.notNull())
    .addColumn("cell", "text", (c) => c.notNull())
    .addColumn("dimensions", "text", (c) => c.notNull())
    .addColumn("population", "integer", (c) => c.notNull())
    .addColumn("uploaded_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("population_totals_wave_pk", ["survey_id", "wave", "cell"])
    .execute();
  await sql`insert into population_totals_by_wave (survey_id, wave, cell, dimensions, population, uploaded_at)
    select survey_id, 0, cell, dimensions, population, uploaded_at from population_totals`.execute(db);
  await db.schema.dropTable("population_totals").execute();
  await db.schema.alterTable("population_totals_by_wave").renameTo("population_totals").execute();
}

// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema of its day
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("population_totals_survey_wide")
    .addColumn("survey_id", "text", (c) => c.notNull())
    .addColumn("cell", "text", (c) => c.notNull())
    .addColumn("dimensions", "text", (c) => c.notNull())
    .addColumn("population", "integer", (c) => c.notNull())
    .addColumn("uploaded_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("population_totals_pk", ["survey_id", "cell"])
    .execute();
  // Back to one set per survey: the survey-wide totals where there are any, else the newest wave's.
  await sql`insert into population_totals_survey_wide (survey_id, cell, dimensions, population, uploaded_at)
    select p.survey_id, p.cell, p.dimensions, p.population, p.uploaded_at from population_totals p
    where p.wave = (select case when min(q.wave) = 0 then 0 else max(q.wave) end
                    from population_totals q where q.survey_id = p.survey_id)`.execute(db);
  await db.schema.dropTable("population_totals").execute();
  await db.schema.alterTable("population_totals_survey_wide").renameTo("population_totals").execute();
}
