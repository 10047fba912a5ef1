/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import init, {
  Compression,
  ParquetFile,
  Table,
  WriterPropertiesBuilder,
  writeParquet,
  type ParquetMetaData,
} from 'parquet-wasm/esm';
import parquetWasm from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { tableFromIPC } from 'apache-arrow';
import { installErrorTransfer } from '../errors';

/** Rows per Arrow batch handed to DuckDB: bounded memory whatever a row group's size. */
const BATCH_ROWS = 262_144;
const CODECS = ['uncompressed', 'snappy', 'gzip', 'brotli', 'LZ4', 'zstd', 'LZ4', 'LZO'];

type Batches = ReadableStreamDefaultReader<{ numRows: number; intoIPCStream(): Uint8Array }>;
let batches: Batches | null = null;

/**
 * One Parquet file read, or one written, in a worker of its own: a corrupt file can make the reader's
 * WebAssembly trap, and its memory only grows.
 */
const reader = {
  /** A File, or a same-origin URL read by range requests (the footer, then the row groups). */
  async open(input: Blob | string): Promise<{ columns: string[]; format: string; rows: number }> {
    await init({ module_or_path: parquetWasm });
    const parquet =
      typeof input === 'string' ? await ParquetFile.fromUrl(input) : await ParquetFile.fromFile(input);
    const columns = tableFromIPC(parquet.schema().intoIPCStream()).schema.fields.map((f) => f.name);
    const format = describe(parquet.metadata());
    const stream: ReadableStream = await parquet.stream({ batchSize: BATCH_ROWS, concurrency: 1 });
    batches = stream.getReader() as Batches;
    return { columns, format, rows: parquet.metadata().fileMetadata().numRows() };
  },

  /** Rows (an Arrow IPC stream) written as a Parquet file, zstd-compressed. */
  async write(ipc: Uint8Array): Promise<Uint8Array> {
    await init({ module_or_path: parquetWasm });
    const properties = new WriterPropertiesBuilder().setCompression(Compression.ZSTD).build();
    const bytes = writeParquet(Table.fromIPCStream(ipc), properties);
    return Comlink.transfer(bytes, [bytes.buffer]);
  },

  /** The next batch as an Arrow IPC stream (moved, not copied), or null at the end. */
  async next(): Promise<{ ipc: Uint8Array; rows: number } | null> {
    if (!batches) throw new Error('no Parquet file is open');
    const { done, value } = await batches.read();
    if (done) return null;
    // Read before `intoIPCStream`, which consumes the batch.
    const rows = value.numRows;
    const ipc = value.intoIPCStream();
    return Comlink.transfer({ ipc, rows }, [ipc.buffer]);
  },
};

export type ParquetReader = typeof reader;

function describe(metadata: ParquetMetaData): string {
  const groups = metadata.numRowGroups();
  const codecs = new Set<string>();
  for (let g = 0; g < groups; g++)
    for (const column of metadata.rowGroup(g).columns())
      codecs.add(CODECS[column.compression()] ?? 'unknown');
  const codec = codecs.size === 0 ? 'uncompressed' : [...codecs].join(' and ');
  return `Parquet, ${codec}, ${groups.toLocaleString('en-US')} row group${groups === 1 ? '' : 's'}`;
}

installErrorTransfer();
Comlink.expose(reader);
