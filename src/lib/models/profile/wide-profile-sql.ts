import type { Row } from '$lib/engine/sql-runner';
import { ident, integer, literal } from '../sql';
import { sqlDouble, typedValue, type DistributionPlan, type ProfileInput } from './build-profile-sql';

/**
 * The profile's whole-table passes for a wide table: the columns UNPIVOTed into (name, value) rows and
 * grouped by name, so a statement asks the same few aggregates whatever the width. One aggregate set per
 * column costs DuckDB planning time per column (some 11 ms natively) and runs DuckDB-WASM out of memory
 * past about 200 columns. Each column's own parameters (its type, its bins) join in from a VALUES list.
 * The figures equal those of `profileStatsSql` and `distributionSql`, read back into their row shape.
 */

const values = (table: string, columns: readonly string[]) =>
  `(SELECT name, value AS v FROM (UNPIVOT (SELECT ${columns.map(ident).join(', ')} FROM ${ident(table)})
    ON COLUMNS(*) INTO NAME name VALUE value))`;

const kindOf = (type: ProfileInput['candidate']) =>
  type === 'integer' || type === 'decimal'
    ? 'number'
    : type === 'date' || type === 'timestamp'
      ? 'time'
      : 'text';

/** The typed value of `v` for a column of `kind` (as `typedValue` gives it), NULL for text. */
const typed = `CASE p.kind WHEN 'number' THEN ${typedValue('v', 'decimal')} WHEN 'time' THEN ${typedValue('v', 'date')} END`;

/** Per column: non-empty and distinct counts, text min and max, and typed counts, min and max. */
export function wideStatsSql(
  table: string,
  columns: readonly ProfileInput[],
  { exact }: { exact: boolean } = { exact: true },
): string {
  const params = columns.map(
    (c) => `(${literal(c.column)}, ${literal(kindOf(c.candidate))}, ${c.candidate === 'integer'})`,
  );
  const distinct = exact ? 'count(DISTINCT v)' : 'approx_count_distinct(v)';
  return `SELECT name, count(v) AS n, ${distinct} AS d, min(v) AS tlo, max(v) AS thi,
      count(t) AS ok, min(t) AS lo, max(t) AS hi,
      count(try_cast(v AS BIGINT)) FILTER (whole AND NOT contains(v, '.')) AS int
    FROM (SELECT name, v, ${typed} AS t, p.whole
      FROM ${values(
        table,
        columns.map((c) => c.column),
      )}
      JOIN (VALUES ${params.join(', ')}) p(name, kind, whole) USING (name))
    GROUP BY name`;
}

/** Per column with a plan: bin or value → count, as `distributionSql` counts them. */
export function wideDistributionSql(table: string, plans: readonly DistributionPlan[]): string | null {
  const params = plans.flatMap((plan) => {
    if (plan.kind === 'none') return [];
    if (plan.kind === 'values') return [`(${literal(plan.column)}, 'values', 0::DOUBLE, 1::DOUBLE, 1)`];
    const kind = plan.type === 'date' || plan.type === 'timestamp' ? 'time' : 'number';
    return [
      `(${literal(plan.column)}, '${kind}', ${sqlDouble(plan.lo)}, ${sqlDouble(plan.width)}, ${integer(plan.bins)})`,
    ];
  });
  if (params.length === 0) return null;
  // least and greatest skip NULLs: a value that does not convert would land in bin 0 without the CASE.
  const bin = `CASE WHEN ${typed} IS NOT NULL THEN
    least(greatest(floor((${typed} - p.lo) / p.width), 0), p.bins - 1)::INTEGER::VARCHAR END`;
  return `SELECT name, map_keys(h) AS k, map_values(h) AS v FROM (
      SELECT name, histogram(bin) AS h FROM (
        SELECT name, CASE p.kind WHEN 'values' THEN v ELSE ${bin} END AS bin
        FROM ${values(
          table,
          plans.flatMap((p) => (p.kind === 'none' ? [] : [p.column])),
        )}
        JOIN (VALUES ${params.join(', ')}) p(name, kind, lo, width, bins) USING (name))
      WHERE bin IS NOT NULL GROUP BY name)`;
}

/** Rows keyed by column name, as the one row keyed by position (`n0`, `k3`…) the profile reads. */
export function byPosition(rows: readonly Row[], columns: readonly string[], keys: readonly string[]): Row {
  const byName = new Map(rows.map((r) => [String(r.name), r]));
  const out: Row = {};
  for (const [i, column] of columns.entries()) {
    const row = byName.get(column);
    for (const key of keys) out[`${key}${i}`] = row?.[key] ?? null;
  }
  return out;
}
