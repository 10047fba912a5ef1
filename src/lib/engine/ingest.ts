import { insertRowsSql, rowOffsetSql, sourceRowCountSql } from '$lib/models/dataset/build-dataset-sql';
import { columnKey } from '$lib/models/dataset/columns';
import type { RememberedRoles } from '$lib/models/dataset/roles';
import {
  dropRejectTablesSql,
  firstRejectSql,
  keepEmptiedRejectsSql,
  keepRejectsSql,
  nextSourceIdSql,
  rejectCountSql,
  rejectedLineSql,
  rejectTables,
  type RejectTables,
} from '$lib/models/restaurant/build-ingest-sql';
import type { Dialect } from '$lib/models/csv-read/dialect';
import type { Encoding } from '$lib/models/csv-read/encoding';
import { readCsvSql, unclosedQuotesSql, type ReadEncoding } from '$lib/models/csv-read/read-csv-sql';
import {
  attemptDialect,
  attemptEncoding,
  readAttempts,
  type ReadAttempt,
  type ReadChoice,
} from '$lib/models/csv-read/read-decision';
import { readNotes } from '$lib/models/csv-read/read-notes';
import type { FileOutcome, ReadSettings } from './api';
import { createDatasetSql, findDatasetTarget, type DatasetTarget } from './dataset-target';
import { checkNewSource, recordSource, replaceSql, type Replacing, type SourceFile } from './ingest-record';
import {
  IngestCancelled,
  IngestError,
  IngestSkipped,
  explainCsvError,
  isInvalidUnicode,
  notTextMessage,
} from './ingest-errors';
import type { SqlRunner } from './sql-runner';

/** How many bytes of a file its encoding and dialect are decided from. */
export const SAMPLE_BYTES = 256 * 1024;

/** The bytes DuckDB is to read: the file as it is or decoded to UTF-8, with some lines left empty. */
export interface SourceView {
  decode: Encoding | null;
  normalizeNewlines: boolean;
  /** Byte positions (in the bytes DuckDB reads) of lines to leave empty: records it cannot get past. */
  emptied: readonly number[];
}

export interface CsvSource extends SourceFile {
  /** The first bytes of the file (up to SAMPLE_BYTES): its encoding and dialect are decided from them. */
  head: Uint8Array;
  /** Makes the bytes of a view readable by DuckDB and returns their path. */
  open: (view: SourceView) => Promise<string>;
}

/** Records that are not valid UTF-8: the file is read again as Latin-1 rather than losing them. */
class NotUtf8 extends Error {}

/** A record with a quote that is never closed: DuckDB's reader stops there, silently losing the rest. */
class UnclosedQuotes extends Error {
  constructor(readonly records: Emptied[]) {
    super('unclosed quotes');
  }
}

interface Emptied {
  line: number;
  at: number;
  text: string;
}

/** Past this many records with a quote never closed, the file's quoting is not what was decided. */
const MAX_EMPTIED = 20;

type Step = () => Promise<'continue' | 'cancel'>;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
const isOurs = (error: unknown) =>
  error instanceof IngestError || error instanceof IngestCancelled || error instanceof IngestSkipped;
const wrongEncoding = (error: unknown) =>
  error instanceof NotUtf8 ||
  isInvalidUnicode(errorText(error)) ||
  /not latin-1 encoded/i.test(errorText(error));

/**
 * Loads one CSV file into the models, all or nothing: it runs in one transaction, so a file that fails
 * or is cancelled leaves every table exactly as it was. The encoding and the dialect are decided from the
 * file's first bytes, the user's read options kept; a record with a quote never closed is rejected and the
 * file read again without it.
 */
export async function ingestCsv(
  db: SqlRunner,
  source: CsvSource,
  step: Step = async () => 'continue',
  /** Roles the user chose before, by column signature: a new dataset with those columns takes them. */
  remembered: Record<string, RememberedRoles> = {},
  choice: ReadChoice = {},
  replacing: Replacing | null = null,
): Promise<FileOutcome> {
  const started = performance.now();
  await checkNewSource(db, source, replacing?.sourceId ?? null);
  const complete = source.bytes <= source.head.length;
  const ways = readAttempts(source.head, complete, choice);
  if ('binary' in ways) throw new IngestError(source.name, notTextMessage(source.name, ways.binary));
  const [{ id }] = (await db.rows(nextSourceIdSql())) as [{ id: number }];
  for (const [i, first] of ways.attempts.entries()) {
    let attempt = first;
    let normalizeNewlines = ways.mixedNewlines;
    const dialect = attemptDialect(source.head, complete, attempt, choice);
    const target = await findDatasetTarget(db, source.name, dialect.columns, dialect.headerLine, remembered);
    const emptied: Emptied[] = [];
    for (;;) {
      const path = await source.open({
        decode: 'decode' in attempt ? attempt.decode : null,
        normalizeNewlines,
        emptied: emptied.map((e) => e.at),
      });
      const read = { path, attempt, dialect, emptied, replacing };
      try {
        const loaded = await loadInTransaction(db, source, id, read, target, step);
        const encoding = attemptEncoding(attempt);
        return {
          sourceId: id,
          datasetId: target.datasetId,
          newDataset: target.create !== null,
          notes: [...readNotes(source.name, dialect, encoding, emptied), ...target.notes],
          name: source.name,
          bytes: source.bytes,
          ...loaded,
          columns: target.columns.length,
          read: settingsOf(dialect, encoding),
          ms: Math.round(performance.now() - started),
        };
      } catch (error) {
        if (error instanceof UnclosedQuotes && emptied.length + error.records.length <= MAX_EMPTIED) {
          emptied.push(...error.records);
          continue;
        }
        if (error instanceof UnclosedQuotes) throw tooManyUnclosed(source.name, error.records[0]);
        if (isOurs(error)) throw error;
        // Line endings that change past the sample: DuckDB's reader takes one kind per file.
        if (!normalizeNewlines && /reached an invalid state/i.test(errorText(error))) {
          attempt = { decode: attemptEncoding(attempt) };
          normalizeNewlines = true;
          continue;
        }
        if (wrongEncoding(error) && i < ways.attempts.length - 1) break;
        throw explainCsvError(source.name, errorText(error));
      }
    }
  }
  throw new IngestError(source.name, `"${source.name}" could not be read in any of the encodings tried.`);
}

const settingsOf = (dialect: Dialect, encoding: Encoding): ReadSettings => ({
  encoding,
  delimiter: dialect.delimiter,
  quote: dialect.quote,
  escape: dialect.escape,
  header: dialect.header,
  skip: dialect.skip,
  comments: dialect.comments !== null,
});

function tooManyUnclosed(name: string, first: Emptied | undefined): IngestError {
  const where = first ? ` (the first on line ${first.line.toLocaleString('en-US')})` : '';
  return new IngestError(
    name,
    `"${name}" has more than ${MAX_EMPTIED} records with a quote that is never closed${where}, so quotes ` +
      `are not how its values are enclosed. Set its quote character in the read options, or fix the ` +
      `quoting and drop it again. Nothing from this file was loaded; data already loaded is unchanged.`,
  );
}

async function dropRejectTables(db: SqlRunner, rejects: RejectTables): Promise<void> {
  for (const sql of dropRejectTablesSql(rejects)) await db.exec(sql).catch(() => undefined);
}

interface Loaded {
  rows: number;
  rejected: number;
  delimiter: string | null;
  encoding: Encoding;
  contentHash: string;
}

interface Read {
  path: string;
  attempt: ReadAttempt;
  dialect: Dialect;
  emptied: readonly Emptied[];
  replacing: Replacing | null;
}

async function loadInTransaction(
  db: SqlRunner,
  source: CsvSource,
  id: number,
  { path, attempt, dialect, emptied, replacing }: Read,
  target: DatasetTarget,
  step: Step,
): Promise<Loaded> {
  const rejects = rejectTables(id);
  const inPlace: ReadEncoding = 'inPlace' in attempt ? attempt.inPlace : 'utf-8';
  const encoding = attemptEncoding(attempt);
  await db.exec('BEGIN TRANSACTION');
  try {
    if (replacing) for (const sql of replaceSql(replacing, target)) await db.exec(sql);
    if (target.create) for (const sql of createDatasetSql(target.create)) await db.exec(sql);
    const [{ offset }] = (await db.rows(rowOffsetSql(target.table))) as [{ offset: number }];
    const byKey = new Map(dialect.columns.map((name) => [columnKey(name), name]));
    const pairs = target.columns.map((c) => ({ fileColumn: byKey.get(c.key) ?? c.name, column: c.column }));
    const read = readCsvSql({ path, encoding: inPlace, dialect, rejects });
    const insert = insertRowsSql(target.table, id, offset, pairs, read);
    if (db.execLong) await db.execLong(insert, step);
    else await db.exec(insert);
    const unclosed = await db.rows(unclosedQuotesSql(rejects.errors));
    if (unclosed.length > 0) throw new UnclosedQuotes(await unclosedRecords(db, rejects, unclosed));
    const [counts] = (await db.rows(rejectCountSql(rejects))) as [
      { rejected: number; invalid_unicode: number },
    ];
    if (counts.invalid_unicode > 0 && inPlace === 'utf-8' && !('decode' in attempt)) throw new NotUtf8();
    const rejected = counts.rejected + emptied.length;
    const [{ rows }] = (await db.rows(sourceRowCountSql(target.table, id))) as [{ rows: number }];
    if (rows === 0)
      throw new IngestError(source.name, await emptyReason(db, source.name, rejected, rejects, dialect.skip));
    await db.exec(keepRejectsSql(id, rejects));
    if (emptied.length > 0) await db.exec(keepEmptiedRejectsSql(id, emptied));
    const delimiter = dialect.delimiter;
    const loaded = { sourceId: id, rows, rejected, delimiter, encoding };
    const contentHash = await recordSource(db, target, source, loaded);
    await db.exec('COMMIT');
    return { rows, rejected, delimiter, encoding, contentHash };
  } catch (error) {
    await db.exec('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await dropRejectTables(db, rejects);
  }
}

async function unclosedRecords(
  db: SqlRunner,
  rejects: RejectTables,
  found: readonly Record<string, unknown>[],
) {
  const records: Emptied[] = [];
  for (const row of found) {
    const line = Number(row.line);
    const [text] = await db.rows(rejectedLineSql(rejects, line));
    records.push({ line, at: Number(row.at), text: String(text?.text ?? '') });
  }
  return records;
}

async function emptyReason(
  db: SqlRunner,
  name: string,
  rejected: number,
  rejects: ReturnType<typeof rejectTables>,
  skip: number,
) {
  if (rejected === 0 && skip > 0)
    return `"${name}" has no records after the ${skip} lines skipped first: set fewer lines to skip.`;
  if (rejected === 0) return `"${name}" has a header but no records, so there is nothing to load.`;
  const [first] = await db.rows(firstRejectSql(rejects));
  const detail = first ? ` The first is on line ${String(first.line)}: ${String(first.error_message)}.` : '';
  return `"${name}": all ${rejected} records were rejected as malformed, so nothing was loaded.${detail}`;
}

/** `open` for a file DuckDB reads where it is and that needs no other view (the warm-up's, the bench's). */
export const inPlace =
  (path: string) =>
  async (view: SourceView): Promise<string> => {
    if (view.decode !== null || view.normalizeNewlines || view.emptied.length > 0)
      throw new Error(`${path} needs to be decoded, which this source cannot do.`);
    return path;
  };
