import { LINEAGE } from '../dataset/columns';
import { ident, literal } from '../sql';
import type { MetricsFilter } from './metrics-filters';
import type { MetricsModel, ModelColumn } from './metrics-model';
import { scanSource } from './metrics-source';

/** How the rows leave: CSV as the file had them, CSV safe to open in a spreadsheet, or typed Parquet. */
export type RowsFormat = 'csv' | 'csv-excel' | 'parquet';

/** The characters a spreadsheet reads as the start of a formula (OWASP's list). */
const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r'];

/**
 * A value a spreadsheet would run as a formula gets a leading apostrophe, which spreadsheets show as
 * text; a plain number such as -5 is left as it is.
 */
function neutralisedSql(column: ModelColumn): string {
  const c = ident(column.column);
  const starts = FORMULA_STARTS.map(literal).join(', ');
  return `CASE WHEN left(${c}, 1) IN (${starts}) AND try_cast(trim(${c}) AS DOUBLE) IS NULL THEN '''' || ${c} ELSE ${c} END`;
}

/** A column's typed value for Parquet: whole numbers as BIGINT, others as DOUBLE, times as TIMESTAMP. */
function typedSql(column: ModelColumn): string {
  const c = ident(column.column);
  if (column.type === 'integer') return `try_cast(trim(${c}) AS BIGINT)`;
  if (column.type === 'decimal') return `try_cast(trim(${c}) AS DOUBLE)`;
  if (column.type === 'time')
    return column.timeFormat === null
      ? `try_cast(trim(${c}) AS TIMESTAMP)`
      : `try_strptime(trim(${c}), ${literal(column.timeFormat)})`;
  return c;
}

/**
 * The dataset's rows under the dashboard's filters and chosen files, every column under its own name, in
 * the order the files were loaded.
 */
export function exportRowsSql(
  table: string,
  model: MetricsModel,
  filters: readonly MetricsFilter[],
  files: readonly number[] | null,
  format: RowsFormat,
): string {
  const value =
    format === 'parquet'
      ? typedSql
      : format === 'csv-excel'
        ? neutralisedSql
        : (c: ModelColumn) => ident(c.column);
  const columns = model.columns.map((c) => `${value(c)} AS ${ident(c.name)}`);
  const source = scanSource(table, model);
  return `SELECT ${columns.join(', ')} FROM ${source.from} ${source.where(filters, files)}
    ORDER BY ${ident(LINEAGE.source)}, ${ident(LINEAGE.row)}`;
}

/** `sales.csv` → `sales.filtered.parquet`: the dataset's name, whether it is narrowed, and the format. */
export function exportFileName(dataset: string, narrowed: boolean, format: RowsFormat): string {
  const stem =
    dataset
      .split(/ › |\//)
      .at(-1)
      ?.replace(/\.gz$/i, '')
      .replace(/\.[^.]*$/, '') || 'data';
  const ext = format === 'parquet' ? 'parquet' : 'csv';
  return `${stem}${narrowed ? '.filtered' : ''}${format === 'csv-excel' ? '.excel' : ''}.${ext}`;
}
