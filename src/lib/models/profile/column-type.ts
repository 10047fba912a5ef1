import { ident, integer } from '../sql';
import type { Row } from '$lib/engine/sql-runner';

/** What a column's values are, judged over the whole column (every value is read as text first). */
export type ColumnType = 'integer' | 'decimal' | 'date' | 'timestamp' | 'boolean' | 'text';

/** The share of non-empty values that must convert for a column to take a type; the rest are "unparsed". */
export const TYPE_SHARE = 0.9;

const BOOLEAN_WORDS = `('true', 'false', 't', 'f', 'yes', 'no', 'y', 'n')`;
/** Cheap guards first, so TRY_CAST (slow when it fails) only sees values that can be numbers or dates. */
const numberLike = (v: string) => `ascii(${v}) BETWEEN 43 AND 57`;

/**
 * How many of the first rows convert to each type, per column: a cheap look that picks each column's
 * candidate type; the profile then checks the candidate over the whole column.
 */
export const SAMPLE_ROWS = 5000;

/**
 * One row per column (`name`): of its first rows, how many values are not empty and how many convert to
 * each type. The columns are unpivoted into (name, value) pairs and grouped, so the statement has the
 * same handful of aggregates at any width: one aggregate set per column made a statement DuckDB-WASM
 * could not hold at 200 columns, and its planning grew with the width.
 */
export function sampleTypesSql(table: string, columns: readonly string[], rows = SAMPLE_ROWS): string {
  const v = 'v';
  // CASE, not FILTER: DuckDB evaluates an aggregate's argument on every row, filtered or not.
  const converts = (type: string, guard: string) =>
    `count(CASE WHEN ${guard} THEN try_cast(${v} AS ${type}) END)`;
  return `SELECT name, count(${v}) AS n,
      ${converts('BIGINT', `${numberLike(v)} AND NOT contains(${v}, '.')`)} AS int,
      ${converts('DOUBLE', numberLike(v))} AS dec,
      ${converts('TIMESTAMP', `${numberLike(v)} AND length(${v}) BETWEEN 8 AND 10`)} AS date,
      ${converts('TIMESTAMP', `${numberLike(v)} AND length(${v}) BETWEEN 11 AND 40`)} AS ts,
      count(*) FILTER (lower(${v}) IN ${BOOLEAN_WORDS}) AS bool
    FROM ${sampleValuesSql(table, columns, rows)}
    GROUP BY name`;
}

/**
 * The first rows' values as (name, v) pairs, empty ones NULL: grouped by name, a query asks the same
 * few aggregates of every column, whatever the width.
 */
export function sampleValuesSql(table: string, columns: readonly string[], rows = SAMPLE_ROWS): string {
  const sample = `SELECT ${columns.map(ident).join(', ')} FROM ${ident(table)} LIMIT ${integer(rows)}`;
  return `(SELECT name, nullif(trim(value), '') AS v
    FROM (UNPIVOT (${sample}) ON COLUMNS(*) INTO NAME name VALUE value))`;
}

/** How many rows a table has. */
export function rowCountSql(table: string): string {
  return `SELECT count(*) AS rows FROM ${ident(table)}`;
}

/** The per-column rows of `sampleTypesSql` as one row keyed by column position (`n0`, `int0`…). */
export function typeCounts(rows: readonly Row[], columns: readonly string[]): Row {
  const byName = new Map(rows.map((r) => [String(r.name), r]));
  const counts: Row = {};
  for (const [i, column] of columns.entries()) {
    const row = byName.get(column);
    for (const key of ['n', 'int', 'dec', 'date', 'ts', 'bool']) counts[`${key}${i}`] = row?.[key] ?? 0;
  }
  return counts;
}

/**
 * The strictest type most values fit; a column of only empty values is text. Guessing roles takes a
 * lower share: a cost column with a few N/A among few rows is still the amount.
 */
export function inferTypes(row: Row | undefined, count: number, share = TYPE_SHARE): ColumnType[] {
  const num = (key: string) => Number(row?.[key] ?? 0);
  return Array.from({ length: count }, (_, i): ColumnType => {
    const n = num(`n${i}`);
    if (n === 0) return 'text';
    const fits = (key: string) => num(key) >= share * n;
    if (fits(`int${i}`)) return 'integer';
    if (fits(`dec${i}`)) return 'decimal';
    if (fits(`date${i}`)) return 'date';
    if (num(`date${i}`) + num(`ts${i}`) >= share * n) return 'timestamp';
    if (fits(`bool${i}`)) return 'boolean';
    return 'text';
  });
}

/** The SQL type values of a column are converted to for its profile and its role. */
export const SQL_TYPE: Record<ColumnType, string | null> = {
  integer: 'BIGINT',
  decimal: 'DOUBLE',
  date: 'TIMESTAMP',
  timestamp: 'TIMESTAMP',
  boolean: 'BOOLEAN',
  text: null,
};
