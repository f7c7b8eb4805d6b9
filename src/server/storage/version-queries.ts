import type { Kysely, Selectable } from "kysely";
import type { Database, SurveyVersionsTable } from "./database";
import type { StoredVersion } from "./version-storage";

const fromRow = (row: Selectable<SurveyVersionsTable>): StoredVersion => ({
  surveyId: row.survey_id,
  // PostgreSQL's driver may hand integers back as they are typed; SQLite's as numbers.
  version: Number(row.version),
  definition: row.definition,
  publishedAt: row.published_at,
  publishedBy: row.published_by,
  changes: row.changes,
});

export async function insertVersion(db: Kysely<Database>, v: StoredVersion): Promise<boolean> {
  const inserted = await db
    .insertInto("survey_versions")
    .values({
      survey_id: v.surveyId,
      version: v.version,
      definition: v.definition,
      published_at: v.publishedAt,
      published_by: v.publishedBy,
      changes: v.changes,
    })
    .onConflict((oc) => oc.columns(["survey_id", "version"]).doNothing())
    .returning("version")
    .execute();
  return inserted.length === 1;
}

export async function versionKeys(db: Kysely<Database>): Promise<{ surveyId: string; version: number }[]> {
  const rows = await db
    .selectFrom("survey_versions")
    .select(["survey_id", "version"])
    .orderBy("survey_id")
    .orderBy("version")
    .execute();
  return rows.map((r) => ({ surveyId: r.survey_id, version: Number(r.version) }));
}

export async function versionOf(
  db: Kysely<Database>,
  surveyId: string,
  version: number,
): Promise<StoredVersion | undefined> {
  const row = await db
    .selectFrom("survey_versions")
    .selectAll()
    .where("survey_id", "=", surveyId)
    .where("version", "=", version)
    .executeTakeFirst();
  return row && fromRow(row);
}

export async function versionsOf(db: Kysely<Database>, surveyId: string): Promise<StoredVersion[]> {
  const rows = await db
    .selectFrom("survey_versions")
    .selectAll()
    .where("survey_id", "=", surveyId)
    .orderBy("version", "desc")
    .execute();
  return rows.map(fromRow);
}
