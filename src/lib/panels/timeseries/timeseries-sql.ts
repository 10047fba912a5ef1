import type { MetricsModel } from '$lib/models/metrics/metrics-model';
import type { MetricsFilter } from '$lib/models/metrics/metrics-filters';
import type { IndexedMeasure } from '$lib/models/metrics/metrics-sql';
import type { MetricsSource } from '$lib/models/metrics/metrics-source';
import { integer } from '$lib/models/sql';

/**
 * Every measure per period of the time column, at the model's grain, under every filter but the time
 * column's own (the series keeps its whole span; the brushed part is marked on it). Rows without a time
 * are left out.
 */
export function timeseriesSql(
  source: MetricsSource,
  model: MetricsModel,
  measured: readonly IndexedMeasure[],
  filters: readonly MetricsFilter[],
  files: readonly number[] | null,
): string | null {
  const period = source.period();
  if (!model.time || period === null) return null;
  const measures = measured.map(({ index, measure }) => `${source.measure(measure)} AS m${integer(index)}`);
  const where = source.where(filters, files, model.time.column);
  return `SELECT strftime(${period}, '%Y-%m-%dT%H:%M:%S') AS period, ${measures.join(', ')}
    FROM ${source.from} ${where === '' ? 'WHERE' : `${where} AND`} ${period} IS NOT NULL
    GROUP BY ALL ORDER BY period`;
}
