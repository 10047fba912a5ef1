import { EngineError } from '$lib/engine/errors';
import { LINEAGE } from '$lib/models/dataset/columns';
import { ident } from '$lib/models/sql';
import { defaultTitle, type QueryPanel } from '$lib/report/query-panel';
import type { ChartData, ChartSpec, ChartType } from '$lib/sql-console/chart-sql';
import type { SqlPosition } from '$lib/sql-console/error-position';
import type { QueryResult, ResultColumn } from '$lib/sql-console/result-table';
import { resultFileName, type ResultFormat } from '$lib/sql-console/result-file';
import { defaultTable, type SchemaTable } from '$lib/sql-console/schema';
import { cancelSql, downloadSql, nextSqlId, sqlSchema } from './engine';
import { chartData, panelFrom, runQuery } from './query-panels';

export interface ConsoleError {
  message: string;
  position: SqlPosition | null;
}

const asConsoleError = (error: unknown): ConsoleError =>
  error instanceof EngineError
    ? { message: error.message, position: error.position ?? null }
    : { message: error instanceof Error ? error.message : String(error), position: null };

const isCancel = (error: unknown) => error instanceof EngineError && error.name === 'SqlCancelled';

/** The first text column as x and the first numeric one as y; a pie or bar counts rows when none is numeric. */
export function defaultSpec(all: readonly ResultColumn[], type: ChartType = 'bar'): ChartSpec | null {
  // Which file and row a value came from is bookkeeping, never what a chart should show first.
  const lineage: readonly string[] = Object.values(LINEAGE);
  const kept = all.filter((c) => !lineage.includes(c.name));
  const columns = kept.length > 0 ? kept : all;
  const numeric = columns.filter((c) => c.kind === 'number');
  const x =
    type === 'scatter' || type === 'line'
      ? (columns.find((c) => c.kind === 'temporal') ?? numeric[0] ?? columns[0])
      : (columns.find((c) => c.kind === 'text') ?? columns[0]);
  if (!x) return null;
  const y = numeric.find((c) => c.name !== x.name) ?? null;
  if ((type === 'line' || type === 'scatter') && !y) return null;
  return { type, x: x.name, xKind: x.kind, y: y?.name ?? null };
}

/** A bar chart when the result has a text column; a line over a date or a number otherwise. */
export function defaultChart(columns: readonly ResultColumn[]): ChartSpec | null {
  const categorical = columns.some((c) => c.kind === 'text' || c.kind === 'boolean');
  return (categorical ? null : defaultSpec(columns, 'line')) ?? defaultSpec(columns, 'bar');
}

/** The SQL console's state: the query, its result (Arrow), its error, and its chart. */
export class SqlConsoleState {
  sql = $state('');
  running = $state(false);
  result = $state.raw<QueryResult | null>(null);
  error = $state.raw<ConsoleError | null>(null);
  /** The result shown is of an earlier query: the latest failed or was cancelled. */
  stale = $state(false);
  /** Said when a query was cancelled. */
  info = $state<string | null>(null);
  schema = $state.raw<SchemaTable[]>([]);
  spec = $state.raw<ChartSpec | null>(null);
  chart = $state.raw<{ spec: ChartSpec; data: ChartData } | null>(null);
  charting = $state(false);
  chartError = $state<string | null>(null);

  /** The engine's id of the download being written, so it can be cancelled. */
  private downloading: number | null = null;
  private chartRequest = 0;
  private runningQuery: number | null = null;
  /** The engine's id of the chart query in flight: a new run or chart stops it instead of waiting. */
  private chartQuery: number | null = null;

  async loadSchema(): Promise<void> {
    await this.refreshSchema();
    const table = defaultTable(this.schema);
    if (this.sql === '' && table) this.sql = `SELECT *\nFROM ${ident(table.name)}\nLIMIT 1000`;
  }

  private async refreshSchema(): Promise<void> {
    try {
      this.schema = await sqlSchema();
    } catch {
      // completion goes on with the names it had
    }
  }

  async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.error = null;
    this.info = null;
    const sql = this.sql;
    this.stopChart();
    const query = nextSqlId();
    this.runningQuery = query;
    try {
      const result = await runQuery(sql, undefined, query);
      this.result = result;
      this.stale = false;
      this.chart = null;
      this.chartError = null;
      const keep = this.spec && result.columns.some((c) => c.name === this.spec?.x) ? this.spec : null;
      this.spec = keep ?? defaultChart(result.columns);
      if (this.spec) void this.drawChart(this.spec);
    } catch (error) {
      this.stale = this.result !== null;
      if (isCancel(error)) this.info = 'The query was cancelled. The data and the dashboard are unchanged.';
      else this.error = asConsoleError(error);
    } finally {
      this.running = false;
      this.runningQuery = null;
    }
    // Tables come and go with loads: completion follows.
    void this.refreshSchema();
  }

  cancel(): void {
    if (this.runningQuery !== null) void cancelSql(this.runningQuery);
  }

  /** Every row of the shown result's query as a file, named for the table it reads. */
  async download(format: ResultFormat): Promise<{ name: string; bytes: Uint8Array; rows: number } | null> {
    const result = this.result;
    if (!result) return null;
    const query = nextSqlId();
    this.downloading = query;
    try {
      const file = await downloadSql(result.sql, format, query);
      return { ...file, name: resultFileName(result.sql, this.schema, format) };
    } catch (error) {
      if (isCancel(error)) return null;
      throw new Error(asConsoleError(error).message, { cause: error });
    } finally {
      this.downloading = null;
    }
  }

  cancelDownload(): void {
    if (this.downloading !== null) void cancelSql(this.downloading);
  }

  async drawChart(spec: ChartSpec): Promise<void> {
    const result = this.result;
    if (!result) return;
    this.stopChart();
    const request = ++this.chartRequest;
    const query = nextSqlId();
    this.chartQuery = query;
    this.spec = spec;
    this.charting = true;
    this.chartError = null;
    try {
      const data = await chartData(result.sql, spec, query);
      if (request === this.chartRequest) this.chart = { spec, data };
    } catch (error) {
      if (request === this.chartRequest && !isCancel(error)) this.chartError = asConsoleError(error).message;
    } finally {
      if (request === this.chartRequest) {
        this.charting = false;
        this.chartQuery = null;
      }
    }
  }

  private stopChart(): void {
    if (this.chartQuery !== null) void cancelSql(this.chartQuery);
    this.chartQuery = null;
  }

  /** The current query and chart as a dashboard panel. */
  panel(title: string): QueryPanel | null {
    if (!this.result || !this.chart) return null;
    const { spec, data } = this.chart;
    const id = `q${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    return panelFrom(
      { id, title: title.trim() || defaultTitle(spec), sql: this.result.sql, chart: spec },
      this.result,
      data,
    );
  }
}
