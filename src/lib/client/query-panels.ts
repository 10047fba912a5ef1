import { rowsFromArrow } from '$lib/arrow-rows';
import { QUERY_PANEL_ROWS, type QueryPanel, type QueryPanelDefinition } from '$lib/report/query-panel';
import {
  chartDataFromRows,
  chartDataSql,
  CHART_POINTS,
  rowCountSql,
  type ChartData,
  type ChartSpec,
} from '$lib/sql-console/chart-sql';
import { plainRows, queryResult, type QueryResult } from '$lib/sql-console/result-table';
import { runSql } from './engine';

/** The console's limits: a million rows or 256 MB reach the page, whichever comes first. */
export const RESULT_LIMITS = { maxRows: 1_000_000, maxBytes: 256 * 1024 * 1024 };

export async function runQuery(sql: string, limits = RESULT_LIMITS, id?: number): Promise<QueryResult> {
  const { arrow, truncated, ms } = await runSql(sql, limits, id);
  return await queryResult(sql, arrow, limits.maxRows, truncated, ms);
}

/** The points of a chart of the query, computed by DuckDB in the worker. */
export async function chartData(sql: string, spec: ChartSpec, id?: number): Promise<ChartData> {
  const limit = CHART_POINTS[spec.type] + 1;
  const limits = { maxRows: limit, maxBytes: 64 * 1024 * 1024 };
  const { arrow } = await runSql(chartDataSql(sql, spec), limits, id);
  return chartDataFromRows(spec, rowsFromArrow(arrow));
}

export function panelFrom(
  definition: QueryPanelDefinition,
  result: QueryResult,
  data: ChartData,
  createdAt = new Date().toISOString(),
): QueryPanel {
  return {
    ...definition,
    data,
    columns: result.columns.map(({ name, kind }) => ({ name, kind })),
    rows: plainRows(result, QUERY_PANEL_ROWS),
    rowCount: result.rows,
    truncated: result.truncated,
    createdAt,
  };
}

/** Runs a kept panel's query again over the data loaded now: its first rows, its points, its row count. */
export async function computePanel(definition: QueryPanelDefinition): Promise<QueryPanel> {
  const result = await runQuery(definition.sql, { maxRows: QUERY_PANEL_ROWS, maxBytes: 16 * 1024 * 1024 });
  const data = await chartData(definition.sql, definition.chart);
  const counted = rowsFromArrow((await runSql(rowCountSql(definition.sql), COUNT_LIMITS)).arrow)[0];
  return {
    ...panelFrom(definition, result, data),
    rowCount: Number(counted?.dd_rows ?? 0),
    truncated: false,
  };
}

const COUNT_LIMITS = { maxRows: 1, maxBytes: 1024 * 1024 };
