/**
 * The worker contract: every call the main thread can make, with its argument and result types.
 * Both sides import this file; nothing else crosses the worker boundary.
 */
import type { RememberedRoles, RoleMapping } from '$lib/models/dataset/roles';
import type { ColumnProfile } from '$lib/models/profile/profile-rows';
import type { SourceRecord } from '$lib/models/restaurant/build-ingest-sql';

export interface EngineInfo {
  duckdbVersion: string;
  bundle: 'eh' | 'mvp';
  /** Time to fetch, compile and open the database, in milliseconds. */
  startMs: number;
  /** DuckDB's memory budget as it reports it, e.g. "3.1 GiB"; a load that needs more fails cleanly. */
  memoryLimit: string;
}

export interface EngineOptions {
  /** A DuckDB memory limit such as "512MB" to leave room for other tabs; DuckDB's default otherwise. */
  memoryLimit?: string;
}

export interface IngestProgress {
  /** Checking: hashing the file to skip content already loaded. Reading: DuckDB loading it. */
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
export interface FileOutcome extends SourceRecord {
  ms: number;
  /** The file started a dataset of its own (its columns matched no loaded dataset). */
  newDataset: boolean;
  /** What the user should know about how the file was read: why it is a new dataset, duplicate names. */
  notes: string[];
}

export interface IngestOptions {
  /** Roles the user chose before, by column signature; a new dataset with the same columns takes them. */
  remembered?: Record<string, RememberedRoles>;
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

export interface EngineApi {
  start(options?: EngineOptions): Promise<EngineInfo>;
  ingest(
    files: File[],
    onProgress: (progress: IngestProgress) => void,
    options?: IngestOptions,
  ): Promise<IngestReport>;
  /** Maps a dataset's columns to the dashboard's roles and rebuilds its cube (in one transaction). */
  setRoles(datasetId: number, roles: RoleMapping): Promise<void>;
  /** Each column's type (judged over the whole column), null share, distinct count, range, distribution. */
  profile(datasetId: number): Promise<ColumnProfile[]>;
  /** Stops the running ingest; the file being read is rolled back, earlier files stay. */
  cancelIngest(): Promise<void>;
  /** Brings back the data kept in this browser; call once, after start. */
  restore(): Promise<RestoreReport>;
  /** Keeps every loaded file not yet kept, and the history; run after the dashboard is drawn. */
  save(): Promise<StorageInfo>;
  query(sql: string): Promise<ArrowBytes>;
  /** The result of a query as CSV bytes, written by DuckDB (quoting and escaping are its own). */
  exportCsv(sql: string): Promise<Uint8Array>;
  /** Deletes every table and everything kept in this browser. */
  clear(): Promise<StorageInfo>;
}
