import { dropDatasetSql } from '$lib/models/dataset/build-dataset-sql';
import { dropSourceSql } from '$lib/models/restaurant/build-persist-sql';
import {
  insertDailySql,
  insertFactsSql,
  insertSourceSql,
  sourceByHashSql,
  sourcesOfSizeSql,
  type SourceRecord,
} from '$lib/models/restaurant/build-ingest-sql';
import { guessTargetRoles, type DatasetTarget } from './dataset-target';
import { IngestError, IngestSkipped } from './ingest-errors';
import type { SqlRunner } from './sql-runner';

/** A loaded file read again with other options: its rows are replaced in the new load's transaction. */
export interface Replacing {
  sourceId: number;
  datasetId: number;
  table: string;
  /** The file is its dataset's only one: the dataset goes if the new reading lands elsewhere. */
  alone: boolean;
}

/** What every file is before it is read: its name, its size and its content hash. */
export interface SourceFile {
  name: string;
  bytes: number;
  /** The file's content hash: finished once the load has read the file (or before, to rule out a twin). */
  contentHash: () => Promise<string>;
}

/** An empty file, or one whose content is already loaded, is not read at all. */
export async function checkNewSource(
  db: SqlRunner,
  source: SourceFile,
  replaced: number | null,
): Promise<void> {
  if (source.bytes === 0) {
    throw new IngestError(
      source.name,
      `"${source.name}" is empty (0 bytes). Choose a file with a header row and records.`,
    );
  }
  const twin = await loadedTwin(db, source, replaced);
  if (twin) {
    throw new IngestSkipped(
      `"${source.name}" has the same content as "${twin}", which is already loaded: ` +
        `skipped, so no row counts twice.`,
    );
  }
}

/** Only a file of the same size can have the same content: any other is loaded without waiting for its hash. */
async function loadedTwin(
  db: SqlRunner,
  source: SourceFile,
  replaced: number | null,
): Promise<string | null> {
  const sameSize = await db.rows(sourcesOfSizeSql(source.bytes));
  if (sameSize.every((s) => Number(s.source_id) === replaced)) return null;
  const [twin] = await db.rows(sourceByHashSql(await source.contentHash()));
  return twin && Number(twin.source_id) !== replaced ? String(twin.name) : null;
}

/** The earlier reading's rows go; so does its dataset when it held only this file and the rows move. */
export function replaceSql(replacing: Replacing, target: DatasetTarget): string[] {
  const moving = replacing.alone && target.datasetId !== replacing.datasetId;
  return [
    ...dropSourceSql(replacing.sourceId, replacing.table),
    ...(moving ? dropDatasetSql(replacing.datasetId, replacing.table) : []),
  ];
}

/**
 * The last steps of a file's transaction, whatever its format: roles guessed for a new dataset, the
 * dashboard's cubes given its rows, and the file recorded with its hash.
 */
export async function recordSource(
  db: SqlRunner,
  target: DatasetTarget,
  source: SourceFile,
  loaded: Omit<SourceRecord, 'datasetId' | 'name' | 'bytes' | 'contentHash'>,
): Promise<string> {
  const roles = target.guess ? await guessTargetRoles(db, target) : target.roles;
  const cube = { datasetId: target.datasetId, table: target.table, roles, sourceId: loaded.sourceId };
  await db.exec(insertFactsSql(cube));
  const daily = insertDailySql(cube);
  if (daily) await db.exec(daily);
  const contentHash = await source.contentHash();
  const record = { ...loaded, datasetId: target.datasetId, name: source.name, bytes: source.bytes };
  await db.exec(insertSourceSql({ ...record, contentHash }));
  return contentHash;
}
