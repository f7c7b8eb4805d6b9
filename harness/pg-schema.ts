import pg from "pg";

export interface PgSchema {
  schema: string;
  /** DATABASE_URL for a child process: the same server, with this schema first on its search_path. */
  url: string;
  drop(): Promise<void>;
}

/** A fresh schema on the shared test server, for a collector process of its own. */
export async function freshPgSchema(baseUrl: string, label: string): Promise<PgSchema> {
  const schema = `tsunagu_${label}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return {
    schema,
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: baseUrl });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
      await cleanup.end();
    },
  };
}
