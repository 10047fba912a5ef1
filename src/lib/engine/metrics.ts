import { columnsSql } from '$lib/models/dataset/build-dataset-sql';
import {
  COLUMNS_PER_QUERY,
  columnFactsSql,
  factsFromRow,
  formatsFromRow,
  grainFor,
  inferModel,
  mayBeTime,
  timeFormatsSql,
  timeSpanSql,
  type ColumnFacts,
} from '$lib/models/metrics/infer-model';
import { columnOf, type MetricsModel } from '$lib/models/metrics/metrics-model';
import type { MetricsPanels, MetricsRequest } from '$lib/models/metrics/metrics-panels';
import { kpisSql, valueSql } from '$lib/models/metrics/metrics-sql';
import type { ModelCubes } from './model-cubes';
import { datasetVersionsSql } from '$lib/models/restaurant/build-persist-sql';
import { ident } from '$lib/models/sql';
import { leaderboardSql, LEADERBOARD_ROWS } from '$lib/panels/leaderboard/leaderboard-sql';
import { timeseriesSql } from '$lib/panels/timeseries/timeseries-sql';
import type { SqlRunner } from './sql-runner';

/** A dataset's table and columns, as the catalog lists them. */
async function datasetTable(db: SqlRunner, datasetId: number) {
  const dataset = (await db.rows(datasetVersionsSql(null))).find((d) => Number(d.dataset_id) === datasetId);
  if (!dataset) throw new Error('That dataset is no longer loaded.');
  const columns = (await db.rows(columnsSql(datasetId))).map((c) => ({
    name: String(c.name),
    column: String(c.column_name),
  }));
  return { table: String(dataset.table_name), columns };
}

const batches = <T>(items: readonly T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * The model of a dataset from its first rows (types, how varied each column is, dates in any common
 * form), in batches of columns whatever the width; the time column's span over the whole table sets
 * its grain.
 */
export async function inferMetricsModel(db: SqlRunner, datasetId: number): Promise<MetricsModel> {
  const { table, columns } = await datasetTable(db, datasetId);
  const facts: ColumnFacts[] = [];
  for (const batch of batches(columns, COLUMNS_PER_QUERY)) {
    const [row] = await db.rows(
      columnFactsSql(
        table,
        batch.map((c) => c.column),
      ),
    );
    facts.push(...batch.map((c, i) => factsFromRow(row, i, c.name, c.column)));
  }
  const maybeTimes = facts.filter(mayBeTime);
  for (const batch of batches(maybeTimes, COLUMNS_PER_QUERY)) {
    const [row] = await db.rows(
      timeFormatsSql(
        table,
        batch.map((f) => f.column),
      ),
    );
    batch.forEach((f, i) => (f.formats = formatsFromRow(row, i)));
  }
  const [count] = await db.rows(`SELECT count(*) AS n FROM ${ident(table)}`);
  const { timeColumn, ...model } = inferModel(facts, Number(count?.n ?? 0));
  const time = columnOf({ ...model, time: null }, timeColumn);
  if (!time) return { ...model, time: null };
  const [span] = await db.rows(timeSpanSql(table, valueSql(time)));
  const grain = grainFor((span?.lo as string | null) ?? null, (span?.hi as string | null) ?? null);
  return { ...model, time: { column: time.name, grain } };
}

const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/** Every panel of the model dashboard under the filters, in one call: the worker decides how to read them. */
export async function readMetricsPanels(
  db: SqlRunner,
  cubes: ModelCubes,
  request: MetricsRequest,
): Promise<MetricsPanels> {
  const { model, filters, files } = request;
  const { table } = await datasetTable(db, request.datasetId);
  const measure = model.measures.find((m) => m.key === request.measure) ?? model.measures[0];
  if (!measure) throw new Error('The model has no measure.');
  const source = await cubes.source(table, request.datasetId, model, filters);
  const [kpiRow] = await db.rows(kpisSql(source, model, filters, files));
  const leaderboards = [];
  for (const dimension of model.dimensions) {
    const limit = request.expanded?.includes(dimension) ? 100_000 : LEADERBOARD_ROWS;
    const rows = await db.rows(leaderboardSql(source, dimension, measure, filters, files, limit));
    leaderboards.push({
      column: dimension,
      measure: measure.key,
      rows: rows.map((r) => ({
        value: r.value === null ? null : String(r.value),
        measure: numberOrNull(r.measure),
        rank: Number(r.rank),
      })),
      total: numberOrNull(rows[0]?.total),
      values: Number(rows[0]?.values ?? 0),
    });
  }
  const seriesSql = timeseriesSql(source, model, filters, files);
  const series =
    seriesSql === null || model.time === null
      ? null
      : {
          column: model.time.column,
          grain: model.time.grain,
          points: (await db.rows(seriesSql)).map((r) => ({
            period: String(r.period),
            values: model.measures.map((_, i) => numberOrNull(r[`m${i}`])),
          })),
        };
  return {
    rows: Number(kpiRow?.rows ?? 0),
    kpis: model.measures.map((_, i) => numberOrNull(kpiRow?.[`m${i}`])),
    leaderboards,
    series,
  };
}
