import type { FileFormat } from '$lib/models/file-formats/detect-format';
import type { FileResult } from './api';
import { dropFile, registerFile } from './duckdb';
import { readChunk, readHead } from './file-bytes';
import { arrowSource } from './formats/arrow-source';
import { jsonSource } from './formats/json-source';
import { parquetSource } from './formats/parquet-source';
import { ingestCsv, SAMPLE_BYTES, type SourceView } from './ingest';
import { IngestCancelled, IngestError, failedResult } from './ingest-errors';
import type { FileLoading, PartRead, Step } from './ingest-files';
import { ingestTable, type TableSource } from './ingest-table';
import { SourceViews } from './source-views';

/** How a file's content hash is fed: from the bytes its reader reads, so the file is read once. */
export interface FileHash {
  onRead: (at: number, bytes: Uint8Array) => void;
  onViewRead: (size: number) => (at: number, bytes: Uint8Array) => void;
  finish: () => Promise<string>;
}

const notLoadedCancelled = ({ name, size }: { name: string; size: number }): FileResult => ({
  status: 'cancelled',
  name,
  bytes: size,
  reason: `"${name}": not loaded, cancelled.`,
  ms: 0,
});

/** A CSV file: registered as a handle (read in place, never copied), loaded, unregistered. */
export async function ingestCsvFile(
  { db, loader, temporaryPath, cancelled }: FileLoading,
  file: File,
  hash: FileHash,
  step: Step,
  { remembered, choice, replacing }: PartRead,
): Promise<FileResult> {
  const started = performance.now();
  if (cancelled()) return notLoadedCancelled(file);
  const path = temporaryPath('csv');
  registerFile(db, path, file, hash.onRead);
  const viewPaths: string[] = [];
  const views = new SourceViews(file, readChunk, async (at, bytes) => {
    hash.onRead(at, bytes);
    if ((await step()) === 'cancel') throw new IngestCancelled('The load was cancelled.');
  });
  const open = async (view: SourceView) => {
    const blob = await views.blob(view);
    if (!blob) return path;
    const viewPath = temporaryPath('csv');
    registerFile(db, viewPath, new File([blob], file.name), hash.onViewRead(blob.size));
    viewPaths.push(viewPath);
    return viewPath;
  };
  try {
    const base = { name: file.name, bytes: file.size };
    const source = { ...base, head: readHead(file, SAMPLE_BYTES), contentHash: hash.finish, open };
    return { status: 'loaded', ...(await ingestCsv(loader, source, step, remembered, choice, replacing)) };
  } catch (error) {
    return failedResult(error, file.name, file.size, performance.now() - started, db.memoryLimit);
  } finally {
    dropFile(db, path);
    for (const viewPath of viewPaths) dropFile(db, viewPath);
  }
}

/** A file of another format: its reader turns it into batches of rows, loaded as one transaction. */
export async function ingestTableFile(
  { db, loader, cancelled }: FileLoading,
  file: File,
  format: Exclude<FileFormat, 'csv'>,
  hash: FileHash,
  step: Step,
  { remembered, replacing }: PartRead,
): Promise<FileResult> {
  const started = performance.now();
  if (cancelled()) return notLoadedCancelled(file);
  try {
    const base = { name: file.name, bytes: file.size, contentHash: hash.finish };
    const source = await tableSource(file, format, base);
    const outcome = await ingestTable(loader, source, step, remembered, replacing);
    // From before the format's reader started: opening a Parquet file is part of its load.
    return { status: 'loaded', ...outcome, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return failedResult(error, file.name, file.size, performance.now() - started, db.memoryLimit);
  }
}

async function tableSource(
  file: File,
  format: Exclude<FileFormat, 'csv'>,
  base: { name: string; bytes: number; contentHash: () => Promise<string> },
): Promise<TableSource> {
  if (format === 'json') return jsonSource(file, base);
  if (format === 'arrow') return arrowSource(file, base);
  if (format === 'parquet') return parquetSource(file, base);
  throw new IngestError(
    file.name,
    format === 'excel'
      ? `"${file.name}" is an Excel workbook, which Dropdash cannot read yet. Save its sheet as CSV ` +
          `(File › Save As › CSV) and drop that file. Nothing from this file was loaded; data already ` +
          `loaded is unchanged.`
      : `"${file.name}" is a ${format} file inside a compressed file: open it first, then drop what it holds.`,
  );
}

/** A Parquet file read where it is, by range requests; its identity (address, version, size) is its hash. */
export async function ingestParquetLink(
  { db, loader, cancelled }: FileLoading,
  link: { url: string; name: string; bytes: number; identity: string },
  stepAt: (read: () => number) => Step,
  { remembered }: PartRead,
): Promise<FileResult> {
  const started = performance.now();
  if (cancelled()) return notLoadedCancelled({ name: link.name, size: link.bytes });
  try {
    const base = { name: link.name, bytes: link.bytes, contentHash: async () => link.identity };
    const source = await parquetSource(link.url, base);
    const step = stepAt(() => (source.readFraction?.() ?? 0) * link.bytes);
    const outcome = await ingestTable(loader, source, step, remembered, null);
    const note = `Read from ${link.url} by HTTP range requests (its footer, then its row groups), not downloaded whole.`;
    return {
      status: 'loaded',
      ...outcome,
      notes: [note, ...outcome.notes],
      ms: Math.round(performance.now() - started),
    };
  } catch (error) {
    return failedResult(error, link.name, link.bytes, performance.now() - started, db.memoryLimit);
  }
}
