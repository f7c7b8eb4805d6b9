import type { Kysely } from "kysely";
import type { Database } from "./database";
import { currentSchema, migrateToLatest } from "./migrate";
import { insertResponses, responsesPage, storedIds } from "./response-queries";
import type { Storage, StorageKind } from "./storage";
import { countOptions, countOptionsBy } from "./tally-queries";

/** The Storage over either dialect: the queries are the same Kysely code for both. */
export function createKyselyStorage(db: Kysely<Database>, kind: StorageKind): Storage {
  return {
    kind,
    migrate: async () => migrateToLatest(db, kind === "postgres" ? { schema: await currentSchema(db) } : {}),
    insertResponses: (rows, receivedAt) => insertResponses(db, rows, receivedAt),
    storedIds: (ids) => storedIds(db, ids),
    countOptions: (query) => countOptions(db, query),
    countOptionsBy: (query) => countOptionsBy(db, query),
    responsesPage: (query) => responsesPage(db, query),
    close: () => db.destroy(),
  };
}
