import { join } from "node:path";
import type { Kysely } from "kysely";
import { type Database, openPostgres, openSqlite } from "../../src/server/storage";
import { freshPgSchema } from "../pg-schema";

/** Where a killed collector keeps its data, and a way to read it once the collector is gone. */
export interface KillTarget {
  name: "sqlite" | "postgres";
  setup(dir: string): Promise<{ databaseUrl: string; open(): Kysely<Database>; dispose(): Promise<void> }>;
}

/** SQLite in the collector's own data directory. */
export const sqliteKillTarget: KillTarget = {
  name: "sqlite",
  setup: async (dir) => ({
    databaseUrl: "",
    open: () => openSqlite(join(dir, "tsunagu.sqlite")),
    dispose: async () => {},
  }),
};

/** A fresh schema of its own on the PostgreSQL server at `url`. */
export function postgresKillTarget(url: string): KillTarget {
  return {
    name: "postgres",
    setup: async () => {
      const pgSchema = await freshPgSchema(url, "kill");
      return {
        databaseUrl: pgSchema.url,
        open: () => openPostgres(url, { searchPath: pgSchema.schema, max: 2 }),
        dispose: pgSchema.drop,
      };
    },
  };
}
