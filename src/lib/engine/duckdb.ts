import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import {
  BROWSER_RUNTIME,
  createDuckDB,
  DuckDBAccessMode,
  DuckDBDataProtocol,
  getPlatformFeatures,
  VoidLogger,
  type DuckDBBindings,
  type DuckDBRuntime,
} from 'duckdb-blocking';
import { rowsFromArrow } from '$lib/arrow-rows';
import { WORK } from '$lib/models/restaurant/build-persist-sql';
import { IngestCancelled } from './ingest-errors';
import type { TableRunner } from './ingest-table';
import type { Row } from './sql-runner';

export interface Database {
  bindings: DuckDBBindings;
  bundle: 'eh' | 'mvp';
  version: string;
  /** DuckDB's memory budget as it reports it, e.g. "3.1 GiB". */
  memoryLimit: string;
  /** DuckDB's `threads` setting: 1 on the single-threaded bundles. */
  threads: number;
  /** The catalog kept in the browser's storage, or why there is none. */
  kept: { catalog: string } | { catalog: null; reason: string };
}

const QUERY_CONFIG = { castBigIntToDouble: false, castDecimalToDouble: true };

/**
 * The synchronous bindings run inside our own worker, so there is no second worker to talk to.
 * Only the EH and MVP bundles ship: the threaded one needs COOP/COEP and breaks file handles.
 * The main database is a file in the origin-private file system when the browser allows it.
 */
export async function openDatabase(keptPath: string, memoryLimit?: string): Promise<Database> {
  const limit = memoryLimit === undefined ? null : memoryLimitSql(memoryLimit);
  const features = await getPlatformFeatures();
  const bindings = await createDuckDB(
    { mvp: { mainModule: mvpWasm, mainWorker: '' }, eh: { mainModule: ehWasm, mainWorker: '' } },
    new VoidLogger(),
    watchedRuntime,
  );
  await bindings.instantiate(() => undefined);
  let kept: Database['kept'];
  try {
    await bindings.prepareDBFileHandle(keptPath, DuckDBDataProtocol.BROWSER_FSACCESS);
    // As DuckDB-WASM's own worker opens OPFS files: direct I/O, or a new (empty) file is refused.
    bindings.open({
      path: keptPath,
      accessMode: DuckDBAccessMode.READ_WRITE,
      useDirectIO: true,
      query: QUERY_CONFIG,
    });
    kept = { catalog: '' };
  } catch (error) {
    bindings.reset();
    bindings.open({ query: QUERY_CONFIG });
    kept = { catalog: null, reason: `this browser's storage could not be opened (${errorText(error)})` };
  }
  const conn = bindings.connect();
  let memoryLimitText: string;
  let threads: number;
  try {
    // Extensions would be fetched from DuckDB's CDN: nothing may leave the page's origin, so never load one.
    conn.query('SET autoinstall_known_extensions = false');
    conn.query('SET autoload_known_extensions = false');
    if (kept.catalog !== null)
      kept = { catalog: String(conn.query('SELECT current_database() AS db').get(0)?.db) };
    conn.query(`ATTACH ':memory:' AS ${WORK}`);
    if (limit) conn.query(limit);
    memoryLimitText = String(conn.query("SELECT current_setting('memory_limit') AS m").get(0)?.m);
    threads = Number(conn.query("SELECT current_setting('threads') AS t").get(0)?.t);
  } finally {
    conn.close();
  }
  return {
    bindings,
    bundle: features.wasmExceptions ? 'eh' : 'mvp',
    version: bindings.getVersion(),
    memoryLimit: memoryLimitText,
    threads,
    kept,
  };
}

/** Only a size like "512MB" or "1.5 GiB" reaches the SET statement; anything else is refused by name. */
function memoryLimitSql(limit: string): string {
  const size = /^\s*(\d+(?:\.\d+)?)\s*(KB|MB|GB|KiB|MiB|GiB)\s*$/i.exec(limit);
  if (!size) throw new Error(`memory limit "${limit}" is not a size like 512MB or 2GiB`);
  return `SET memory_limit = '${size[1]}${size[2]}'`;
}

const errorText = (error: unknown) =>
  error instanceof Error ? error.message : typeof error === 'string' ? error : 'unknown error';

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
export function connectionRunner({ bindings }: Database): TableRunner & { arrow(sql: string): Uint8Array } {
  const conn = bindings.connect().useUnsafe((_, id) => id);
  bindings.runQuery(conn, `USE ${WORK}`);
  const guarded = <T>(sql: string, run: () => T): T => {
    try {
      return run();
    } catch (error) {
      if (error instanceof IngestCancelled) throw error;
      throw new SqlError(error instanceof Error ? error.message : String(error), sql);
    }
  };
  const arrow = (sql: string) => guarded(sql, () => bindings.runQuery(conn, sql));
  const pending = async (sql: string, step: () => Promise<'continue' | 'cancel'>): Promise<Uint8Array> => {
    let done = guarded(sql, () => bindings.startPendingQuery(conn, sql, false));
    while (done === null) {
      if ((await step()) === 'cancel') {
        bindings.cancelPendingQuery(conn);
        throw new IngestCancelled('The load was cancelled.');
      }
      done = guarded(sql, () => bindings.pollPendingQuery(conn));
    }
    return done;
  };
  return {
    arrow,
    rows: async (sql: string): Promise<Row[]> => rowsFromArrow(arrow(sql)),
    exec: async (sql: string) => {
      arrow(sql);
    },
    insertArrow: async (table, ipc) => {
      guarded(`(Arrow rows into ${table})`, () =>
        bindings.insertArrowFromIPCStream(conn, ipc, { name: table, create: true }),
      );
    },
    execLong: async (sql, step) => {
      await pending(sql, step);
    },
    rowsLong: async (sql, step) => {
      // A pending query gives the schema first; the record batches follow, until an empty buffer.
      const chunks = [await pending(sql, step)];
      for (;;) {
        const batch = guarded(sql, () => bindings.fetchQueryResults(conn));
        if (batch === null) continue;
        if (batch.length === 0) break;
        chunks.push(batch);
      }
      const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, at);
        at += chunk.length;
      }
      return rowsFromArrow(bytes);
    },
  };
}

type ReadWatcher = (at: number, bytes: Uint8Array) => void;
const readWatchers = new Map<string, ReadWatcher>();

/** DuckDB's browser runtime, except that the bytes it reads from a watched file are shown to its watcher. */
const watchedRuntime: DuckDBRuntime = new Proxy(BROWSER_RUNTIME, {
  get: (runtime, key, receiver) => (key === 'readFile' ? readAndWatch : Reflect.get(runtime, key, receiver)),
});

function readAndWatch(...[mod, fileId, buffer, bytes, location]: Parameters<DuckDBRuntime['readFile']>) {
  const read = BROWSER_RUNTIME.readFile(mod, fileId, buffer, bytes, location);
  if (readWatchers.size > 0 && read > 0) {
    const name = BROWSER_RUNTIME.getFileInfo(mod, fileId)?.fileName;
    const watcher = name === undefined ? undefined : readWatchers.get(name);
    // The module is Emscripten's; its typings are not installed here.
    const heap = (mod as unknown as { HEAPU8: Uint8Array }).HEAPU8;
    watcher?.(location, heap.subarray(buffer, buffer + read));
  }
  return read;
}

/** A file DuckDB reads in place; `onRead` sees each range of bytes DuckDB reads, where it read it. */
export function registerFile(db: Database, path: string, file: File, onRead?: ReadWatcher): void {
  db.bindings.registerFileHandle(path, file, DuckDBDataProtocol.BROWSER_FILEREADER, true);
  if (onRead) readWatchers.set(path, onRead);
}

export function dropFile(db: Database, path: string): void {
  readWatchers.delete(path);
  try {
    db.bindings.dropFile(path);
  } catch {
    // never registered
  }
}
