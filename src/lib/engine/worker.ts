import { expose, transfer } from 'comlink';
import { clearAllSql, createModelsSql } from '$lib/models/restaurant/build-ingest-sql';
import type { EngineApi, EngineInfo, FileResult, IngestProgress } from './api';
import { connectionRunner, dropFile, openDatabase, registerFile, type Database } from './duckdb';
import { installErrorTransfer } from './errors';
import { ingestCsv } from './ingest';
import { IngestCancelled, IngestError } from './ingest-errors';
import { readHead, TrackedFile } from './tracked-file';

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

const api: EngineApi = {
  async start() {
    return (await startEngine()).info;
  },

  async ingest(files, onProgress) {
    const { db, loader } = await startEngine();
    cancelRequested = false;
    const started = performance.now();
    const dropBytesTotal = files.reduce((sum, file) => sum + file.size, 0);
    let dropBytesBefore = 0;
    const results: FileResult[] = [];
    for (const [fileIndex, file] of files.entries()) {
      if (cancelRequested) {
        results.push({
          status: 'cancelled',
          name: file.name,
          bytes: file.size,
          reason: 'Not loaded: cancelled.',
        });
        continue;
      }
      const tracked = new TrackedFile(file);
      const path = `dd_upload_${++uploads}.csv`;
      const progress = (): IngestProgress => ({
        fileName: file.name,
        fileIndex,
        fileCount: files.length,
        bytesRead: tracked.bytesRead,
        bytesTotal: file.size,
        dropBytesRead: dropBytesBefore + tracked.bytesRead,
        dropBytesTotal,
        elapsedMs: performance.now() - started,
      });
      onProgress(progress());
      registerFile(db, path, tracked);
      try {
        const outcome = await ingestCsv(
          loader,
          { path, name: file.name, bytes: file.size, head: readHead(file) },
          async () => {
            onProgress(progress());
            await yieldToMessages();
            return cancelRequested ? 'cancel' : 'continue';
          },
        );
        results.push({ status: 'loaded', ...outcome });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        if (error instanceof IngestCancelled) {
          results.push({ status: 'cancelled', name: file.name, bytes: file.size, reason });
        } else if (error instanceof IngestError) {
          results.push({ status: 'failed', name: file.name, bytes: file.size, reason });
        } else {
          results.push({
            status: 'failed',
            name: file.name,
            bytes: file.size,
            reason: `"${file.name}": ${reason}`,
          });
        }
      } finally {
        dropFile(db, path);
      }
      dropBytesBefore += file.size;
      onProgress({ ...progress(), bytesRead: file.size, dropBytesRead: dropBytesBefore });
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

  async clear() {
    const { loader } = await startEngine();
    for (const sql of clearAllSql()) await loader.exec(sql);
  },
};

expose(api);
