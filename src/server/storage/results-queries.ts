import type { Kysely } from "kysely";
import type { Database } from "./database";
import type { PublicationKey, ResultsStorage, StoredPublication } from "./results-storage";

type InsertKey = Parameters<ResultsStorage["insertPublication"]>[0];

/** Two admins publishing the same wave at once: the loser takes the next number. */
const NUMBER_TRIES = 5;

export async function insertPublication(
  db: Kysely<Database>,
  key: InsertKey,
  snapshotOf: (publication: number) => string,
): Promise<number> {
  for (let attempt = 0; attempt < NUMBER_TRIES; attempt++) {
    const row = await db
      .selectFrom("results_publications")
      .select((eb) => eb.fn.max("publication").as("last"))
      .where("survey_id", "=", key.surveyId)
      .where("wave", "=", key.wave)
      .executeTakeFirst();
    const publication = Number(row?.last ?? 0) + 1;
    const inserted = await db
      .insertInto("results_publications")
      .values({
        survey_id: key.surveyId,
        wave: key.wave,
        publication,
        snapshot: snapshotOf(publication),
        published_at: key.publishedAt,
        published_by: key.publishedBy,
        unpublished_at: null,
        unpublished_by: null,
      })
      .onConflict((oc) => oc.columns(["survey_id", "wave", "publication"]).doNothing())
      .returning("publication")
      .execute();
    if (inserted.length === 1) return publication;
  }
  throw new Error(`results of ${key.surveyId} ${key.wave}: no free publication number`);
}

export async function unpublish(
  db: Kysely<Database>,
  surveyId: string,
  wave: number,
  at: string,
  by: string | null,
): Promise<number> {
  const result = await db
    .updateTable("results_publications")
    .set({ unpublished_at: at, unpublished_by: by })
    .where("survey_id", "=", surveyId)
    .where("wave", "=", wave)
    .where("unpublished_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

const keyOf = (r: {
  survey_id: string;
  wave: number;
  publication: number;
  published_at: string;
  published_by: string | null;
}): PublicationKey => ({
  surveyId: r.survey_id,
  // PostgreSQL's driver may hand integers back as they are typed; SQLite's as numbers.
  wave: Number(r.wave),
  publication: Number(r.publication),
  publishedAt: r.published_at,
  publishedBy: r.published_by,
});

export async function livePublication(
  db: Kysely<Database>,
  surveyId: string,
  wave: number,
): Promise<StoredPublication | undefined> {
  const row = await db
    .selectFrom("results_publications")
    .select(["survey_id", "wave", "publication", "published_at", "published_by", "snapshot"])
    .where("survey_id", "=", surveyId)
    .where("wave", "=", wave)
    .where("unpublished_at", "is", null)
    .orderBy("publication", "desc")
    .limit(1)
    .executeTakeFirst();
  return row && { ...keyOf(row), snapshot: row.snapshot };
}

export async function livePublications(db: Kysely<Database>, surveyId: string): Promise<PublicationKey[]> {
  const rows = await db
    .selectFrom("results_publications")
    .select(["survey_id", "wave", "publication", "published_at", "published_by"])
    .where("survey_id", "=", surveyId)
    .where("unpublished_at", "is", null)
    .orderBy("wave", "desc")
    .orderBy("publication", "desc")
    .execute();
  const seen = new Set<number>();
  return rows.map(keyOf).filter((p) => !seen.has(p.wave) && seen.add(p.wave));
}
