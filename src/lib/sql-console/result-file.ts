import { literal } from '$lib/models/sql';
import type { SchemaTable } from './schema';
import { splitStatements } from './statement';

/** How a console result leaves: CSV (DuckDB's quoting), typed Parquet, or an Arrow IPC file. */
export type ResultFormat = 'csv' | 'parquet' | 'arrow';

export const RESULT_FORMATS: readonly ResultFormat[] = ['csv', 'parquet', 'arrow'];

export const RESULT_MEDIA_TYPES: Record<ResultFormat, string> = {
  csv: 'text/csv',
  parquet: 'application/vnd.apache.parquet',
  arrow: 'application/vnd.apache.arrow.file',
};

/**
 * A download holds every row the query returns, not only the rows shown; it is built in the engine's
 * memory first, so it has a ceiling.
 */
export const DOWNLOAD_MAX_BYTES = 1024 * 1024 * 1024;

/** The statement without its semicolon, on lines of its own so a trailing comment cannot eat the bracket. */
function inner(query: string): string {
  return `\n${splitStatements(query)[0]?.text ?? query}\n`;
}

/**
 * The whole result of a console query written by DuckDB as CSV with a header; straight to `path`, not to
 * a temporary file first, so a cancelled download leaves only the file the caller drops.
 */
export function resultCsvSql(query: string, path: string): string {
  return `COPY (${inner(query)}) TO ${literal(path)} (FORMAT csv, HEADER true, USE_TMP_FILE false)`;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `SELECT … FROM "weather" …` → `weather.query.csv`: named after the first table or view the query reads,
 * so the file says where it came from; `query-result.csv` when it reads none.
 */
export function resultFileName(query: string, tables: readonly SchemaTable[], format: ResultFormat): string {
  let first: { at: number; name: string } | null = null;
  for (const { name } of tables) {
    const quoted = `"${name.replaceAll('"', '""')}"`;
    const pattern = new RegExp(`${escapeRegExp(quoted)}|(?<![\\w"])${escapeRegExp(name)}(?![\\w"])`, 'i');
    const match = pattern.exec(query);
    if (match && (!first || match.index < first.at)) first = { at: match.index, name };
  }
  const stem = first ? first.name.replace(/[\\/:*?"<>|\s]+/g, '_').replace(/^\.+/, '') : '';
  return `${stem ? `${stem}.query` : 'query-result'}.${format}`;
}
