import {
  type DatabaseIntrospector,
  type DatabaseMetadataOptions,
  type Kysely,
  PostgresIntrospector,
  type SchemaMetadata,
  sql,
  type TableMetadata,
} from "kysely";

interface ColumnRow {
  schema: string;
  table: string;
  kind: string;
  column: string;
  type: string;
  type_schema: string;
  not_null: boolean;
  has_default: boolean;
  identity: string;
}

/**
 * Kysely's PostgreSQL introspector reads every schema of the server and calls catalogue functions
 * (has_schema_privilege, pg_get_serial_sequence) on each: a schema another process drops meanwhile
 * (every test file and collector on a shared server has its own) fails the whole query with
 * "schema … does not exist", and so failed our migrations now and then. This one reads only the
 * schemas on this connection's search_path, which are all the collector (and its migrator) uses.
 */
export class SearchPathIntrospector implements DatabaseIntrospector {
  private readonly all: PostgresIntrospector;

  // biome-ignore lint/suspicious/noExplicitAny: introspection works below the typed schema
  constructor(private readonly db: Kysely<any>) {
    this.all = new PostgresIntrospector(db);
  }

  async getSchemas(): Promise<SchemaMetadata[]> {
    return await this.all.getSchemas();
  }

  async getTables(
    options: DatabaseMetadataOptions = { withInternalKyselyTables: false },
  ): Promise<TableMetadata[]> {
    const { rows } = await sql<ColumnRow>`
      SELECT ns.nspname AS schema, c.relname AS table, c.relkind AS kind, a.attname AS column,
             typ.typname AS type, dtns.nspname AS type_schema, a.attnotnull AS not_null,
             a.atthasdef AS has_default, a.attidentity AS identity
      FROM pg_catalog.pg_attribute a
      JOIN pg_catalog.pg_class c ON a.attrelid = c.oid
      JOIN pg_catalog.pg_namespace ns ON c.relnamespace = ns.oid
      JOIN pg_catalog.pg_type typ ON a.atttypid = typ.oid
      JOIN pg_catalog.pg_namespace dtns ON typ.typnamespace = dtns.oid
      WHERE ns.nspname = ANY (current_schemas(false))
        AND c.relkind IN ('r', 'v', 'p', 'f') AND a.attnum >= 0 AND NOT a.attisdropped
      ORDER BY ns.nspname, c.relname, a.attnum`.execute(this.db);
    const tables = new Map<string, TableMetadata>();
    for (const row of rows) {
      if (!options.withInternalKyselyTables && row.table.startsWith("kysely_migration")) continue;
      const key = `${row.schema}.${row.table}`;
      let table = tables.get(key);
      if (!table) {
        table = {
          name: row.table,
          schema: row.schema,
          isView: row.kind === "v",
          isForeign: row.kind === "f",
          columns: [],
        };
        tables.set(key, table);
      }
      table.columns.push({
        name: row.column,
        dataType: row.type,
        dataTypeSchema: row.type_schema,
        isNullable: !row.not_null,
        hasDefaultValue: row.has_default,
        isAutoIncrementing: row.identity !== "",
      });
    }
    return [...tables.values()];
  }
}
