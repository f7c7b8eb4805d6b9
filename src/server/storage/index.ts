export type { Database } from "./database";
export { createKyselyStorage } from "./kysely-storage";
export { migrateToLatest } from "./migrate";
export { MIGRATIONS } from "./migrations";
export { openStorage } from "./open";
export { openPostgres } from "./postgres";
export { openSqlite } from "./sqlite";
export type * from "./storage";
