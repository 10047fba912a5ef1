import type { RememberedRoles } from '$lib/models/dataset/roles';
import { sourcePlaceSql } from '$lib/models/dataset/build-dataset-sql';
import type { ReadChoice } from '$lib/models/csv-read/read-decision';
import type { DataLink, FileResult, IngestOptions, IngestProgress } from './api';
import { StreamingContentHash } from './content-hash';
import type { Database } from './duckdb';
import { expandFile, type FilePart } from './formats/expand';
import { openLink, linkName, type OpenedLink } from './formats/open-link';
import { ingestCsvFile, ingestParquetLink, ingestTableFile, type FileHash } from './ingest-file';
import type { Replacing } from './ingest-record';
import type { TableRunner } from './ingest-table';
import { IngestCancelled, failedResult } from './ingest-errors';
import { readChunk } from './file-bytes';
import { yieldToMessages } from './turns';

/** What loading files needs from the engine. */
export interface FileLoading {
  db: Database;
  /** The loader's own connection: the dashboard keeps reading committed data meanwhile. */
  loader: TableRunner;
  temporaryPath: (ext: string) => string;
  cancelled: () => boolean;
}

export type Step = () => Promise<'continue' | 'cancel'>;

/** A part of the drop's bytes: progress within it moves the drop's progress across its span. */
interface Span {
  fileIndex: number;
  fileCount: number;
  start: number;
  size: number;
  dropTotal: number;
  started: number;
}

/**
 * The files of one drop, one after another, each in its own transaction, with progress across the drop.
 * A compressed file or an archive is opened first; each data file in it is loaded as a file of its own.
 */
export async function ingestFiles(
  loading: FileLoading,
  inputs: readonly (File | DataLink)[],
  onProgress: (progress: IngestProgress) => void,
  { remembered = {}, reread }: IngestOptions,
): Promise<FileResult[]> {
  const started = performance.now();
  const dropTotal = inputs.reduce((sum, input) => sum + (input instanceof Blob ? input.size : 0), 0);
  const results: FileResult[] = [];
  const replacing = reread ? await replacedSource(loading.loader, reread.sourceId) : null;
  let before = 0;
  for (const [fileIndex, input] of inputs.entries()) {
    const fileStarted = performance.now();
    const at = { fileIndex, fileCount: inputs.length, start: before, size: 0, dropTotal, started };
    let file: File;
    if (input instanceof Blob) file = input;
    else {
      const opened = await fromLink(loading, input, at, onProgress, remembered);
      if (!(opened instanceof Blob)) {
        results.push(opened);
        continue;
      }
      file = opened;
    }
    // A fetched link's bytes were not in the drop's total: the bar grows to hold them.
    const whole: Span = { ...at, size: file.size, dropTotal: Math.max(dropTotal, before + file.size) };
    before += file.size;
    const unpacking = { ...whole, size: file.size / 2 };
    let parts: FilePart[];
    try {
      parts = await expandFile(file, async (read) => {
        const size = Math.max(1, file.size);
        onProgress(progressIn(unpacking, file.name, read, size, 'reading'));
        // Cancel stops a long decompression too, not only the load after it.
        if ((await stepOn(loading)()) === 'cancel') throw new IngestCancelled('The load was cancelled.');
      });
    } catch (error) {
      const ms = performance.now() - fileStarted;
      results.push(failedResult(error, file.name, file.size, ms, loading.db.memoryLimit));
      continue;
    }
    if (replacing) parts = parts.filter((part) => part.file.name === replacing.name || parts.length === 1);
    const opened = parts.length === 1 && parts[0]?.file === file;
    for (const [k, part] of parts.entries()) {
      const span = opened
        ? whole
        : {
            ...whole,
            start: whole.start + file.size / 2 + (k * file.size) / 2 / parts.length,
            size: file.size / 2 / parts.length,
          };
      const read = { remembered, choice: reread?.choice ?? {}, replacing };
      results.push(await loadPart(loading, part, span, onProgress, read));
    }
  }
  return results;
}

/**
 * A link's file fetched, to be read as a dropped one; or, for Parquet that its server serves by ranges,
 * the result of reading it where it is. A link's size is known once it answers: its span is the whole bar.
 */
async function fromLink(
  loading: FileLoading,
  link: DataLink,
  at: Span,
  onProgress: (progress: IngestProgress) => void,
  remembered: PartRead['remembered'],
): Promise<File | FileResult> {
  const started = performance.now();
  const name = linkName(link.url);
  const spanOf = (bytes: number): Span => ({ ...at, size: bytes, dropTotal: at.start + bytes });
  let opened: OpenedLink;
  try {
    opened = await openLink(link.url, async (read, total) => {
      onProgress(progressIn(spanOf(total), name, read, total, 'reading'));
      if ((await stepOn(loading)()) === 'cancel') throw new IngestCancelled('The load was cancelled.');
    });
  } catch (error) {
    return failedResult(error, name, 0, performance.now() - started, loading.db.memoryLimit);
  }
  if (opened.kind === 'file') return opened.file;
  const { bytes } = opened;
  const stepAt =
    (read: () => number): Step =>
    async () => {
      onProgress(progressIn(spanOf(bytes), name, read(), bytes, 'reading'));
      return stepOn(loading)();
    };
  return ingestParquetLink(loading, opened, stepAt, { remembered, choice: {}, replacing: null });
}

const stepOn =
  (loading: FileLoading): Step =>
  async () => {
    await yieldToMessages();
    return loading.cancelled() ? 'cancel' : 'continue';
  };

function progressIn(
  span: Span,
  fileName: string,
  read: number,
  total: number,
  phase: IngestProgress['phase'],
): IngestProgress {
  return {
    phase,
    fileName,
    fileIndex: span.fileIndex,
    fileCount: span.fileCount,
    bytesRead: read,
    bytesTotal: total,
    dropBytesRead: Math.round(span.start + (span.size * read) / Math.max(1, total)),
    dropBytesTotal: span.dropTotal,
    elapsedMs: performance.now() - span.started,
  };
}

export interface PartRead {
  remembered: Record<string, RememberedRoles>;
  choice: ReadChoice;
  replacing: (Replacing & { name: string }) | null;
}

/** One data file: its content hash fed as it is read, its progress reported, then loaded by its format. */
async function loadPart(
  loading: FileLoading,
  { file, format, notes = [], readAs }: FilePart,
  span: Span,
  onProgress: (progress: IngestProgress) => void,
  read: PartRead,
): Promise<FileResult> {
  const stream = await StreamingContentHash.create(file.size);
  /** The furthest byte the reader has read: its reads are watched, to feed the hash. */
  let reached = 0;
  let checking = false;
  const onRead = (at: number, bytes: Uint8Array) => {
    stream.feed(at, bytes);
    reached = Math.max(reached, at + bytes.length);
  };
  const step: Step = async () => {
    const done = checking ? stream.bytesHashed : reached;
    onProgress(progressIn(span, file.name, done, file.size, checking ? 'checking' : 'reading'));
    return stepOn(loading)();
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
  const hash: FileHash = { onRead, onViewRead, finish };
  const result =
    format === 'csv'
      ? await ingestCsvFile(loading, file, hash, step, read)
      : await ingestTableFile(loading, file, format, hash, step, read);
  if (result.status !== 'loaded') return result;
  return { ...result, notes: [...notes, ...result.notes], ...(readAs ? { format: readAs } : {}) };
}

/** Where a loaded file's rows are, to replace them; an unknown id is refused rather than loaded twice. */
async function replacedSource(db: TableRunner, sourceId: number): Promise<Replacing & { name: string }> {
  const [place] = await db.rows(sourcePlaceSql(sourceId));
  if (!place) throw new Error(`No loaded file has the id ${sourceId}: it was removed meanwhile.`);
  const datasetId = Number(place.dataset_id);
  const table = String(place.table_name);
  return { sourceId, datasetId, table, alone: Number(place.files) === 1, name: String(place.name) };
}
