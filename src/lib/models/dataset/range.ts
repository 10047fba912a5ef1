import { ident, literal } from '../sql';

/**
 * A range of one column of a dataset's table that the dashboard is narrowed to: dates (the date role,
 * read as the cube reads it) or numbers (any column whose values read as numbers). Both ends included.
 * `column` is the table's column; `name` is the file's, for the chip.
 */
export type RangeFilter =
  | { kind: 'date'; column: string; name: string; from: string; to: string }
  | { kind: 'number'; column: string; name: string; from: number; to: number };

/**
 * What a dataset's narrowed cube and daily summary hold: the rows of a range, and (for the daily summary,
 * which has no customer column) of a customer.
 */
export interface Narrowing {
  range: RangeFilter | null;
  customer: string | null;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A range is only used when its ends are what its kind says and in order; otherwise it is an error. */
export function checkRange(range: RangeFilter): RangeFilter {
  if (range.kind === 'date') {
    if (!ISO_DAY.test(range.from) || !ISO_DAY.test(range.to))
      throw new RangeError(`A date range needs YYYY-MM-DD ends, got ${range.from} and ${range.to}`);
    return range.from <= range.to ? range : { ...range, from: range.to, to: range.from };
  }
  if (!Number.isFinite(range.from) || !Number.isFinite(range.to))
    throw new RangeError(`A number range needs finite ends, got ${range.from} and ${range.to}`);
  return range.from <= range.to ? range : { ...range, from: range.to, to: range.from };
}

/** A column's values as a range of its kind reads them: days as the cube reads dates, or numbers. */
export function rangeValueSql(kind: RangeFilter['kind'], column: string): string {
  return kind === 'date' ? `day_value(${ident(column)})` : `try_cast(${ident(column)} AS DOUBLE)`;
}

const between = (r: RangeFilter) =>
  r.kind === 'date'
    ? `BETWEEN ${literal(r.from)}::DATE AND ${literal(r.to)}::DATE`
    : `BETWEEN ${String(r.from)}::DOUBLE AND ${String(r.to)}::DOUBLE`;

/** Whether a column already read as the range's kind (a day, a number) is within it; ends included. */
export function rangeBetweenSql(range: RangeFilter, column: string): string {
  return `${ident(column)} ${between(checkRange(range))}`;
}

/** The rows of the range, as a predicate on the raw (text) column; the same reading as the cube's. */
export function rangePredicateSql(range: RangeFilter): string {
  const r = checkRange(range);
  return `${rangeValueSql(r.kind, r.column)} ${between(r)}`;
}

/** The id a dataset's narrowed cube is written under: it never collides with a dataset's own id (≥ 1). */
export const narrowedId = (datasetId: number) => -Math.abs(datasetId);

const number = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** How a chip shows a range's ends: "2024-03-04 – 2024-04-14", "1,200 – 3,450.5". */
export function rangeLabel(range: RangeFilter): string {
  return range.kind === 'date'
    ? `${range.from} – ${range.to}`
    : `${number(range.from)} – ${number(range.to)}`;
}
