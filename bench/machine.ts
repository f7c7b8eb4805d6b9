import { execSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import SQLite from "better-sqlite3";
import pg from "pg";

/** Compressed size of one file, as the first load counts it. */
export function surveyBytes(file: string): { gzip: number; brotli: number } {
  const bytes = readFileSync(file);
  return {
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const version = (pkg: string) =>
  (JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, "utf8")) as { version: string }).version;

/** The versions behind the figures, and how loaded the machine was. */
export async function machineNotes(pgUrl: string | undefined): Promise<string[]> {
  const chromium = (() => {
    try {
      return execSync(`${process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"} --version`, {
        encoding: "utf8",
      }).trim();
    } catch {
      return "Chromium (version unknown)";
    }
  })();
  const db = new SQLite(":memory:");
  const sqlite = (db.prepare("select sqlite_version() as v").get() as { v: string }).v;
  db.close();
  let postgres = "PostgreSQL: not measured (DATABASE_URL unset)";
  if (pgUrl) {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    postgres =
      ((await client.query("select version() as v")).rows[0] as { v: string }).v.split(" on ")[0] ?? "";
    await client.end();
  }
  const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  return [
    `${chromium}; SQLite ${sqlite} (better-sqlite3 ${version("better-sqlite3")}); ${postgres}; Vite ${version("vite")}, Preact ${version("preact")}, Hono ${version("hono")}, Kysely ${version("kysely")}, zod ${version("zod")}.`,
    `Load average at the start: ${load} (the machine is shared: other work runs beside the benchmark, which is why each figure is a ratio against a baseline measured alternately in the same run).`,
  ];
}
