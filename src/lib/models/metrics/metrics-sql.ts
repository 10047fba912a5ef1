import { ident, integer, literal } from '../sql';
import type { MetricsFilter } from './metrics-filters';
import type { Measure, ModelColumn } from './metrics-model';
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

/** Measures with their place in the model's list: the columns come back as `m<index>`. */
export type IndexedMeasure = { index: number; measure: Measure };

/** Measures under the filters, in one pass: one row with the filtered row count and `m<index>` each. */
export function kpisSql(
  source: MetricsSource,
  measures: readonly IndexedMeasure[],
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
  const columns = measures.map(({ index, measure }) => `${source.measure(measure)} AS m${integer(index)}`);
  return `SELECT ${[`${count} AS rows`, ...columns].join(', ')} FROM ${source.from} ${source.where(filters, files)}`;
}
