import { ident, integer, literal } from '../sql';
import type { Dialect } from './dialect';

/** Longer records than DuckDB's 2 MB default load (a long text value is data); past this, a clear error. */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;

/** What DuckDB reads the registered bytes as: the file itself, or its text decoded to UTF-8 in the worker. */
export type ReadEncoding = 'utf-8' | 'latin-1';

export interface CsvReadPlan {
  path: string;
  encoding: ReadEncoding;
  dialect: Pick<
    Dialect,
    'delimiter' | 'quote' | 'escape' | 'header' | 'skip' | 'columns' | 'shortRows' | 'comments'
  >;
  /** Per-load reject tables: DuckDB's default ones outlive the query and would mix files up. */
  rejects?: { errors: string; scans: string };
}

/** DuckDB needs a delimiter: a one-column file gets one that text never holds (the unit separator). */
const NO_DELIMITER = '\u001f';

/**
 * The dialect is decided before DuckDB reads (`models/csv-read/dialect.ts`), so its sniffer is off: it
 * samples the first rows only and refuses a whole file over one stray quote. Every column is text: a cost
 * that turns into `N/A` on line five million must not fail the load. Malformed records (wrong field
 * count, broken quotes) go to reject tables instead of being guessed or silently dropped.
 */
export function readCsvSql({ path, encoding, dialect, rejects }: CsvReadPlan): string {
  const columns = dialect.columns.map((name) => `${literal(name)}: 'VARCHAR'`).join(', ');
  const store = rejects
    ? `, store_rejects = true, rejects_table = ${literal(rejects.errors)}, rejects_scan = ${literal(rejects.scans)}`
    : '';
  // With comments on, DuckDB drops comment lines before it counts the lines to skip.
  const skip = dialect.skip - (dialect.comments?.skipped ?? 0);
  const comment = dialect.comments ? `comment = '#', ` : '';
  return (
    `read_csv(${literal(path)}, auto_detect = false, columns = {${columns}}, ` +
    `header = ${dialect.header}, skip = ${integer(skip)}, ${comment}` +
    `delim = ${literal(dialect.delimiter ?? NO_DELIMITER)}, quote = ${literal(dialect.quote)}, ` +
    `escape = ${literal(dialect.escape)}, null_padding = ${dialect.shortRows}, ` +
    `max_line_size = ${integer(MAX_RECORD_BYTES)}, ` +
    // DuckDB sizes its read buffer at 16x the longest record (256 MB here): two records' worth is enough.
    `buffer_size = ${integer(2 * MAX_RECORD_BYTES)}, encoding = ${literal(encoding)}${store})`
  );
}

/** The records DuckDB refused because a quote opened in them is never closed, with where their line starts. */
export function unclosedQuotesSql(errors: string): string {
  return `SELECT DISTINCT line, line_byte_position AS at FROM ${ident(errors)}
    WHERE error_type::VARCHAR = 'UNQUOTED VALUE' ORDER BY line`;
}
