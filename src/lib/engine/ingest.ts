import { insertRowsSql, rowOffsetSql, sourceRowCountSql } from '$lib/models/dataset/build-dataset-sql';
import { columnKey } from '$lib/models/dataset/columns';
import type { RememberedRoles } from '$lib/models/dataset/roles';
import {
  describeCsvSql,
  dropRejectTablesSql,
  firstRejectSql,
  insertDailySql,
  insertFactsSql,
  insertSourceSql,
  keepRejectsSql,
  MAX_RECORD_BYTES,
  nextSourceIdSql,
  readCsvSql,
  rejectCountSql,
  rejectTables,
  sourceByHashSql,
  sourcesOfSizeSql,
  type CsvEncoding,
  type CsvReadOptions,
  type RejectTables,
} from '$lib/models/restaurant/build-ingest-sql';
import { detectDelimiter, headerFields } from '$lib/models/csv-dialect';
import type { FileOutcome } from './api';
import { createDatasetSql, findDatasetTarget, guessTargetRoles, type DatasetTarget } from './dataset-target';
import {
  IngestCancelled,
  IngestError,
  IngestSkipped,
  explainCsvError,
  isInvalidUnicode,
  looksBinary,
} from './ingest-errors';
import type { SqlRunner } from './sql-runner';

export interface CsvSource {
  /** The name DuckDB knows the registered file by. */
  path: string;
  /** The name the user sees. */
  name: string;
  bytes: number;
  /** The first bytes of the file, to tell text from binary before DuckDB tries. */
  head: Uint8Array;
  /** The file's content hash: finished once the load has read the file (or before, to rule out a twin). */
  contentHash: () => Promise<string>;
}

/** Records that are not valid UTF-8: the file is read again as Latin-1 rather than losing them. */
class NotUtf8 extends Error {}

type Step = () => Promise<'continue' | 'cancel'>;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
const isOurs = (error: unknown) =>
  error instanceof IngestError || error instanceof IngestCancelled || error instanceof IngestSkipped;

/**
 * Loads one CSV file into the models, all or nothing: it runs in one transaction, so a file that fails
 * or is cancelled leaves every table exactly as it was. Text that is not UTF-8 is read as Latin-1.
 */
export async function ingestCsv(
  db: SqlRunner,
  source: CsvSource,
  step: Step = async () => 'continue',
  /** Roles the user chose before, by column signature: a new dataset with those columns takes them. */
  remembered: Record<string, RememberedRoles> = {},
): Promise<FileOutcome> {
  const started = performance.now();
  checkReadable(source);
  const twin = await loadedTwin(db, source);
  if (twin) {
    throw new IngestSkipped(
      `"${source.name}" has the same content as "${twin}", which is already loaded: ` +
        `skipped, so no row counts twice.`,
    );
  }
  const [{ id }] = (await db.rows(nextSourceIdSql())) as [{ id: number }];
  let encoding: CsvEncoding = 'utf-8';
  const header = await readHeader(db, source, id, encoding).catch(async (error: unknown) => {
    if (!isInvalidUnicode(errorText(error))) throw explainCsvError(source.name, errorText(error));
    encoding = 'latin-1';
    return readHeader(db, source, id, encoding);
  });
  const headerLine = headerFields(source.head, detectDelimiter(source.head));
  const target = await findDatasetTarget(db, source.name, header, headerLine, remembered);

  let loaded: Loaded;
  try {
    loaded = await loadInTransaction(db, source, id, header, target, encoding, step);
  } catch (error) {
    if (isOurs(error)) throw error;
    if (encoding !== 'utf-8' || !(error instanceof NotUtf8 || isInvalidUnicode(errorText(error))))
      throw explainCsvError(source.name, errorText(error));
    // A non-UTF-8 byte can appear anywhere, long after the header: start over as Latin-1.
    encoding = 'latin-1';
    loaded = await loadInTransaction(db, source, id, header, target, encoding, step).catch(
      (retry: unknown) => {
        throw isOurs(retry) ? retry : explainCsvError(source.name, errorText(retry));
      },
    );
  }
  return {
    sourceId: id,
    datasetId: target.datasetId,
    newDataset: target.create !== null,
    notes: target.notes,
    name: source.name,
    bytes: source.bytes,
    ...loaded,
    encoding,
    contentHash: loaded.contentHash,
    ms: Math.round(performance.now() - started),
  };
}

/** Only a file of the same size can have the same content: any other is loaded without waiting for its hash. */
async function loadedTwin(db: SqlRunner, source: CsvSource): Promise<string | null> {
  if ((await db.rows(sourcesOfSizeSql(source.bytes))).length === 0) return null;
  const [twin] = await db.rows(sourceByHashSql(await source.contentHash()));
  return twin ? String(twin.name) : null;
}

function checkReadable(source: CsvSource): void {
  if (source.bytes === 0) {
    throw new IngestError(
      source.name,
      `"${source.name}" is empty (0 bytes). Choose a CSV file with a header row and records.`,
    );
  }
  if (looksBinary(source.head)) {
    throw new IngestError(
      source.name,
      `"${source.name}" is not a text file: it holds binary data (an image or a spreadsheet renamed .csv, ` +
        `or UTF-16 text). Export it as a UTF-8 CSV and drop it again.`,
    );
  }
}

async function readHeader(
  db: SqlRunner,
  source: CsvSource,
  id: number,
  encoding: CsvEncoding,
): Promise<string[]> {
  const rejects = rejectTables(id);
  const delimiter = detectDelimiter(source.head);
  const options = { path: source.path, encoding, delimiter, rejects };
  try {
    const rows = await db.rows(describeCsvSql(options)).catch(async () => {
      await dropRejectTables(db, rejects);
      return db.rows(describeCsvSql(options, MAX_RECORD_BYTES));
    });
    return rows.map((row) => String(row.column_name));
  } finally {
    await dropRejectTables(db, rejects);
  }
}

async function dropRejectTables(db: SqlRunner, rejects: RejectTables): Promise<void> {
  for (const sql of dropRejectTablesSql(rejects)) await db.exec(sql).catch(() => undefined);
}

interface Loaded {
  rows: number;
  rejected: number;
  delimiter: string | null;
  contentHash: string;
}

async function loadInTransaction(
  db: SqlRunner,
  source: CsvSource,
  id: number,
  header: readonly string[],
  target: DatasetTarget,
  encoding: CsvEncoding,
  step: Step,
): Promise<Loaded> {
  const rejects = rejectTables(id);
  const delimiter = detectDelimiter(source.head);
  const read: CsvReadOptions = { path: source.path, encoding, delimiter, rejects };
  await db.exec('BEGIN TRANSACTION');
  try {
    if (target.create) for (const sql of createDatasetSql(target.create)) await db.exec(sql);
    const [{ offset }] = (await db.rows(rowOffsetSql(target.table))) as [{ offset: number }];
    const byKey = new Map(header.map((name) => [columnKey(name), name]));
    const pairs = target.columns.map((c) => ({ fileColumn: byKey.get(c.key) ?? c.name, column: c.column }));
    const insert = insertRowsSql(target.table, id, offset, pairs, readCsvSql(read));
    if (db.execLong) await db.execLong(insert, step);
    else await db.exec(insert);
    const [{ rejected, invalid_unicode }] = (await db.rows(rejectCountSql(rejects))) as [
      { rejected: number; invalid_unicode: number },
    ];
    if (invalid_unicode > 0 && encoding === 'utf-8') throw new NotUtf8();
    const [{ rows }] = (await db.rows(sourceRowCountSql(target.table, id))) as [{ rows: number }];
    if (rows === 0) throw new IngestError(source.name, await emptyReason(db, source.name, rejected, rejects));
    await db.exec(keepRejectsSql(id, rejects));
    const roles = target.guess ? await guessTargetRoles(db, target) : target.roles;
    const cube = { datasetId: target.datasetId, table: target.table, roles, sourceId: id };
    await db.exec(insertFactsSql(cube));
    const daily = insertDailySql(cube);
    if (daily) await db.exec(daily);
    const contentHash = await source.contentHash();
    await db.exec(
      insertSourceSql({
        sourceId: id,
        datasetId: target.datasetId,
        name: source.name,
        bytes: source.bytes,
        rows,
        rejected,
        delimiter,
        encoding,
        contentHash,
      }),
    );
    await db.exec('COMMIT');
    return { rows, rejected, delimiter, contentHash };
  } catch (error) {
    await db.exec('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await dropRejectTables(db, rejects);
  }
}

async function emptyReason(
  db: SqlRunner,
  name: string,
  rejected: number,
  rejects: ReturnType<typeof rejectTables>,
) {
  if (rejected === 0) return `"${name}" has a header but no records, so there is nothing to load.`;
  const [first] = await db.rows(firstRejectSql(rejects));
  const detail = first ? ` The first is on line ${String(first.line)}: ${String(first.error_message)}.` : '';
  return `"${name}": all ${rejected} records were rejected as malformed, so nothing was loaded.${detail}`;
}
