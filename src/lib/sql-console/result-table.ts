import { DataType, RecordBatchReader, Table, Vector, type RecordBatch } from 'apache-arrow';
import type { ValueKind } from './chart-sql';

export interface ResultColumn {
  name: string;
  /** Arrow's name of the type, e.g. Int64, Utf8, Timestamp<MICROSECOND>. */
  type: string;
  kind: ValueKind;
}

/** A console result as it reaches the page: Arrow, read cell by cell for the rows on screen. */
export interface QueryResult {
  sql: string;
  table: Table;
  columns: ResultColumn[];
  /** One vector per column, made once: Table.getChildAt builds a new one on every call. */
  vectors: (Vector | null)[];
  /** Rows shown: at most the limit, even when the last streamed chunk went past it. */
  rows: number;
  truncated: boolean;
  ms: number;
}

export function kindOf(type: DataType): ValueKind {
  // ENUMs (and strings in dictionaries) are their values' kind.
  if (DataType.isDictionary(type)) return kindOf(type.dictionary);
  if (DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type)) return 'number';
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return 'text';
  if (DataType.isDate(type) || DataType.isTimestamp(type)) return 'temporal';
  if (DataType.isBool(type)) return 'boolean';
  return 'other';
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Decodes Arrow IPC bytes batch by batch, giving the page back every few milliseconds: a million rows come
 * in about 500 batches, and reading them in one go held the main thread for well over 100 ms.
 */
export async function decodeInSlices(bytes: Uint8Array, sliceMs = 12): Promise<Table> {
  const reader = RecordBatchReader.from(bytes);
  const batches: RecordBatch[] = [];
  let sliceStart = performance.now();
  for (let next = reader.next(); !next.done; next = reader.next()) {
    batches.push(next.value);
    if (performance.now() - sliceStart > sliceMs) {
      await nextTask();
      sliceStart = performance.now();
    }
  }
  return batches.length > 0 ? new Table(batches) : new Table(reader.schema);
}

export async function queryResult(
  sql: string,
  bytes: Uint8Array,
  limit: number,
  truncated: boolean,
  ms: number,
): Promise<QueryResult> {
  const table = await decodeInSlices(bytes);
  const columns = table.schema.fields.map((field) => ({
    name: field.name,
    type: String(field.type),
    kind: kindOf(field.type),
  }));
  const vectors = columns.map((_, i) => table.getChildAt(i));
  return { sql, table, columns, vectors, rows: Math.min(table.numRows, limit), truncated, ms };
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function dateText(ms: number, withTime: boolean): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return String(ms);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (!withTime) return date;
  const millis = d.getUTCMilliseconds();
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${date} ${time}${millis ? `.${pad(millis, 3)}` : ''}`;
}

const json = (value: unknown) =>
  JSON.stringify(value, (_, v: unknown) =>
    typeof v === 'bigint' ? v.toString() : v instanceof Vector ? [...v] : v,
  );

/** A cell as text (never markup): numbers grouped, dates in ISO form, nested values as JSON; null stays null. */
export function cellText(value: unknown, column: ResultColumn): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint' || typeof value === 'number') {
    if (column.kind === 'temporal' && typeof value === 'number')
      return dateText(value, !column.type.startsWith('Date'));
    return numberFormat.format(value);
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Uint8Array) {
    const hex = Array.from(value.subarray(0, 64), (b) => b.toString(16).padStart(2, '0')).join('');
    return `\\x${hex}${value.length > 64 ? '…' : ''}`;
  }
  if (value instanceof Vector) return json([...value]);
  if (typeof value === 'object' && 'toJSON' in value && typeof value.toJSON === 'function')
    return json(value.toJSON());
  return String(value);
}

/** The value of a cell as plain JSON data, for query panels: big integers past 2^53 become text. */
export function plainValue(value: unknown, column: ResultColumn): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint')
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  if (typeof value === 'number') return column.kind === 'temporal' ? cellText(value, column) : value;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return cellText(value, column);
}

export function cell(result: QueryResult, row: number, col: number): unknown {
  return result.vectors[col]?.get(row);
}

/** The first rows of a result as plain data. */
export function plainRows(result: QueryResult, count: number): (string | number | boolean | null)[][] {
  const rows: (string | number | boolean | null)[][] = [];
  for (let r = 0; r < Math.min(count, result.rows); r++) {
    rows.push(result.columns.map((column, c) => plainValue(cell(result, r, c), column)));
  }
  return rows;
}
