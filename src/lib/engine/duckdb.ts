import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import {
  BROWSER_RUNTIME,
  createDuckDB,
  DuckDBDataProtocol,
  getPlatformFeatures,
  VoidLogger,
  type DuckDBBindings,
} from 'duckdb-blocking';
import { rowsFromArrow } from '$lib/arrow-rows';
import { IngestCancelled } from './ingest-errors';
import type { Row, SqlRunner } from './sql-runner';

export interface Database {
  bindings: DuckDBBindings;
  bundle: 'eh' | 'mvp';
  version: string;
}

/**
 * The synchronous bindings run inside our own worker, so there is no second worker to talk to.
 * Only the EH and MVP bundles ship: the threaded one needs COOP/COEP and breaks file handles.
 */
export async function openDatabase(): Promise<Database> {
  const features = await getPlatformFeatures();
  const bindings = await createDuckDB(
    { mvp: { mainModule: mvpWasm, mainWorker: '' }, eh: { mainModule: ehWasm, mainWorker: '' } },
    new VoidLogger(),
    BROWSER_RUNTIME,
  );
  await bindings.instantiate(() => undefined);
  bindings.open({ query: { castBigIntToDouble: false, castDecimalToDouble: true } });
  return { bindings, bundle: features.wasmExceptions ? 'eh' : 'mvp', version: bindings.getVersion() };
}

/** SQL that failed, kept with the error so the main thread can show what was asked. */
export class SqlError extends Error {
  override name = 'SqlError';
  constructor(
    message: string,
    readonly sql: string,
  ) {
    super(message);
  }
}

/** One connection as a SqlRunner; long statements run as pending queries polled between steps. */
export function connectionRunner({ bindings }: Database): SqlRunner & { arrow(sql: string): Uint8Array } {
  const conn = bindings.connect().useUnsafe((_, id) => id);
  const guarded = <T>(sql: string, run: () => T): T => {
    try {
      return run();
    } catch (error) {
      if (error instanceof IngestCancelled) throw error;
      throw new SqlError(error instanceof Error ? error.message : String(error), sql);
    }
  };
  const arrow = (sql: string) => guarded(sql, () => bindings.runQuery(conn, sql));
  return {
    arrow,
    rows: async (sql: string): Promise<Row[]> => rowsFromArrow(arrow(sql)),
    exec: async (sql: string) => {
      arrow(sql);
    },
    execLong: async (sql, step) => {
      let done = guarded(sql, () => bindings.startPendingQuery(conn, sql, false));
      while (done === null) {
        if ((await step()) === 'cancel') {
          bindings.cancelPendingQuery(conn);
          throw new IngestCancelled('The load was cancelled.');
        }
        done = guarded(sql, () => bindings.pollPendingQuery(conn));
      }
    },
  };
}

export function registerFile(db: Database, path: string, file: File): void {
  db.bindings.registerFileHandle(path, file, DuckDBDataProtocol.BROWSER_FILEREADER, true);
}

export function dropFile(db: Database, path: string): void {
  db.bindings.dropFile(path);
}
