import * as Comlink from 'comlink';
import { IngestError, KEEP } from '../ingest-errors';
import type { SourceFile } from '../ingest-record';
import type { TableBatch, TableSource } from '../ingest-table';
import type { ParquetReader } from './parquet-worker';

/**
 * A Parquet file read by parquet-wasm (Rust's parquet crate: every codec, typed columns kept) straight
 * from the File, a batch at a time, into Arrow for DuckDB. The reader runs in a worker of its own, started
 * per file: its WebAssembly memory only grows, and a corrupt file can make it trap instead of throwing.
 */
export async function parquetSource(input: File | string, source: SourceFile): Promise<TableSource> {
  const broken = (error: unknown) =>
    new IngestError(
      source.name,
      `"${source.name}" could not be read as Parquet: ${errorText(error)}. It may be cut short, damaged or ` +
        `not a Parquet file: write it again and drop it again. ${KEEP}`,
    );
  const { reader, call, worker } = parquetWorker();
  let opened: { columns: string[]; format: string; rows: number };
  try {
    opened = await call(reader.open(input));
  } catch (error) {
    worker.terminate();
    throw broken(error);
  }
  const { columns, format, rows } = opened;
  let read = 0;
  const seen = new Set<string>();
  const repeated = columns.find((name) => seen.size === seen.add(name.toLowerCase()).size);
  if (repeated !== undefined) {
    worker.terminate();
    throw broken(`the column name "${repeated}" appears twice`);
  }
  const next = async () => {
    try {
      return await call(reader.next());
    } catch (error) {
      throw broken(error);
    }
  };
  async function* batches(): AsyncIterable<TableBatch> {
    try {
      // One batch ahead: the reader decodes the next while DuckDB takes this one (two cores at work).
      let coming = next();
      for (;;) {
        const batch = await coming;
        if (!batch) return;
        coming = next();
        coming.catch(() => undefined);
        read += batch.rows;
        if (batch.rows > 0) yield { ...batch, columns };
      }
    } finally {
      worker.terminate();
    }
  }
  const readFraction = () => (rows > 0 ? Math.min(1, read / rows) : 0);
  return {
    ...source,
    columns,
    batches,
    format: () => format,
    notes: () => [],
    readFraction,
    close: () => worker.terminate(),
  };
}

/** Rows as a Parquet file, written by parquet-wasm in a worker started for it and ended after. */
export async function writeParquetFile(ipc: Uint8Array): Promise<Uint8Array> {
  const { reader, call, worker } = parquetWorker();
  try {
    return await call(reader.write(Comlink.transfer(ipc, [ipc.buffer])));
  } finally {
    worker.terminate();
  }
}

/** A worker for one file; `call` fails a request when the worker dies under it (a WebAssembly trap). */
function parquetWorker() {
  const worker = new Worker(new URL('./parquet-worker.ts', import.meta.url), { type: 'module' });
  const crashed = new Promise<never>((_, reject) =>
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      reject(new Error(`the reader stopped on damaged data (${event.message || 'no reason given'})`));
    }),
  );
  crashed.catch(() => undefined);
  const reader = Comlink.wrap<ParquetReader>(worker);
  const call = <T>(request: Promise<T>) => Promise.race([request, crashed]);
  return { reader, call, worker };
}

const errorText = (error: unknown) =>
  (error instanceof Error ? error.message || error.name : String(error)) || 'no reason given';
