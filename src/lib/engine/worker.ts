import { expose, transfer } from 'comlink';
import { clearAllSql, createModelsSql } from '$lib/models/restaurant/build-ingest-sql';
import { copyToCsvSql } from '$lib/models/sql';
import type { EngineApi, EngineInfo, FileResult, IngestProgress } from './api';
import { connectionRunner, dropFile, openDatabase, registerFile, type Database } from './duckdb';
import { installErrorTransfer } from './errors';
import { ingestCsv } from './ingest';
import { contentHash } from './content-hash';
import { IngestCancelled, IngestError, IngestSkipped } from './ingest-errors';
import { readChunk, readHead, TrackedFile } from './tracked-file';

installErrorTransfer();

interface Engine {
  db: Database;
  info: EngineInfo;
  /** Loads run on their own connection, so the dashboard keeps reading committed data meanwhile. */
  loader: ReturnType<typeof connectionRunner>;
  reader: ReturnType<typeof connectionRunner>;
}

let engine: Promise<Engine> | null = null;
let cancelRequested = false;
let uploads = 0;
let exports = 0;

function startEngine(): Promise<Engine> {
  engine ??= (async () => {
    const started = performance.now();
    const db = await openDatabase();
    const loader = connectionRunner(db);
    for (const sql of createModelsSql()) await loader.exec(sql);
    const info = {
      duckdbVersion: db.version,
      bundle: db.bundle,
      startMs: Math.round(performance.now() - started),
    };
    return { db, info, loader, reader: connectionRunner(db) };
  })();
  return engine;
}

const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** One file: registered as a handle (read in place, never copied), loaded, then unregistered. */
async function ingestFile(
  { db, loader }: Engine,
  tracked: TrackedFile,
  file: File,
  hash: () => Promise<string>,
  step: () => Promise<'continue' | 'cancel'>,
): Promise<FileResult> {
  const started = performance.now();
  const base = { name: file.name, bytes: file.size };
  if (cancelRequested)
    return { status: 'cancelled', ...base, reason: `"${file.name}": not loaded, cancelled.`, ms: 0 };
  const path = `dd_upload_${++uploads}.csv`;
  registerFile(db, path, tracked);
  try {
    const source = { path, ...base, head: readHead(file), contentHash: await hash() };
    const outcome = await ingestCsv(loader, source, step);
    return { status: 'loaded', ...outcome };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const known =
      error instanceof IngestCancelled || error instanceof IngestError || error instanceof IngestSkipped;
    return {
      status:
        error instanceof IngestCancelled
          ? 'cancelled'
          : error instanceof IngestSkipped
            ? 'skipped'
            : 'failed',
      ...base,
      reason: known ? message : `"${file.name}" could not be loaded: ${message}`,
      ms: Math.round(performance.now() - started),
    };
  } finally {
    dropFile(db, path);
  }
}

const api: EngineApi = {
  async start() {
    return (await startEngine()).info;
  },

  async ingest(files, onProgress) {
    const engine = await startEngine();
    cancelRequested = false;
    const started = performance.now();
    const drop = { bytesBefore: 0, bytesTotal: files.reduce((sum, file) => sum + file.size, 0) };
    const results: FileResult[] = [];
    for (const [fileIndex, file] of files.entries()) {
      const tracked = new TrackedFile(file);
      let hashed = 0;
      const progress = (): IngestProgress => ({
        phase: tracked.bytesRead > 0 || hashed === file.size ? 'reading' : 'checking',
        fileName: file.name,
        fileIndex,
        fileCount: files.length,
        bytesRead: hashed < file.size ? hashed : tracked.bytesRead,
        bytesTotal: file.size,
        dropBytesRead: drop.bytesBefore + (hashed < file.size ? hashed : tracked.bytesRead),
        dropBytesTotal: drop.bytesTotal,
        elapsedMs: performance.now() - started,
      });
      const step = async () => {
        onProgress(progress());
        await yieldToMessages();
        return cancelRequested ? 'cancel' : 'continue';
      };
      const hash = () =>
        contentHash(readChunk(file), file.size, async (bytes) => {
          hashed = bytes;
          if ((await step()) === 'cancel') throw new IngestCancelled('The load was cancelled.');
        });
      results.push(await ingestFile(engine, tracked, file, hash, step));
      drop.bytesBefore += file.size;
      onProgress({ ...progress(), bytesRead: file.size, dropBytesRead: drop.bytesBefore });
    }
    return { files: results };
  },

  async cancelIngest() {
    cancelRequested = true;
  },

  async query(sql) {
    const bytes = (await startEngine()).reader.arrow(sql);
    return transfer(bytes, [bytes.buffer]);
  },

  async exportCsv(sql) {
    const { db, reader } = await startEngine();
    const path = `dd_export_${++exports}.csv`;
    try {
      await reader.exec(copyToCsvSql(sql, path));
      const bytes = db.bindings.copyFileToBuffer(path);
      return transfer(bytes, [bytes.buffer]);
    } finally {
      dropFile(db, path);
    }
  },

  async clear() {
    const { loader } = await startEngine();
    for (const sql of clearAllSql()) await loader.exec(sql);
  },
};

expose(api);
