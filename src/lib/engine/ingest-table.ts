import {
  createRowsTableSql,
  insertRowsSql,
  recordDatasetSql,
  rowOffsetSql,
} from '$lib/models/dataset/build-dataset-sql';
import type { RememberedRoles } from '$lib/models/dataset/roles';
import { nextSourceIdSql } from '$lib/models/restaurant/build-ingest-sql';
import {
  appendLoadedSql,
  dropStageSql,
  loadTable,
  renameTableSql,
  stagedRowsSql,
  stageTable,
} from '$lib/models/file-formats/staged-rows-sql';
import type { FileOutcome } from './api';
import { findDatasetTarget, type DatasetTarget } from './dataset-target';
import { checkNewSource, recordSource, replaceSql, type Replacing, type SourceFile } from './ingest-record';
import { IngestCancelled, IngestError } from './ingest-errors';
import type { SqlRunner } from './sql-runner';

/** Rows in Arrow's IPC stream format, with the names of their columns. */
export interface TableBatch {
  ipc: Uint8Array;
  rows: number;
  columns: readonly string[];
}

/** A file read into rows by a reader of its format (Parquet, Arrow, JSON, Excel), a batch at a time. */
export interface TableSource extends SourceFile {
  /** The columns, when the format says them before its rows: each batch then goes straight in. */
  columns: readonly string[] | null;
  batches: () => AsyncIterable<TableBatch>;
  /** How the file was read, said once its rows are read: "Parquet, snappy, 3 row groups". */
  format: () => string;
  notes: () => string[];
  /** How much of the file its batches have read so far, from 0 to 1, when the reader can tell. */
  readFraction?: () => number;
  /** Frees what the reader holds (a worker), whether or not its batches were read. */
  close?: () => void;
}

/** A connection that also takes Arrow rows into a new table. */
export interface TableRunner extends SqlRunner {
  insertArrow(table: string, ipc: Uint8Array): Promise<void>;
}

type Step = () => Promise<'continue' | 'cancel'>;

interface Stage {
  table: string;
  columns: readonly string[];
  rows: number;
}

interface Placed {
  target: DatasetTarget;
  offset: number;
}

/**
 * Loads one file that a format reader turns into rows: all or nothing, like a CSV. Each batch is staged
 * as a table of its own and its values stored as text, so every format meets the same dataset tables,
 * profiles and dashboard. The rows are gathered in a load table before the file's transaction, which then
 * only renames it into the dataset (or appends it): batches staged inside a transaction are held in memory
 * until it ends, dropped or not (3M rows: 524 MB instead of 90 MB in DuckDB-WASM 1.4.3).
 */
export async function ingestTable(
  db: TableRunner,
  source: TableSource,
  step: Step,
  remembered: Record<string, RememberedRoles>,
  replacing: Replacing | null,
): Promise<FileOutcome> {
  const started = performance.now();
  try {
    await checkNewSource(db, source, replacing?.sourceId ?? null);
  } catch (error) {
    source.close?.();
    throw error;
  }
  const [{ id }] = (await db.rows(nextSourceIdSql())) as [{ id: number }];
  const load = loadTable(id);
  const staged: Stage[] = [];
  try {
    const { target, rows } = await gather(db, source, step, { id, load, staged, remembered });
    await db.exec('BEGIN TRANSACTION');
    try {
      if (replacing) for (const sql of replaceSql(replacing, target)) await db.exec(sql);
      if (target.create) {
        for (const sql of recordDatasetSql(target.create)) await db.exec(sql);
        await db.exec(renameTableSql(load, target.table));
      } else {
        const columns = target.columns.map((c) => c.column);
        await db.exec(appendLoadedSql(load, target.table, columns));
      }
      const loaded = { sourceId: id, rows, rejected: 0, delimiter: null, encoding: 'utf-8' as const };
      const contentHash = await recordSource(db, target, source, loaded);
      await db.exec('COMMIT');
      return {
        ...loaded,
        datasetId: target.datasetId,
        newDataset: target.create !== null,
        notes: [...source.notes(), ...target.notes],
        name: source.name,
        bytes: source.bytes,
        contentHash,
        columns: target.columns.length,
        format: source.format(),
        ms: Math.round(performance.now() - started),
      };
    } catch (error) {
      await db.exec('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    source.close?.();
    for (const stage of staged) await db.exec(dropStageSql(stage.table)).catch(() => undefined);
    await db.exec(dropStageSql(load)).catch(() => undefined);
  }
}

interface Gathering {
  id: number;
  load: string;
  staged: Stage[];
  remembered: Record<string, RememberedRoles>;
}

/** Every batch of the file, staged and moved into the load table as text; the dataset it will join. */
async function gather(
  db: TableRunner,
  source: TableSource,
  step: Step,
  { id, load, staged, remembered }: Gathering,
): Promise<{ target: DatasetTarget; rows: number }> {
  const place = async (columns: readonly string[]): Promise<Placed> => {
    const target = await findDatasetTarget(db, source.name, columns, columns, remembered);
    await db.exec(createRowsTableSql(load, target.columns));
    const [{ offset }] = target.create
      ? [{ offset: 0 }]
      : ((await db.rows(rowOffsetSql(target.table))) as [{ offset: number }]);
    return { target, offset };
  };
  let placed = source.columns ? await place(source.columns) : null;
  let rows = 0;
  const move = async (into: Placed, stage: Stage) => {
    const names = into.target.columns.map((c) => c.name);
    const read = stagedRowsSql(stage.table, stage.columns, names);
    const pairs = into.target.columns.map((c) => ({ fileColumn: c.name, column: c.column }));
    await db.exec(insertRowsSql(load, id, into.offset + rows, pairs, read));
    await db.exec(dropStageSql(stage.table));
    rows += stage.rows;
  };
  for await (const batch of source.batches()) {
    if ((await step()) === 'cancel') throw new IngestCancelled('The load was cancelled.');
    const stage = { table: stageTable(id, staged.length), columns: batch.columns, rows: batch.rows };
    staged.push(stage);
    await db.insertArrow(stage.table, batch.ipc);
    if (placed) await move(placed, stage);
  }
  if (!placed) {
    if (staged.every((stage) => stage.rows === 0)) throw noRecords(source.name);
    placed = await place(unionOf(staged.map((s) => s.columns)));
    for (const stage of staged) await move(placed, stage);
  }
  if (rows === 0) throw noRecords(source.name);
  return { target: placed.target, rows };
}

const noRecords = (name: string) =>
  new IngestError(name, `"${name}" holds no records, so there is nothing to load.`);

/** Every column met in any batch, in the order first met. */
function unionOf(batches: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  for (const columns of batches) for (const name of columns) seen.add(name);
  return [...seen];
}
