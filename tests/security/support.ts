import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import pg from "pg";
import { createKyselyStorage, openPostgres, openSqlite, type Storage } from "../../src/server/storage";

const DATABASE_URL = process.env.DATABASE_URL;

/** Every row of every table, as the database returns it: what an auditor would see. */
export type TableDump = Record<string, Record<string, unknown>[]>;

export interface AuditedStorage {
  kind: "sqlite" | "postgres";
  storage: Storage;
  /** Reads every table and column straight from the database, around the collector's own code. */
  dump(): Promise<TableDump>;
  /** One read-only query straight at the database (system columns such as rowid, xmin, ctid). */
  rows(query: string): Promise<Record<string, unknown>[]>;
  dispose(): Promise<void>;
}

export const AUDITED_KINDS: { kind: "sqlite" | "postgres"; unavailable?: string }[] = [
  { kind: "sqlite" },
  { kind: "postgres", ...(!DATABASE_URL && { unavailable: "DATABASE_URL is unset" }) },
];

/** A fresh, migrated storage whose raw tables the test can read. */
export async function openAudited(kind: "sqlite" | "postgres"): Promise<AuditedStorage> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "tsunagu-audit-"));
    const file = join(dir, "tsunagu.sqlite");
    const storage = createKyselyStorage(openSqlite(file), "sqlite");
    await storage.migrate();
    return {
      kind,
      storage,
      dump: async () => {
        const db = new SQLite(file, { readonly: true });
        try {
          const tables = db
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            .all() as { name: string }[];
          return Object.fromEntries(
            tables.map(({ name }) => [
              name,
              db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[],
            ]),
          );
        } finally {
          db.close();
        }
      },
      rows: async (query) => {
        const db = new SQLite(file, { readonly: true });
        try {
          return db.prepare(query).all() as Record<string, unknown>[];
        } finally {
          db.close();
        }
      },
      dispose: async () => {
        await storage.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = DATABASE_URL as string;
  const schema = `tsunagu_audit_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const storage = createKyselyStorage(openPostgres(url, { searchPath: schema, max: 4 }), "postgres");
  await storage.migrate();
  return {
    kind,
    storage,
    dump: async () => {
      const { rows: tables } = await admin.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = $1",
        [schema],
      );
      const out: TableDump = {};
      for (const { table_name } of tables)
        out[table_name] = (await admin.query(`SELECT * FROM "${schema}"."${table_name}"`)).rows;
      return out;
    },
    rows: async (query) => {
      await admin.query(`SET search_path TO ${schema}`);
      return (await admin.query(query)).rows;
    },
    dispose: async () => {
      await storage.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}
