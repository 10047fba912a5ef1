import type { Measure } from '$lib/models/metrics/metrics-model';
import type { MetricsFilter } from '$lib/models/metrics/metrics-filters';
import type { MetricsSource } from '$lib/models/metrics/metrics-source';
import { integer } from '$lib/models/sql';

/** The heat map shows this many values of each side, the leading ones by the measure. */
export const PAIR_ROWS = 12;
export const PAIR_COLUMNS = 20;
/** "Leaders within each" lists this many values of the first dimension. */
export const LEADER_ROWS = 50;

const ranked = (
  source: MetricsSource,
  dimension: string,
  measure: Measure,
  where: string,
  limit: number,
) => `SELECT ${source.group(dimension)} AS value FROM ${source.from} ${where} GROUP BY ALL
  ORDER BY ${source.measure(measure)} DESC NULLS LAST, value ASC NULLS LAST LIMIT ${integer(limit)}`;

/**
 * Two dimensions against each other under every filter but theirs: the measure per pair of values, for
 * the leading values of each side (`kind = 'cell'`), and for each leading value of the first, every value
 * of the second that ties for the top (`kind = 'leader'`).
 */
export function pairSql(
  source: MetricsSource,
  rows: string,
  columns: string,
  measure: Measure,
  filters: readonly MetricsFilter[],
  files: readonly number[] | null,
): string {
  const others = filters.filter((f) => f.column !== rows && f.column !== columns);
  const where = source.where(others, files);
  return `WITH cells AS (
      SELECT ${source.group(rows)} AS a, ${source.group(columns)} AS b, ${source.measure(measure)} AS measure
      FROM ${source.from} ${where} GROUP BY ALL),
    top_a AS (${ranked(source, rows, measure, where, PAIR_ROWS)}),
    top_b AS (${ranked(source, columns, measure, where, PAIR_COLUMNS)}),
    lead_a AS (${ranked(source, rows, measure, where, LEADER_ROWS)}),
    leaders AS (
      SELECT a, b, measure, max(measure) OVER (PARTITION BY a) AS best
      FROM cells JOIN lead_a ON lead_a.value IS NOT DISTINCT FROM cells.a)
    SELECT 'cell' AS kind, a, b, measure FROM cells
      JOIN top_a ON top_a.value IS NOT DISTINCT FROM cells.a
      JOIN top_b ON top_b.value IS NOT DISTINCT FROM cells.b
    UNION ALL
    SELECT 'leader', a, b, measure FROM leaders WHERE measure IS NOT DISTINCT FROM best AND measure IS NOT NULL
    ORDER BY kind, a NULLS LAST, b NULLS LAST`;
}
