import { ident, integer } from '../sql';
import type { ColumnType } from './column-type';

/** A column to profile and the type its first rows suggest. */
export interface ProfileInput {
  column: string;
  candidate: ColumnType;
}

/** A typed value for statistics: numbers as DOUBLE, times as epoch seconds, so both can be binned. */
export function typedValue(column: string, type: ColumnType): string | null {
  const c = ident(column);
  if (type === 'integer' || type === 'decimal') return `try_cast(${c} AS DOUBLE)`;
  if (type === 'date' || type === 'timestamp') return `epoch(try_cast(${c} AS TIMESTAMP))`;
  return null;
}

/** Up to this many rows, distinct counts are exact; past it, HyperLogLog estimates (a few % off). */
export const EXACT_DISTINCT_ROWS = 250_000;

/**
 * Every column's statistics in one pass over the table: non-empty and distinct counts (estimated at
 * scale), text min and max, and for a column whose first rows look typed, how many of all its values
 * convert and their typed min and max.
 */
export function profileStatsSql(
  table: string,
  columns: readonly ProfileInput[],
  { exact }: { exact: boolean } = { exact: true },
): string {
  const parts = columns.map(({ column, candidate }, i) => {
    const c = ident(column);
    const distinct = exact ? `count(DISTINCT ${c})` : `approx_count_distinct(${c})`;
    const base = `count(${c}) AS n${i}, ${distinct} AS d${i}, min(${c}) AS tlo${i}, max(${c}) AS thi${i}`;
    const typed = typedValue(column, candidate);
    if (typed === null) return base;
    const whole =
      candidate === 'integer'
        ? `, count(try_cast(${c} AS BIGINT)) FILTER (NOT contains(${c}, '.')) AS int${i}`
        : '';
    return `${base}, count(${typed}) AS ok${i}, min(${typed}) AS lo${i}, max(${typed}) AS hi${i}${whole}`;
  });
  return `SELECT count(*) AS rows, ${parts.join(',\n')} FROM ${ident(table)}`;
}

/** How a column's distribution is drawn: equal-width bins of its typed values, or its most common values. */
export type DistributionPlan =
  | { kind: 'bins'; column: string; type: ColumnType; lo: number; width: number; bins: number }
  | { kind: 'values'; column: string }
  | { kind: 'none' };

export const HISTOGRAM_BINS = 20;
/** Up to this many distinct values, a column's value counts come from the one distribution pass. */
export const SMALL_DISTINCT = 500;

/** Bins for a typed column: whole-number bins when an integer column spans few values. */
export function binPlan(column: string, type: ColumnType, lo: number, hi: number): DistributionPlan {
  if (type === 'integer' && hi - lo < HISTOGRAM_BINS) {
    return { kind: 'bins', column, type, lo, width: 1, bins: Math.max(1, hi - lo + 1) };
  }
  const width = hi > lo ? (hi - lo) / HISTOGRAM_BINS : 1;
  return { kind: 'bins', column, type, lo, width, bins: hi > lo ? HISTOGRAM_BINS : 1 };
}

export const sqlDouble = (value: number) => {
  if (!Number.isFinite(value)) throw new RangeError(`Expected a finite number for SQL, got ${value}`);
  return `${value}::DOUBLE`;
};

/**
 * One pass for every binned column and every column with few distinct values: bin or value → count,
 * as two parallel lists per column.
 */
export function distributionSql(table: string, plans: readonly DistributionPlan[]): string | null {
  const parts = plans.flatMap((plan, i) => {
    if (plan.kind === 'none') return [];
    if (plan.kind === 'values') return [`histogram(${ident(plan.column)}) AS h${i}`];
    const value = typedValue(plan.column, plan.type) as string;
    // least and greatest skip NULLs: values that do not convert are filtered out, not put in bin 0.
    const bin = `least(greatest(floor((${value} - ${sqlDouble(plan.lo)}) / ${sqlDouble(plan.width)}), 0), ${integer(plan.bins - 1)})::INTEGER`;
    return [`histogram(${bin}) FILTER (${value} IS NOT NULL) AS h${i}`];
  });
  if (parts.length === 0) return null;
  const lists = plans.flatMap((plan, i) =>
    plan.kind === 'none' ? [] : [`map_keys(h${i}) AS k${i}`, `map_values(h${i}) AS v${i}`],
  );
  return `SELECT ${lists.join(', ')} FROM (SELECT ${parts.join(', ')} FROM ${ident(table)})`;
}

/** The most common values of one column with many distinct values. */
export function topValuesSql(table: string, column: string, limit = 8): string {
  const c = ident(column);
  return `SELECT ${c} AS value, count(*) AS n FROM ${ident(table)} WHERE ${c} IS NOT NULL
    GROUP BY ${c} ORDER BY n DESC, value LIMIT ${integer(limit)}`;
}
