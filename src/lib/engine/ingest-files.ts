import type { RememberedRoles } from '$lib/models/dataset/roles';
import { sourcePlaceSql } from '$lib/models/dataset/build-dataset-sql';
import type { ReadChoice } from '$lib/models/csv-read/read-decision';
import type { FileResult, IngestOptions, IngestProgress } from './api';
import { StreamingContentHash } from './content-hash';
import { dropFile, registerFile, type Database } from './duckdb';
import { ingestCsv, SAMPLE_BYTES, type Replacing, type SourceView } from './ingest';
import { SourceViews } from './source-views';
import { IngestCancelled, IngestError, IngestSkipped, isOutOfMemory, tooLargeMessage } from './ingest-errors';
import type { SqlRunner } from './sql-runner';
import { readChunk, readHead } from './file-bytes';
import { yieldToMessages } from './turns';

/** What loading files needs from the engine. */
export interface FileLoading {
  db: Database;
  /** The loader's own connection: the dashboard keeps reading committed data meanwhile. */
  loader: SqlRunner;
  temporaryPath: (ext: string) => string;
  cancelled: () => boolean;
}

type Step = () => Promise<'continue' | 'cancel'>;

/** The files of one drop, one after another, each in its own transaction, with progress across the drop. */
export async function ingestFiles(
  loading: FileLoading,
  files: readonly File[],
  onProgress: (progress: IngestProgress) => void,
  { remembered = {}, reread }: IngestOptions,
): Promise<FileResult[]> {
  const started = performance.now();
  const drop = { bytesBefore: 0, bytesTotal: files.reduce((sum, file) => sum + file.size, 0) };
  const results: FileResult[] = [];
  for (const [fileIndex, file] of files.entries()) {
    const stream = await StreamingContentHash.create(file.size);
    /** The furthest byte DuckDB has read: its reads are watched, to feed the hash. */
    let reached = 0;
    const onRead = (at: number, bytes: Uint8Array) => {
      stream.feed(at, bytes);
      reached = Math.max(reached, at + bytes.length);
    };
    let checking = false;
    const read = () => (checking ? stream.bytesHashed : reached);
    const progress = (): IngestProgress => ({
      phase: checking ? 'checking' : 'reading',
      fileName: file.name,
      fileIndex,
      fileCount: files.length,
      bytesRead: read(),
      bytesTotal: file.size,
      dropBytesRead: drop.bytesBefore + read(),
      dropBytesTotal: drop.bytesTotal,
      elapsedMs: performance.now() - started,
    });
    const step: Step = async () => {
      onProgress(progress());
      await yieldToMessages();
      return loading.cancelled() ? 'cancel' : 'continue';
    };
    const finish = async () => {
      checking = true;
      try {
        return await stream.finish(readChunk(file), async () => {
          if ((await step()) === 'cancel') throw new IngestCancelled('The load was cancelled.');
        });
      } finally {
        checking = false;
      }
    };
    /** A view DuckDB reads instead of the file (decoded text): progress in proportion to its size. */
    const onViewRead = (size: number) => (at: number, bytes: Uint8Array) => {
      reached = Math.max(reached, Math.round(((at + bytes.length) / Math.max(1, size)) * file.size));
    };
    const hash = { onRead, onViewRead, finish };
    const replacing = reread ? await replacedSource(loading.loader, reread.sourceId) : null;
    const fileRead = { remembered, choice: reread?.choice ?? {}, replacing };
    results.push(await ingestFile(loading, file, hash, step, fileRead));
    drop.bytesBefore += file.size;
  }
  return results;
}

interface FileRead {
  remembered: Record<string, RememberedRoles>;
  choice: ReadChoice;
  replacing: Replacing | null;
}

/** Where a loaded file's rows are, to replace them; an unknown id is refused rather than loaded twice. */
async function replacedSource(db: SqlRunner, sourceId: number): Promise<Replacing> {
  const [place] = await db.rows(sourcePlaceSql(sourceId));
  if (!place) throw new Error(`No loaded file has the id ${sourceId}: it was removed meanwhile.`);
  const datasetId = Number(place.dataset_id);
  return { sourceId, datasetId, table: String(place.table_name), alone: Number(place.files) === 1 };
}

/**
 * One file: registered as a handle (read in place, never copied), loaded, unregistered. Its content hash
 * is fed the bytes DuckDB reads, so the file is read once.
 */
async function ingestFile(
  { db, loader, temporaryPath, cancelled }: FileLoading,
  file: File,
  hash: {
    onRead: (at: number, bytes: Uint8Array) => void;
    onViewRead: (size: number) => (at: number, bytes: Uint8Array) => void;
    finish: () => Promise<string>;
  },
  step: Step,
  { remembered, choice, replacing }: FileRead,
): Promise<FileResult> {
  const started = performance.now();
  const base = { name: file.name, bytes: file.size };
  if (cancelled())
    return { status: 'cancelled', ...base, reason: `"${file.name}": not loaded, cancelled.`, ms: 0 };
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
    const source = { ...base, head: readHead(file, SAMPLE_BYTES), contentHash: hash.finish, open };
    return { status: 'loaded', ...(await ingestCsv(loader, source, step, remembered, choice, replacing)) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const known =
      error instanceof IngestCancelled || error instanceof IngestError || error instanceof IngestSkipped;
    const reason =
      (error instanceof IngestError && error.kind === 'memory') || (!known && isOutOfMemory(message))
        ? tooLargeMessage(file.name, db.memoryLimit)
        : known
          ? message
          : `"${file.name}" could not be loaded: ${message}`;
    return {
      status:
        error instanceof IngestCancelled
          ? 'cancelled'
          : error instanceof IngestSkipped
            ? 'skipped'
            : 'failed',
      ...base,
      reason,
      ms: Math.round(performance.now() - started),
    };
  } finally {
    dropFile(db, path);
    for (const viewPath of viewPaths) dropFile(db, viewPath);
  }
}
