/**
 * The worker contract: every call the main thread can make, with its argument and result types.
 * Both sides import this file; nothing else crosses the worker boundary.
 */
import type { Encoding } from '$lib/models/csv-read/encoding';
import type { ReadChoice } from '$lib/models/csv-read/read-decision';
import type { Narrowing } from '$lib/models/dataset/range';
import type { MetricsFilter } from '$lib/models/metrics/metrics-filters';
import type { MetricsModel } from '$lib/models/metrics/metrics-model';
import type { RowsFormat } from '$lib/models/metrics/export-rows-sql';
import type { MetricsPanels, MetricsRequest } from '$lib/models/metrics/metrics-panels';
import type { RememberedRoles, RoleMapping } from '$lib/models/dataset/roles';
import type { ColumnProfile } from '$lib/models/profile/profile-rows';
import type { SourceRecord } from '$lib/models/restaurant/build-ingest-sql';
import type { RangeCubeTables } from '$lib/models/restaurant/build-range-cube-sql';
import type { Scope } from '$lib/models/restaurant/build-dashboard-sql';
import type { RangePanel, RangePanelRows } from '$lib/models/restaurant/range-panels';
import type { ResultFormat } from '$lib/sql-console/result-file';
import type { SchemaTable } from '$lib/sql-console/schema';

export interface EngineInfo {
  duckdbVersion: string;
  bundle: 'eh' | 'mvp';
  /** Time to fetch, compile and open the database, in milliseconds. */
  startMs: number;
  /** DuckDB's memory budget as it reports it, e.g. "3.1 GiB"; a load that needs more fails cleanly. */
  memoryLimit: string;
  /** DuckDB's `threads` setting: 1 on the single-threaded bundles (EH, MVP). */
  threads: number;
}

export interface EngineOptions {
  /** A DuckDB memory limit such as "512MB" to leave room for other tabs; DuckDB's default otherwise. */
  memoryLimit?: string;
}

export interface IngestProgress {
  /**
   * Reading: DuckDB loading the file (its hash fed as it reads). Checking: hashing bytes on their own, to
   * rule out a loaded file of the same size, or the bytes the load skipped.
   */
  phase: 'checking' | 'reading';
  fileName: string;
  fileIndex: number;
  fileCount: number;
  bytesRead: number;
  bytesTotal: number;
  /** Bytes of every file in this drop, and how many of them have been read. */
  dropBytesRead: number;
  dropBytesTotal: number;
  elapsedMs: number;
}

/** A loaded file: what was recorded for it, and how long it took. */
/** How a file was read: what was decided from it, or what the user set in its read options. */
export interface ReadSettings {
  encoding: Encoding;
  /** null: one column. */
  delimiter: string | null;
  quote: string;
  escape: string;
  header: boolean;
  /** Lines skipped before the header (or the first record). */
  skip: number;
  /** Lines starting with `#` are skipped as comments. */
  comments: boolean;
}

export interface FileOutcome extends SourceRecord {
  ms: number;
  /** The number of columns the file's table has. */
  columns: number;
  /** A CSV file's reading, which its read options start from; other formats have none. */
  read?: ReadSettings;
  /** How a file that is not CSV was read, said to people: "Parquet, snappy, 3 row groups". */
  format?: string;
  /** The file started a dataset of its own (its columns matched no loaded dataset). */
  newDataset: boolean;
  /** What the user should know about how the file was read: why it is a new dataset, duplicate names. */
  notes: string[];
}

export interface RowsExportRequest {
  datasetId: number;
  model: MetricsModel;
  filters: MetricsFilter[];
  files: number[] | null;
  format: RowsFormat;
}

export interface IngestOptions {
  /** Roles the user chose before, by column signature; a new dataset with the same columns takes them. */
  remembered?: Record<string, RememberedRoles>;
  /** One loaded file read again with the user's read options: it replaces that file, all or nothing. */
  reread?: { sourceId: number; choice: ReadChoice };
}

export type FileResult =
  | ({ status: 'loaded' } & FileOutcome)
  | { status: 'failed' | 'cancelled' | 'skipped'; name: string; bytes: number; reason: string; ms: number };

export interface IngestReport {
  files: FileResult[];
  /** Every file dropped so far, newest first, kept with the data. */
  history: FileResult[];
}

export interface StorageInfo {
  /** opfs: kept in this browser between visits; memory: gone on reload, for `reason`. */
  kind: 'opfs' | 'memory';
  reason?: string;
  bytes: number;
  savedFiles: number;
  /** What DuckDB itself holds in memory now (`duckdb_memory()`), tables, cubes and buffers. */
  engineMemoryBytes: number;
}

export interface RestoreReport {
  history: FileResult[];
  /** Names of the files brought back. */
  restored: string[];
  problems: string[];
  storage: StorageInfo;
}

/** Arrow IPC stream bytes; transferred, not copied. */
export type ArrowBytes = Uint8Array;

/** How much of a console query's result crosses to the page; the rest is never built. */
export interface SqlLimits {
  maxRows: number;
  maxBytes: number;
}

export interface SqlRunResult {
  /** The rows as Arrow IPC stream bytes, transferred. */
  arrow: ArrowBytes;
  rows: number;
  /** True when the query had more rows than the limits let through. */
  truncated: boolean;
  ms: number;
}

/** Every row of a console query as a file's bytes (transferred), and how many rows that is. */
export interface SqlDownload {
  bytes: Uint8Array;
  rows: number;
}

/** How a range was narrowed: read from its column's range cube, or by a scan of the table. */
export type NarrowedBy = 'range cube' | 'scan' | 'none';

/** What `narrow` did, and the range cube the panels read the range from (none: the narrowed cube). */
export interface Narrowed {
  by: NarrowedBy;
  cube: RangeCubeTables | null;
}

/** A file this site serves, by its absolute URL (same origin: the page's CSP allows no other). */
export interface DataLink {
  url: string;
}

export interface EngineApi {
  start(options?: EngineOptions): Promise<EngineInfo>;
  /** Dropped files, and links to files this site serves (Parquet is read there by range requests). */
  ingest(
    files: (File | DataLink)[],
    onProgress: (progress: IngestProgress) => void,
    options?: IngestOptions,
  ): Promise<IngestReport>;
  /** Maps a dataset's columns to the dashboard's roles and rebuilds its cube (in one transaction). */
  setRoles(datasetId: number, roles: RoleMapping): Promise<void>;
  /**
   * Readies what the panels read for a range of one of the dataset's columns and a customer: the
   * column's range cube (built if missing, then read in place), or else the dataset's cube over the rows
   * in the range, scanned under its narrowed id; and a customer's (or such a range's) daily summary.
   * Panels read them by passing the range, the customer and the returned cube in their selection.
   */
  narrow(datasetId: number, narrowing: Narrowing): Promise<Narrowed>;
  /**
   * The panels a range narrows, for a scope read from a range cube (`narrow`'s), all in one call: from
   * the cube's rows held in memory when they are (a few plain rows cross, structured-cloned: there is no
   * query result to encode), else with each panel's query. `background` as for `query`.
   */
  rangePanels(scope: Scope, panels: readonly RangePanel[], background?: boolean): Promise<RangePanelRows>;
  /**
   * The dataset's metrics model, inferred from its values: dimensions, measures, the time column and
   * its grain. The page shows it, lets the user change it, and sends it back with `metricsPanels`.
   */
  metricsModel(datasetId: number): Promise<MetricsModel>;
  /**
   * Every panel of the model dashboard (KPIs, leaderboards, the time series) under the filters, in one
   * call; the worker decides how to read them.
   */
  metricsPanels(request: MetricsRequest): Promise<MetricsPanels>;
  /** Each column's type (judged over the whole column), null share, distinct count, range, distribution. */
  profile(datasetId: number): Promise<ColumnProfile[]>;
  /** Stops the running ingest; the file being read is rolled back, earlier files stay. */
  cancelIngest(): Promise<void>;
  /**
   * The user is filtering without asking the engine (figures read before): background work (a profile,
   * range cubes) steps aside all the same, so it does not slow the redraw.
   */
  interacting(): Promise<void>;
  /** Brings back the data kept in this browser; call once, after start. */
  restore(): Promise<RestoreReport>;
  /**
   * After the restore, a small load runs so the engine's code is compiled before the first real one
   * (`warm-up.ts`); any work the user waits for stops it. Resolves when it has run or stopped.
   */
  warmedUp(): Promise<'done' | 'stopped'>;
  /** Keeps every loaded file not yet kept, and the history; run after the dashboard is drawn. */
  save(): Promise<StorageInfo>;
  /**
   * A dashboard query. `background`: read ahead of the user (a restaurant not chosen yet), so it does not
   * hold the profile back the way a query the user waits for does.
   */
  query(sql: string, background?: boolean): Promise<ArrowBytes>;
  /** The result of a query as CSV bytes, written by DuckDB (quoting and escaping are its own). */
  exportCsv(sql: string): Promise<Uint8Array>;
  /**
   * A dataset's rows under the dashboard's filters and chosen files: CSV as loaded, CSV for a spreadsheet
   * (values that would run as formulas made text), or Parquet with the model's types.
   */
  exportRows(request: RowsExportRequest): Promise<Uint8Array>;
  /**
   * The SQL console: one statement that reads, run on its own connection in a read-only transaction;
   * errors carry DuckDB's message and `position` (where in the query it points).
   */
  runSql(sql: string, limits?: SqlLimits, id?: number): Promise<SqlRunResult>;
  /**
   * Stops the console query with this id (running or waiting its turn), or without one the query running;
   * the engine and the dashboard carry on.
   */
  cancelSql(id?: number): Promise<void>;
  /**
   * Every row of a console query (not only those `runSql` lets through) as CSV, Parquet or an Arrow file;
   * checked and run like `runSql`, and cancelled by its id the same way.
   */
  downloadSql(sql: string, format: ResultFormat, id?: number): Promise<SqlDownload>;
  /** The tables and views queries can read, with their columns, as they are now. */
  sqlSchema(): Promise<SchemaTable[]>;
  /** Deletes every table and everything kept in this browser. */
  clear(): Promise<StorageInfo>;
}
