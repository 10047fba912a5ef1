import { LINEAGE } from '$lib/models/dataset/columns';

/** The tables and views a query can read, for the editor's completion and the list beside it. */
export interface SchemaTable {
  schema: string;
  name: string;
  kind: 'table' | 'view';
  columns: string[];
  /** DuckDB's estimate of the rows, 0 for views. */
  rows: number;
}

/**
 * Every table and view of the database queries run in, found at the time of asking (names change as the
 * models do); DuckDB's internal ones and a load's scratch tables (temporary, or named `dd_stage_…` and
 * `dd_load_…` while a file is read) are left out.
 */
export function schemaSql(): string {
  return `WITH objects AS (
      SELECT database_name, schema_name, table_name AS name, 'table' AS kind, estimated_size AS rows
      FROM duckdb_tables()
      WHERE NOT internal AND NOT temporary AND NOT regexp_matches(table_name, '^dd_(stage|load)_')
      UNION ALL
      SELECT database_name, schema_name, view_name, 'view', 0 FROM duckdb_views() WHERE NOT internal AND NOT temporary)
    SELECT o.schema_name AS schema, o.name, o.kind, any_value(o.rows) AS rows,
      list(c.column_name ORDER BY c.column_index) AS columns
    FROM objects o JOIN duckdb_columns() c
      ON c.database_name = o.database_name AND c.schema_name = o.schema_name AND c.table_name = o.name
    WHERE o.database_name = current_database()
    GROUP BY ALL ORDER BY o.kind, o.schema_name, o.name`;
}

export function toSchemaTable(row: Record<string, unknown>): SchemaTable {
  return {
    schema: String(row.schema),
    name: String(row.name),
    kind: row.kind === 'view' ? 'view' : 'table',
    columns: Array.isArray(row.columns) ? row.columns.map(String) : [],
    rows: Number(row.rows ?? 0),
  };
}

/**
 * The table a first query most likely wants: the largest loaded dataset (its rows carry the lineage
 * columns), not one of the engine's own summaries; the largest table when there is none.
 */
export function defaultTable(tables: readonly SchemaTable[]): SchemaTable | null {
  const largest = (candidates: readonly SchemaTable[]) =>
    candidates.reduce<SchemaTable | null>(
      (best, table) => (table.kind === 'table' && (!best || table.rows > best.rows) ? table : best),
      null,
    );
  return largest(tables.filter((t) => t.columns.includes(LINEAGE.row))) ?? largest(tables);
}
