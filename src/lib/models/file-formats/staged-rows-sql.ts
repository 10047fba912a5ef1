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
