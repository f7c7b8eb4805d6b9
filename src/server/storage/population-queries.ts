import { type Kysely, sql } from "kysely";
import { chunks } from "./chunks";
import type { Database } from "./database";
import type { PopulationSet, PopulationTotals, StoredPopulation } from "./population-storage";

/**
 * The `wave` of the survey-wide totals, stored before totals were kept per wave (migration
 * 2026_12_08_21c1): no fiscal year is 0. Outside this module they are `wave: null`.
 */
const SURVEY_WIDE = 0;
const waveOf = (stored: number): number | null => (stored === SURVEY_WIDE ? null : stored);

export async function replacePopulation(
  db: Kysely<Database>,
  surveyId: string,
  wave: number,
  totals: PopulationTotals,
): Promise<void> {
  const dimensions = JSON.stringify(totals.dimensions);
  const rows = [...totals.cells].map(([cell, population]) => ({
    survey_id: surveyId,
    wave,
    cell,
    dimensions,
    population,
    uploaded_at: totals.uploadedAt,
  }));
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom("population_totals")
      .where("survey_id", "=", surveyId)
      .where("wave", "=", wave)
      .execute();
    for (const part of chunks(rows, 500)) await trx.insertInto("population_totals").values(part).execute();
  });
}

export async function populationOf(
  db: Kysely<Database>,
  surveyId: string,
  wave: number | null,
): Promise<StoredPopulation | undefined> {
  // The wave's own rows if it has any, else the survey-wide ones: the highest of the two present.
  const rows = await db
    .selectFrom("population_totals")
    .selectAll()
    .where("survey_id", "=", surveyId)
    .where("wave", "=", (eb) =>
      eb
        .selectFrom("population_totals")
        .select((s) => s.fn.max("wave").as("wave"))
        .where("survey_id", "=", surveyId)
        .where("wave", "in", [wave ?? SURVEY_WIDE, SURVEY_WIDE]),
    )
    .orderBy("cell")
    .execute();
  const first = rows[0];
  if (!first) return undefined;
  return {
    wave: waveOf(Number(first.wave)),
    dimensions: JSON.parse(first.dimensions) as string[],
    cells: new Map(rows.map((r) => [r.cell, Number(r.population)])),
    uploadedAt: first.uploaded_at,
  };
}

export async function populationSets(db: Kysely<Database>, surveyId: string): Promise<PopulationSet[]> {
  const rows = await db
    .selectFrom("population_totals")
    .select((s) => [
      "wave",
      "dimensions",
      "uploaded_at",
      s.fn.countAll<number | string>().as("cells"),
      sql<number | string>`sum(population)`.as("total"),
    ])
    .where("survey_id", "=", surveyId)
    .groupBy(["wave", "dimensions", "uploaded_at"])
    .orderBy("wave")
    .execute();
  return rows.map((r) => ({
    wave: waveOf(Number(r.wave)),
    dimensions: JSON.parse(r.dimensions) as string[],
    cells: Number(r.cells),
    total: Number(r.total),
    uploadedAt: r.uploaded_at,
  }));
}
