import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { exportRowsSql } from '$lib/models/metrics/export-rows-sql';
import { writeParquetFile } from './formats/parquet-source';
import type { RowsExportRequest } from './api';
import { columnsSql, datasetsSql } from '$lib/models/dataset/build-dataset-sql';
import {
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
import { kpisSql } from '$lib/models/metrics/metrics-sql';
import { pickSource, type ModelCubes } from './model-cubes';
import { leaderboardSql, LEADERBOARD_ROWS } from '$lib/panels/leaderboard/leaderboard-sql';
import { pairPanel } from '$lib/panels/pair/pair-rows';
import { pairSql } from '$lib/panels/pair/pair-sql';
import { timeseriesSql } from '$lib/panels/timeseries/timeseries-sql';
import type { Row, SqlRunner } from './sql-runner';

/** A dataset's table and columns, as the catalog lists them. */
async function datasetTable(db: SqlRunner, datasetId: number) {
  // Rows as the sources count them: a count(*) of the table would read it.
  const dataset = (await db.rows(datasetsSql())).find((d) => Number(d.dataset_id) === datasetId);
  if (!dataset) throw new Error('That dataset is no longer loaded.');
  const columns = (await db.rows(columnsSql(datasetId))).map((c) => ({
    name: String(c.name),
    column: String(c.column_name),
  }));
  return { table: String(dataset.table_name), rows: Number(dataset.rows ?? 0), columns };
}

/**
 * The model of a dataset from its first rows (types, how varied each column is, dates in any common
 * form), in batches of columns whatever the width; the time column's span over the whole table sets
 * its grain.
 */
export async function inferMetricsModel(db: SqlRunner, datasetId: number): Promise<MetricsModel> {
  const { table, rows, columns } = await datasetTable(db, datasetId);
  const byColumn = new Map(
    (
      await db.rows(
        columnFactsSql(
          table,
          columns.map((c) => c.column),
        ),
      )
    ).map((r) => [String(r.name), r]),
  );
  const facts: ColumnFacts[] = columns.map((c) => factsFromRow(byColumn.get(c.column), c.name, c.column));
  const maybeTimes = facts.filter(mayBeTime);
  if (maybeTimes.length > 0) {
    const sql = timeFormatsSql(
      table,
      maybeTimes.map((f) => f.column),
    );
    const formats = new Map((await db.rows(sql)).map((r) => [String(r.name), r]));
    for (const f of maybeTimes) f.formats = formatsFromRow(formats.get(f.column));
  }
  const { timeColumn, ...model } = inferModel(facts, rows);
  const time = columnOf({ ...model, time: null }, timeColumn);
  if (!time) return { ...model, time: null };
  const [span] = await db.rows(timeSpanSql(table, time));
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
  const sources = await cubes.sources(table, request.datasetId, model, filters);
  // The measures the cube holds are read from it, the others (a distinct count of a user id) from the rows.
  const indexed = model.measures.map((m, index) => ({ index, measure: m }));
  const parts = [
    indexed.filter((m) => pickSource(sources, [], [m.measure]) !== sources.scan),
    indexed.filter((m) => pickSource(sources, [], [m.measure]) === sources.scan),
  ].filter((part) => part.length > 0);
  const kpiRow: Row = {};
  for (const part of parts) {
    const source = pickSource(
      sources,
      [],
      part.map((m) => m.measure),
    );
    Object.assign(kpiRow, (await db.rows(kpisSql(source, part, filters, files)))[0]);
  }
  const leaderboards = [];
  for (const dimension of model.dimensions) {
    const limit = request.expanded?.includes(dimension) ? 100_000 : LEADERBOARD_ROWS;
    const source = pickSource(sources, [dimension], [measure]);
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
  let series: MetricsPanels['series'] = null;
  if (model.time) {
    const periods = new Map<string, Row>();
    for (const part of parts) {
      const sql = timeseriesSql(
        pickSource(
          sources,
          [],
          part.map((m) => m.measure),
        ),
        model,
        part,
        filters,
        files,
      );
      for (const r of sql === null ? [] : await db.rows(sql)) {
        const period = String(r.period);
        periods.set(period, { ...periods.get(period), ...r });
      }
    }
    const points = [...periods.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([period, r]) => ({ period, values: model.measures.map((_, i) => numberOrNull(r[`m${i}`])) }));
    series = { column: model.time.column, grain: model.time.grain, points };
  }
  const pair = request.pair ?? null;
  const pairRows =
    pair && model.dimensions.includes(pair.rows) && model.dimensions.includes(pair.columns)
      ? await db.rows(
          pairSql(
            pickSource(sources, [pair.rows, pair.columns], [measure]),
            pair.rows,
            pair.columns,
            measure,
            filters,
            files,
          ),
        )
      : null;
  return {
    rows: Number(kpiRow?.rows ?? 0),
    kpis: model.measures.map((_, i) => numberOrNull(kpiRow?.[`m${i}`])),
    leaderboards,
    series,
    pair: pair && pairRows ? pairPanel(pair.rows, pair.columns, measure.key, pairRows) : null,
  };
}

/** A dataset's rows under the dashboard's filters, as CSV (written by DuckDB) or Parquet (parquet-wasm). */
export async function exportRows(
  db: SqlRunner & { arrow(sql: string): Uint8Array },
  writeCsv: (sql: string) => Promise<Uint8Array>,
  request: RowsExportRequest,
): Promise<Uint8Array> {
  const { table } = await datasetTable(db, request.datasetId);
  const sql = exportRowsSql(table, request.model, request.filters, request.files, request.format);
  if (request.format !== 'parquet') return writeCsv(sql);
  // parquet-wasm refuses DuckDB's result bytes as they come ("failed to fill whole buffer"); written out
  // again by apache-arrow, it takes them.
  return writeParquetFile(tableToIPC(tableFromIPC(db.arrow(sql)), 'stream'));
}
