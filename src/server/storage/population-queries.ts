import type { Kysely } from "kysely";
import { chunks } from "./chunks";
import type { Database } from "./database";
import type { PopulationTotals } from "./population-storage";

export async function replacePopulation(
  db: Kysely<Database>,
  surveyId: string,
  totals: PopulationTotals,
): Promise<void> {
  const dimensions = JSON.stringify(totals.dimensions);
  const rows = [...totals.cells].map(([cell, population]) => ({
    survey_id: surveyId,
    cell,
    dimensions,
    population,
    uploaded_at: totals.uploadedAt,
  }));
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("population_totals").where("survey_id", "=", surveyId).execute();
    for (const part of chunks(rows, 500)) await trx.insertInto("population_totals").values(part).execute();
  });
}

export async function populationOf(
  db: Kysely<Database>,
  surveyId: string,
): Promise<PopulationTotals | undefined> {
  const rows = await db
    .selectFrom("population_totals")
    .selectAll()
    .where("survey_id", "=", surveyId)
    .orderBy("cell")
    .execute();
  const first = rows[0];
  if (!first) return undefined;
  return {
    dimensions: JSON.parse(first.dimensions) as string[],
    cells: new Map(rows.map((r) => [r.cell, Number(r.population)])),
    uploadedAt: first.uploaded_at,
  };
}
