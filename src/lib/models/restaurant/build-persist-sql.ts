import { LINEAGE } from '../dataset/columns';
import { ident, integer, literal } from '../sql';
import { MODELS } from './schema';

/** The in-memory database that holds the working tables; loads are fastest there. */
export const WORK = 'work';

/** Shared tables whose rows belong to one source file each: kept file by file. */
export const PER_SOURCE_TABLES = [MODELS.facts, MODELS.daily, MODELS.rejects, MODELS.sources] as const;
/** Small tables that describe the datasets (their roles change): replaced whole on each save. */
export const DATASET_TABLES = [MODELS.datasets, MODELS.columns] as const;

const working = (table: string) => `${WORK}.main.${ident(table)}`;
const keptTable = (kept: string, table: string) => `${ident(kept)}.main.${ident(table)}`;

/** The kept tables take their columns from the working ones, so the two can never drift apart. */
export function createKeptTablesSql(kept: string, datasetTables: readonly string[]): string[] {
  return [...PER_SOURCE_TABLES, ...DATASET_TABLES, ...datasetTables].map(
    (t) => `CREATE TABLE IF NOT EXISTS ${keptTable(kept, t)} AS SELECT * FROM ${working(t)} LIMIT 0`,
  );
}

/** What an earlier version kept (one restaurant table, no datasets): it cannot be brought back. */
export const LEGACY_TABLES = ['raw_visits', MODELS.facts, MODELS.rejects, MODELS.sources] as const;

export function keptTablesSql(kept: string): string {
  return `SELECT table_name FROM duckdb_tables() WHERE database_name = ${literal(kept)} AND schema_name = 'main'`;
}

export function dropKeptTablesSql(kept: string, tables: readonly string[]): string[] {
  return tables.map((t) => `DROP TABLE IF EXISTS ${keptTable(kept, t)}`);
}

export function loadedSourcesSql(): string {
  return `SELECT s.source_id, s.name, d.table_name FROM ${working(MODELS.sources)} s
    JOIN ${working(MODELS.datasets)} d USING (dataset_id) ORDER BY s.source_id`;
}

export function keptSourceIdsSql(kept: string): string {
  return `SELECT source_id FROM ${keptTable(kept, MODELS.sources)} ORDER BY source_id`;
}

/** Kept files with their dataset's table: a file read again under a new id leaves its old copy here. */
export function keptSourcesSql(kept: string): string {
  return `SELECT s.source_id, d.table_name FROM ${keptTable(kept, MODELS.sources)} s
    JOIN ${keptTable(kept, MODELS.datasets)} d USING (dataset_id) ORDER BY s.source_id`;
}

/** Removes a kept file that is no longer loaded (it was read again): every row it added. */
export function dropKeptSourceSql(kept: string, sourceId: number, datasetTable: string): string[] {
  return [
    ...PER_SOURCE_TABLES.map((t) => `DELETE FROM ${keptTable(kept, t)} WHERE ${fromSource(sourceId)}`),
    `DELETE FROM ${keptTable(kept, datasetTable)} WHERE ${fromSource(sourceId, LINEAGE.source)}`,
  ];
}

/** The datasets of the kept catalog, or (null) of the connection's own, working one. */
export function datasetVersionsSql(catalog: string | null): string {
  const table = catalog === null ? ident(MODELS.datasets) : keptTable(catalog, MODELS.datasets);
  return `SELECT dataset_id, table_name, cube_version FROM ${table} ORDER BY dataset_id`;
}

const fromSource = (sourceId: number, column = 'source_id') => `${ident(column)} = ${integer(sourceId)}`;

/** Copies one loaded file's rows into the kept database; run in one transaction, then checkpoint. */
export function keepSourceSql(kept: string, sourceId: number, datasetTable: string): string[] {
  return [
    ...PER_SOURCE_TABLES.map(
      (t) =>
        `INSERT INTO ${keptTable(kept, t)} SELECT * FROM ${working(t)} WHERE ${fromSource(sourceId)}` +
        // A narrowed cube (negative dataset id) is a view of the moment, never kept.
        (t === MODELS.facts || t === MODELS.daily ? ' AND dataset_id > 0' : ''),
    ),
    `INSERT INTO ${keptTable(kept, datasetTable)} SELECT * FROM ${working(datasetTable)}
      WHERE ${fromSource(sourceId, LINEAGE.source)}`,
  ];
}

/** A dataset whose roles changed has a new cube: the kept one is replaced. */
export function replaceKeptCubeSql(kept: string, datasetId: number): string[] {
  return [MODELS.facts, MODELS.daily].flatMap((t) => [
    `DELETE FROM ${keptTable(kept, t)} WHERE dataset_id = ${integer(datasetId)}`,
    `INSERT INTO ${keptTable(kept, t)} SELECT * FROM ${working(t)} WHERE dataset_id = ${integer(datasetId)}`,
  ]);
}

export function replaceKeptDatasetsSql(kept: string): string[] {
  return DATASET_TABLES.flatMap((t) => [
    `DELETE FROM ${keptTable(kept, t)}`,
    `INSERT INTO ${keptTable(kept, t)} SELECT * FROM ${working(t)}`,
  ]);
}

export function checkpointSql(kept: string): string {
  return `CHECKPOINT ${ident(kept)}`;
}

/** Brings every kept file back: shared tables by insert, each dataset's table copied whole. */
export function restoreKeptSql(kept: string, datasetTables: readonly string[]): string[] {
  return [
    ...[...PER_SOURCE_TABLES, ...DATASET_TABLES].map(
      (t) => `INSERT INTO ${working(t)} SELECT * FROM ${keptTable(kept, t)}`,
    ),
    ...datasetTables.map(
      (t) => `CREATE OR REPLACE TABLE ${working(t)} AS SELECT * FROM ${keptTable(kept, t)}`,
    ),
  ];
}

/** Empties the kept tables and drops the datasets' ones; the next checkpoint frees their space. */
export function clearKeptSql(kept: string, datasetTables: readonly string[]): string[] {
  return [
    ...[...PER_SOURCE_TABLES, ...DATASET_TABLES].map((t) => `DELETE FROM ${keptTable(kept, t)}`),
    ...dropKeptTablesSql(kept, datasetTables),
  ];
}

/** Files whose restored rows do not add up to what was loaded: a damaged store, to be left out. */
export function incompleteSourcesSql(datasetTables: readonly string[]): string {
  const counts =
    datasetTables.length === 0
      ? 'SELECT NULL::INTEGER AS source_id, 0 AS rows'
      : datasetTables
          .map(
            (t) =>
              `SELECT ${ident(LINEAGE.source)} AS source_id, count(*) AS rows FROM ${working(t)} GROUP BY ALL`,
          )
          .join(' UNION ALL ');
  return `SELECT s.source_id, s.name, s.rows, coalesce(r.rows, 0) AS found, d.table_name
    FROM ${working(MODELS.sources)} s JOIN ${working(MODELS.datasets)} d USING (dataset_id)
    LEFT JOIN (${counts}) r USING (source_id)
    WHERE coalesce(r.rows, 0) <> s.rows`;
}

export function dropSourceSql(sourceId: number, datasetTable: string): string[] {
  return [
    ...PER_SOURCE_TABLES.map((t) => `DELETE FROM ${working(t)} WHERE source_id = ${integer(sourceId)}`),
    `DELETE FROM ${working(datasetTable)} WHERE ${ident(LINEAGE.source)} = ${integer(sourceId)}`,
  ];
}

/** What DuckDB holds in memory now, by its own count (every tag of `duckdb_memory()`). */
export function engineMemorySql(): string {
  return 'SELECT CAST(sum(memory_usage_bytes) AS BIGINT) AS bytes FROM duckdb_memory()';
}
