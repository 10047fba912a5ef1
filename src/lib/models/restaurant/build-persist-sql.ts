import { ident, integer } from '../sql';
import { MODELS } from './schema';

/** The in-memory database that holds the working tables; loads are fastest there. */
export const WORK = 'work';

/** Every table a file's load writes to; together they rebuild the dataset. */
export const PERSISTED_TABLES = [MODELS.raw, MODELS.facts, MODELS.rejects, MODELS.sources] as const;

const working = (table: string) => `${WORK}.main.${table}`;
const keptTable = (kept: string, table: string) => `${ident(kept)}.main.${table}`;

/** The kept tables take their columns from the working ones, so the two can never drift apart. */
export function createKeptTablesSql(kept: string): string[] {
  return PERSISTED_TABLES.map(
    (t) => `CREATE TABLE IF NOT EXISTS ${keptTable(kept, t)} AS SELECT * FROM ${working(t)} LIMIT 0`,
  );
}

export function loadedSourcesSql(): string {
  return `SELECT source_id, name FROM ${working(MODELS.sources)} ORDER BY source_id`;
}

export function keptSourceIdsSql(kept: string): string {
  return `SELECT source_id FROM ${keptTable(kept, MODELS.sources)} ORDER BY source_id`;
}

/** Copies one loaded file's rows into the kept database; run in one transaction, then checkpoint. */
export function keepSourceSql(kept: string, sourceId: number): string[] {
  return PERSISTED_TABLES.map(
    (t) =>
      `INSERT INTO ${keptTable(kept, t)} SELECT * FROM ${working(t)} WHERE source_id = ${integer(sourceId)}`,
  );
}

export function checkpointSql(kept: string): string {
  return `CHECKPOINT ${ident(kept)}`;
}

/** Brings every kept file back into the working tables. */
export function restoreKeptSql(kept: string): string[] {
  return PERSISTED_TABLES.map((t) => `INSERT INTO ${working(t)} SELECT * FROM ${keptTable(kept, t)}`);
}

/** Empties the kept tables; the next checkpoint frees their space. */
export function clearKeptSql(kept: string): string[] {
  return PERSISTED_TABLES.map((t) => `DELETE FROM ${keptTable(kept, t)}`);
}

/** Files whose restored rows do not add up to what was loaded: a damaged store, to be left out. */
export function incompleteSourcesSql(): string {
  return `SELECT s.source_id, s.name, s.rows, coalesce(r.rows, 0) AS found FROM ${working(MODELS.sources)} s
    LEFT JOIN (SELECT source_id, count(*) AS rows FROM ${working(MODELS.raw)} GROUP BY source_id) r
      USING (source_id)
    WHERE coalesce(r.rows, 0) <> s.rows`;
}

export function dropSourceSql(sourceId: number): string[] {
  return PERSISTED_TABLES.map((t) => `DELETE FROM ${working(t)} WHERE source_id = ${integer(sourceId)}`);
}
