/** A plain result row: BIGINTs already made numbers, lists made arrays. */
export type Row = Record<string, unknown>;

/** The one connector interface: DuckDB-WASM in the worker, native DuckDB in tests. */
export interface SqlRunner {
  rows(sql: string): Promise<Row[]>;
  exec(sql: string): Promise<void>;
  /** A long statement that reports between steps and can be cancelled; by default, plain exec. */
  execLong?(sql: string, step: () => Promise<'continue' | 'cancel'>): Promise<void>;
  /** A long query whose rows are wanted, run the same way (the worker answers other calls meanwhile). */
  rowsLong?(sql: string, step: () => Promise<'continue' | 'cancel'>): Promise<Row[]>;
}
