import { columnOf, type MetricsModel } from '$lib/models/metrics/metrics-model';
import type { MetricsFilter } from '$lib/models/metrics/metrics-filters';
import { measureSql, valueSql, whereSql } from '$lib/models/metrics/metrics-sql';
import { ident, literal } from '$lib/models/sql';

/**
 * Every measure per period of the time column, at the model's grain, under every filter but the time
 * column's own (the series keeps its whole span; the brushed part is marked on it). Rows without a time
 * are left out and counted apart.
 */
export function timeseriesSql(
  table: string,
  model: MetricsModel,
  filters: readonly MetricsFilter[],
  files: readonly number[] | null,
): string | null {
  if (!model.time) return null;
  const column = columnOf(model, model.time.column);
  if (!column || column.type !== 'time') return null;
  const time = valueSql(column);
  const measures = model.measures.map((m, i) => `${measureSql(model, m)} AS m${i}`);
  const where = whereSql(model, filters, files, column.name);
  const bucket = `date_trunc(${literal(model.time.grain)}, ${time})`;
  return `SELECT strftime(${bucket}, '%Y-%m-%dT%H:%M:%S') AS period, ${measures.join(', ')}
    FROM ${ident(table)} ${where === '' ? 'WHERE' : `${where} AND`} ${time} IS NOT NULL
    GROUP BY ALL ORDER BY period`;
}
