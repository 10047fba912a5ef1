import { LINEAGE } from '../dataset/columns';
import { ident, integer, literal } from '../sql';
import { columnOf, type Measure, type MetricsModel, type ModelColumn } from './metrics-model';
import type { MetricsFilter } from './metrics-filters';

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

/**
 * Sums are exact: each value is read as a decimal with room for a few more places than the sample
 * showed, summed, then handed over as the double nearest to the exact total.
 */
const SUM_SCALE_MAX = 12;
export const sumScale = (column: ModelColumn) => Math.min(SUM_SCALE_MAX, column.scale + 2);

function needColumn(model: MetricsModel, name: string | null): ModelColumn {
  const column = columnOf(model, name);
  if (!column) throw new Error(`The model has no column named ${JSON.stringify(name)}.`);
  return column;
}

/** The aggregate for a measure, as a DOUBLE (or NULL over no values). */
export function measureSql(model: MetricsModel, measure: Measure): string {
  if (measure.aggregation === 'count') return 'count(*)::DOUBLE';
  const column = needColumn(model, measure.column);
  if (measure.aggregation === 'distinct') return `count(DISTINCT ${groupSql(column)})::DOUBLE`;
  if (column.type !== 'integer' && column.type !== 'decimal') {
    throw new Error(`${measure.label}: ${column.name} is not a number column.`);
  }
  if (measure.aggregation === 'sum') {
    const exact = `try_cast(trim(${ident(column.column)}) AS DECIMAL(38, ${integer(sumScale(column))}))`;
    return `sum(${exact})::DOUBLE`;
  }
  return `${measure.aggregation}(${valueSql(column)})::DOUBLE`;
}

const inList = (value: string, values: readonly string[]) =>
  values.length === 0 ? 'false' : `${value} IN (${values.map(literal).join(', ')})`;

function filterCondition(model: MetricsModel, filter: MetricsFilter): string {
  const column = needColumn(model, filter.column);
  if (filter.kind === 'values') {
    const value = groupSql(column);
    const texts = filter.values.filter((v): v is string => v !== null);
    const withNull = filter.values.includes(null);
    if (!filter.exclude) return `(${inList(value, texts)}${withNull ? ` OR ${value} IS NULL` : ''})`;
    const kept = withNull ? `${value} IS NULL` : `${value} IS NULL`;
    return texts.length === 0
      ? `(${kept})`
      : withNull
        ? `(${kept} AND NOT ${inList(value, texts)})`
        : `(${kept} OR NOT ${inList(value, texts)})`;
  }
  const value = valueSql(column);
  if (filter.kind === 'time') {
    return `(${value} >= ${literal(filter.from)}::TIMESTAMP AND ${value} < ${literal(filter.to)}::TIMESTAMP)`;
  }
  const number = (n: number) => {
    if (!Number.isFinite(n)) throw new RangeError(`Expected a finite number for SQL, got ${n}`);
    return `${n}::DOUBLE`;
  };
  return `(${value} BETWEEN ${number(filter.from)} AND ${number(filter.to)})`;
}

/**
 * The WHERE clause for the chosen files and every filter, but those on `except` (a panel of one column
 * keeps showing all of that column's values: the cross-filter's rule).
 */
export function whereSql(
  model: MetricsModel,
  filters: readonly MetricsFilter[],
  files: readonly number[] | null,
  except: string | null = null,
): string {
  const conditions = filters.filter((f) => f.column !== except).map((f) => filterCondition(model, f));
  if (files !== null)
    conditions.unshift(`${ident(LINEAGE.source)} IN (${[-1, ...files].map(integer).join(', ')})`);
  return conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
}

/** Every measure under the filters, in one pass: one row, `m0`, `m1`… in the model's order. */
export function kpisSql(
  table: string,
  model: MetricsModel,
  filters: readonly MetricsFilter[],
  files: readonly number[] | null,
): string {
  const measures = model.measures.map((m, i) => `${measureSql(model, m)} AS m${i}`);
  return `SELECT ${['count(*) AS rows', ...measures].join(', ')} FROM ${ident(table)} ${whereSql(model, filters, files)}`;
}
