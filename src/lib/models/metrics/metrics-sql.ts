import { ident, literal } from '../sql';
import type { MetricsFilter } from './metrics-filters';
import type { MetricsModel, ModelColumn } from './metrics-model';
import type { MetricsSource } from './metrics-source';

/**
 * The typed value of a column, read from the dataset table's text: numbers as DOUBLE, times as
 * TIMESTAMP, anything grouped as its trimmed text (empty is missing).
 */
export function valueSql(column: ModelColumn): string {
  const c = ident(column.column);
  if (column.type === 'integer' || column.type === 'decimal') return `try_cast(trim(${c}) AS DOUBLE)`;
  if (column.type === 'time') {
    return column.timeFormat === null
      ? `try_cast(trim(${c}) AS TIMESTAMP)`
      : `try_strptime(trim(${c}), ${literal(column.timeFormat)})`;
  }
  return groupSql(column);
}

/** A value as a leaderboard groups it: the text as the file has it, trimmed; empty is missing. */
export const groupSql = (column: ModelColumn) => `nullif(trim(${ident(column.column)}), '')`;

/** Every measure under the filters, in one pass: one row, `m0`, `m1`… in the model's order. */
export function kpisSql(
  source: MetricsSource,
  model: MetricsModel,
  filters: readonly MetricsFilter[],
  files: readonly number[] | null,
): string {
  const count = source.measure({
    key: 'count',
    aggregation: 'count',
    column: null,
    label: '',
    format: 'plain',
  });
  const measures = model.measures.map((m, i) => `${source.measure(m)} AS m${i}`);
  return `SELECT ${[`${count} AS rows`, ...measures].join(', ')} FROM ${source.from} ${source.where(filters, files)}`;
}
