import { columnNames } from './column-names';
import { sampleRecords, type Quoting, type SampleRecord } from './records';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
/** As DuckDB's sniffer tries them; on a tie the earlier wins, so RFC 4180's double quote comes first. */
const QUOTINGS: Quoting[] = [
  { quote: '"', escape: '"' },
  { quote: '"', escape: '\\' },
  { quote: "'", escape: "'" },
];

/** What the user set in the read options form; anything left out is decided from the file. */
export interface ChosenDialect {
  header?: boolean;
  skip?: number;
  /** null: one column. */
  delimiter?: string | null;
  quote?: string;
  escape?: string;
  /** Lines starting with `#` are comments: found from the sample unless chosen. */
  comments?: boolean;
}

/** How a file is to be read, decided from a sample of its text. */
export interface Dialect extends Quoting {
  /** null: every line is one value. */
  delimiter: string | null;
  header: boolean;
  /** Lines before the header (or the first record): a title, a date, blank lines. */
  skip: number;
  /** The table's column names: the header's (trimmed, empty and repeated ones renamed) or column1…. */
  columns: string[];
  /** The header's fields as written, for notes about repeated names. */
  headerLine: string[];
  /** Every row ends with a delimiter: the empty field after it is not a column. */
  trailingDelimiter: boolean;
  /** Every row has one field less than the header: the last column is empty, not the rows malformed. */
  shortRows: boolean;
  /** Records end with different line breaks (`\r\n` and `\n`). */
  mixedNewlines: boolean;
  /** The preamble lines skipped, as text, for the note. */
  skipped: string[];
  /** A second table below the first, after an empty line: its lines will be rejected. */
  anotherTable: { line: number; columns: number } | null;
  /**
   * Lines inside the table that start with `#` (notes left in an export), read by DuckDB as comments:
   * the sample's such lines, and how many of the skipped lines are such (DuckDB does not count them).
   */
  comments: { lines: { line: number; text: string }[]; skipped: number } | null;
}

interface Candidate {
  delimiter: string | null;
  quoting: Quoting;
  records: SampleRecord[];
  width: number;
  share: number;
}

/**
 * Decides the dialect as DuckDB's sniffer does (the candidate whose records agree most on their number of
 * fields), over many lines rather than the first, and then finds what the sniffer misses: title lines
 * before the header, a header that is not there, a delimiter ending every row, rows one field short.
 */
export function sniffDialect(text: string, complete: boolean, given: ChosenDialect = {}): Dialect {
  // Excel writes its delimiter on a first line of its own, `sep=;`: taken, and that line skipped.
  const hint = /^sep=([^\r\n])\r?\n/i.exec(text)?.[1];
  const chosen = hint ? { ...given, delimiter: given.delimiter ?? hint, skip: given.skip ?? 1 } : given;
  const best = bestCandidate(text, complete, chosen);
  const { records, width } = best;
  const at = chosen.skip !== undefined ? firstRecordAfter(records, chosen.skip) : tableStart(records, width);
  const first = records[at];
  const skip = chosen.skip ?? (first ? first.line - 1 : 0);
  const header = chosen.header ?? (first ? hasHeader(first, records.slice(at + 1), width) : true);
  const headerFields = header && first ? first.fields : [];
  const rows = records.slice(header ? at + 1 : at).filter((r) => r.fields.length === width);
  const shape = tableShape(header ? headerFields : null, rows, width);
  const fields = headerFields.slice(0, shape.width);
  const endings = new Set(records.map((r) => r.ending).filter((e) => e !== ''));
  return {
    delimiter: best.delimiter,
    ...best.quoting,
    header,
    skip,
    columns: columnNames(fields, shape.width),
    headerLine: headerFields,
    trailingDelimiter: shape.trailingDelimiter,
    shortRows: shape.shortRows,
    mixedNewlines: endings.size > 1,
    skipped: text.split(/\r\n|\n|\r/).slice(0, skip),
    anotherTable: anotherTable(records.slice(at + 1), width),
    comments: commentLines(records, header ? at + 1 : at, skip, chosen.comments),
  };
}

const COMMENT = /^[ \t]*#/;

/**
 * Comment lines among the table's records, when no other line holds a `#`: DuckDB's `comment` option
 * skips a line that starts with one, but also cuts any other line at its `#` ("Apt #5"), so it is used
 * only when the sample shows no such value.
 */
function commentLines(
  records: readonly SampleRecord[],
  from: number,
  skip: number,
  chosen: boolean | undefined,
): Dialect['comments'] {
  if (chosen === false) return null;
  const inside = records.slice(from).filter((r) => COMMENT.test(r.text));
  if (chosen === undefined && inside.length === 0) return null;
  if (chosen === undefined && records.some((r) => !COMMENT.test(r.text) && r.text.includes('#'))) return null;
  const skipped = records.filter((r) => r.line <= skip && COMMENT.test(r.text)).length;
  return { lines: inside.map(({ line, text }) => ({ line, text })), skipped };
}

/** A record after an empty line, of another width, with a record of its width after it: a table of its own. */
function anotherTable(records: readonly SampleRecord[], width: number) {
  const at = records.findIndex(
    (r, i) =>
      r.afterBlank &&
      r.fields.length > 1 &&
      r.fields.length !== width &&
      records[i + 1]?.fields.length === r.fields.length,
  );
  const first = records[at];
  return first ? { line: first.line, columns: first.fields.length } : null;
}

/**
 * The table's width from the header and the rows. A delimiter ending every row adds an empty field that
 * is not a column: on the rows only (header one field shorter), on both (the header's last name empty), or
 * on the header only. A header one field longer than every row, its last name given, means the rows leave
 * the last column out: they are padded with empty values rather than all rejected.
 */
function tableShape(header: readonly string[] | null, rows: readonly SampleRecord[], width: number) {
  const lastEmpty = rows.length > 0 && width > 1 && rows.every((r) => r.fields[width - 1]?.trim() === '');
  const plain = { width, trailingDelimiter: false, shortRows: false };
  if (!header) return lastEmpty ? { ...plain, width: width - 1, trailingDelimiter: true } : plain;
  const headerEndsEmpty = header.length > 1 && header[header.length - 1]?.trim() === '';
  if (lastEmpty && header.length === width - 1)
    return { ...plain, width: width - 1, trailingDelimiter: true };
  if (lastEmpty && header.length === width && headerEndsEmpty)
    return { ...plain, width: width - 1, trailingDelimiter: true };
  if (header.length === width + 1 && headerEndsEmpty) return { ...plain, trailingDelimiter: true };
  if (header.length === width + 1 && width > 1) return { ...plain, width: width + 1, shortRows: true };
  return { ...plain, width: header.length };
}

function bestCandidate(text: string, complete: boolean, chosen: ChosenDialect): Candidate {
  const delimiters = chosen.delimiter !== undefined ? [chosen.delimiter] : DELIMITERS;
  const quotings = QUOTINGS.filter(
    (q) =>
      (chosen.quote === undefined || q.quote === chosen.quote) &&
      (chosen.escape === undefined || q.escape === chosen.escape),
  );
  const tried =
    quotings.length > 0 ? quotings : [{ quote: chosen.quote ?? '"', escape: chosen.escape ?? '"' }];
  let best: Candidate | null = null;
  for (const delimiter of delimiters) {
    for (const quoting of tried) {
      // Another quote than `"` only where it encloses a field: else it is an apostrophe, not a quote.
      if (quoting.quote !== '"' && chosen.quote === undefined && !opensField(text, delimiter, quoting.quote))
        continue;
      const candidate = measure(text, complete, delimiter, quoting);
      if (!best || better(candidate, best)) best = candidate;
    }
  }
  const found = best as Candidate;
  // Nothing splits the lines: one column, read whole.
  if (chosen.delimiter === undefined && found.width <= 1)
    return measure(text, complete, null, tried[0] as Quoting);
  return found;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function opensField(text: string, delimiter: string | null, quote: string): boolean {
  const before = `^|[\\r\\n]${delimiter === null ? '' : `|${escapeRegExp(delimiter)}`}`;
  return new RegExp(`(?:${before})[ \\t]*${escapeRegExp(quote)}[^\\r\\n]*${escapeRegExp(quote)}`).test(text);
}

function measure(text: string, complete: boolean, delimiter: string | null, quoting: Quoting): Candidate {
  const records = sampleRecords(text, delimiter, quoting, complete, 500);
  const counts = new Map<number, number>();
  for (const r of records)
    if (!r.unclosed) counts.set(r.fields.length, (counts.get(r.fields.length) ?? 0) + 1);
  let width = 1;
  let most = 0;
  for (const [count, n] of counts) if (n > most || (n === most && count > width)) [width, most] = [count, n];
  return { delimiter, quoting, records, width, share: records.length === 0 ? 0 : most / records.length };
}

/** More records agree on a width above one; then the wider table; ties keep the earlier candidate. */
function better(a: Candidate, b: Candidate): boolean {
  const splits = (c: Candidate) => (c.width > 1 ? 1 : 0);
  if (splits(a) !== splits(b)) return splits(a) > splits(b);
  if (Math.abs(a.share - b.share) > 0.001) return a.share > b.share;
  return a.width > b.width;
}

/**
 * The header (or the first row): the first record about the table's width (a header may be one field
 * longer or shorter than its rows) followed mostly by records of that width. Title lines have fewer fields.
 */
function tableStart(records: readonly SampleRecord[], width: number): number {
  const limit = Math.min(records.length, 50);
  for (let at = 0; at < limit; at++) {
    const own = (records[at] as SampleRecord).fields.length;
    if (Math.abs(own - width) > 1 || (width > 1 && own === 1)) continue;
    const rest = records.slice(at + 1);
    const agree = rest.filter((r) => r.fields.length === width).length;
    if (rest.length === 0 || agree >= rest.length * 0.5) return at;
  }
  return 0;
}

function firstRecordAfter(records: readonly SampleRecord[], skip: number): number {
  const at = records.findIndex((r) => r.line > skip);
  return at < 0 ? 0 : at;
}

type ValueType = 'empty' | 'number' | 'date' | 'bool' | 'text';

const NUMBER = /^[-+]?[$€£¥]?\s?(?:\d[\d,. ']*)?\d(?:[eE][-+]?\d+)?\s?%?$/;
const DATE = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})(?:[T ]\d{1,2}:\d\d.*)?$/;

function valueType(value: string): ValueType {
  const v = value.trim();
  if (v === '') return 'empty';
  if (DATE.test(v)) return 'date';
  if (NUMBER.test(v)) return 'number';
  if (/^(?:true|false)$/i.test(v)) return 'bool';
  return 'text';
}

/**
 * A header is text above columns of numbers, dates or booleans. A first row typed like the rows below it
 * is data. When every column is text nothing tells them apart, and a header is far more common.
 */
function hasHeader(first: SampleRecord, below: readonly SampleRecord[], width: number): boolean {
  if (first.fields.length !== width) return true;
  const rows = below.filter((r) => r.fields.length === width).slice(0, 200);
  if (rows.length === 0) return true;
  let headerLike = 0;
  let dataLike = 0;
  for (let column = 0; column < width; column++) {
    const type = columnType(rows.map((r) => r.fields[column] ?? ''));
    if (type === 'text') continue;
    const own = valueType(first.fields[column] ?? '');
    if (own === 'text') headerLike++;
    else if (own === type) dataLike++;
  }
  return headerLike > 0 || dataLike === 0;
}

function columnType(values: readonly string[]): ValueType {
  const counts = new Map<ValueType, number>();
  let filled = 0;
  for (const value of values) {
    const type = valueType(value);
    if (type === 'empty') continue;
    filled++;
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  for (const [type, n] of counts) if (type !== 'text' && n >= filled * 0.9 && filled > 0) return type;
  return 'text';
}

export function delimiterName(delimiter: string | null): string {
  const names: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };
  return delimiter === null ? 'single-column' : (names[delimiter] ?? `“${delimiter}”`);
}
