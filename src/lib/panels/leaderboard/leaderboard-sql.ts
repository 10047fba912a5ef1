import type { Measure } from '$lib/models/metrics/metrics-model';
import type { MetricsFilter } from '$lib/models/metrics/metrics-filters';
import type { MetricsSource } from '$lib/models/metrics/metrics-source';
import { integer, literal } from '$lib/models/sql';

/** A leaderboard shows this many values until the user asks for all of them. */
export const LEADERBOARD_ROWS = 10;

/**
 * A dimension's values ranked by a measure (descending, then value ascending, missing last), under every
 * filter but the dimension's own, with the sum over all its values (for shares) and how many there are.
 * The first `limit` rows, and every selected value wherever it ranks.
 */
export function leaderboardSql(
  source: MetricsSource,
  dimension: string,
  measure: Measure,
  filters: readonly MetricsFilter[],
  files: readonly number[] | null,
  limit = LEADERBOARD_ROWS,
): string {
  const own = filters.find((f) => f.kind === 'values' && f.column === dimension);
  const selected = own?.kind === 'values' ? own.values : [];
  const texts = selected.filter((v): v is string => v !== null).map(literal);
  const keep = [
    `rank <= ${integer(limit)}`,
    ...(texts.length > 0 ? [`value IN (${texts.join(', ')})`] : []),
    ...(selected.includes(null) ? ['value IS NULL'] : []),
  ].join(' OR ');
  return `WITH groups AS (
      SELECT ${source.group(dimension)} AS value, ${source.measure(measure)} AS measure
      FROM ${source.from} ${source.where(filters, files, dimension)} GROUP BY ALL),
    ranked AS (
      SELECT value, measure, row_number() OVER (ORDER BY measure DESC NULLS LAST, value ASC NULLS LAST) AS rank
      FROM groups)
    SELECT value, measure, rank, (SELECT sum(measure) FROM groups) AS total, (SELECT count(*) FROM groups) AS values
    FROM ranked WHERE ${keep} ORDER BY rank`;
}
