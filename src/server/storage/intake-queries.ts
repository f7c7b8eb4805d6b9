import type { Kysely, Transaction } from "kysely";
import type { Database } from "./database";
import type { IntakeCount } from "./intake-storage";

/**
 * The window's salt, made by whichever process asks first: every process on one database keys an
 * address alike, and the salt goes when its window is pruned.
 */
export async function intakeSalt(
  db: Kysely<Database>,
  windowStart: string,
  candidate: string,
): Promise<string> {
  await db
    .insertInto("intake_salts")
    .values({ window_start: windowStart, salt: candidate })
    .onConflict((oc) => oc.column("window_start").doNothing())
    .execute();
  const row = await db
    .selectFrom("intake_salts")
    .select("salt")
    .where("window_start", "=", windowStart)
    .executeTakeFirstOrThrow();
  return row.salt;
}

export async function intakeOf(
  db: Kysely<Database>,
  windowStart: string,
  source: string,
): Promise<IntakeCount> {
  const row = await db
    .selectFrom("intake_counts")
    .select(["stored", "counted"])
    .where("window_start", "=", windowStart)
    .where("source", "=", source)
    .executeTakeFirst();
  return { stored: Number(row?.stored ?? 0), counted: Number(row?.counted ?? 0) };
}

/** Forgets the counts and salts of windows that started before `before`. */
export async function pruneIntake(db: Kysely<Database>, before: string): Promise<void> {
  await db.deleteFrom("intake_counts").where("window_start", "<", before).execute();
  await db.deleteFrom("intake_salts").where("window_start", "<", before).execute();
}

/**
 * Adds `stored` new responses to a source's window and answers how many of `candidates` may still
 * be counted under `countedLimit`, then records those. The upsert locks the window's row until the
 * transaction commits, so two processes on one PostgreSQL take turns: the limit holds across them.
 */
export async function takeIntake(
  trx: Transaction<Database>,
  windowStart: string,
  source: string,
  stored: number,
  candidates: number,
  countedLimit: number,
): Promise<number> {
  const row = await trx
    .insertInto("intake_counts")
    .values({ window_start: windowStart, source, stored, counted: 0 })
    .onConflict((oc) =>
      oc
        .columns(["window_start", "source"])
        .doUpdateSet((eb) => ({ stored: eb("intake_counts.stored", "+", eb.ref("excluded.stored")) })),
    )
    .returning("counted")
    .executeTakeFirstOrThrow();
  // More in one request than a source may have counted in an hour is a burst as a whole: no phone
  // holds that many of its household's answers, so none of it counts (not even the first few, which
  // would let every flood move an indicator by the limit). Smaller requests fill the limit in turn.
  const allowed =
    candidates > countedLimit ? 0 : Math.max(0, Math.min(candidates, countedLimit - Number(row.counted)));
  if (allowed > 0)
    await trx
      .updateTable("intake_counts")
      .set((eb) => ({ counted: eb("counted", "+", allowed) }))
      .where("window_start", "=", windowStart)
      .where("source", "=", source)
      .execute();
  return allowed;
}
