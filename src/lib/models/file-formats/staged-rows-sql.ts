import { LINEAGE } from '../dataset/columns';
import { ident } from '../sql';

/** A staged batch of rows: its own table, in a work schema, dropped once its rows are in the dataset. */
export const stageTable = (sourceId: number, batch: number) => `dd_stage_${sourceId}_${batch}`;

/**
 * A staged batch's rows as the dataset stores them: every column as text (a typed value's text reads back
 * as the same type), a column the batch lacks as no value. Text keeps one storage for every format; the
 * profile decides each column's type from the values.
 */
export function stagedRowsSql(stage: string, staged: readonly string[], wanted: readonly string[]): string {
  const have = new Set(staged);
  const values = wanted.map((name) =>
    have.has(name) ? `CAST(${ident(name)} AS VARCHAR) AS ${ident(name)}` : `NULL::VARCHAR AS ${ident(name)}`,
  );
  return `(SELECT ${values.join(', ')} FROM ${ident(stage)})`;
}

export const dropStageSql = (stage: string) => `DROP TABLE IF EXISTS ${ident(stage)}`;

/**
 * A file's rows gathered outside its transaction, in the dataset's own shape: only the step that makes
 * them the dataset's (a rename, or one insert) runs inside it. Batches staged inside a transaction stay in
 * memory until it ends, even once dropped.
 */
export const loadTable = (sourceId: number) => `dd_load_${sourceId}`;

export const renameTableSql = (from: string, to: string) =>
  `ALTER TABLE ${ident(from)} RENAME TO ${ident(to)}`;

/** A load table's rows appended to the dataset's table, column by column. */
export function appendLoadedSql(load: string, table: string, columns: readonly string[]): string {
  const names = [LINEAGE.source, LINEAGE.row, ...columns].map(ident).join(', ');
  return `INSERT INTO ${ident(table)} (${names}) SELECT ${names} FROM ${ident(load)}`;
}
