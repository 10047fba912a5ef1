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
    if (column.kind === 'temporal' && typeof value === 'number') {
      const zoned = /^Timestamp<\w+, .+>$/.test(column.type) ? '+00' : '';
      return dateText(value, !column.type.startsWith('Date')) + zoned;
    }
    const time = /^Time(32|64)<(\w+)>$/.exec(column.type);
    if (time) {
      const unit = TIME_UNITS[time[2] ?? ''];
      return unit ? timeText(BigInt(value) * unit) : timeText(BigInt(value) / 1000n);
    }
    return numberFormat.format(value);
  }
  if (value instanceof IntervalValue) return value.toString();
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
  if (/^Time(32|64)</.test(column.type)) return cellText(value, column);
  if (typeof value === 'bigint')
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  if (typeof value === 'number') return column.kind === 'temporal' ? cellText(value, column) : value;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return cellText(value, column);
}

export function cell(result: QueryResult, row: number, col: number): unknown {
  const vector = result.vectors[col];
  if (!vector) return undefined;
  // apache-arrow 17 reads MONTH_DAY_NANO intervals (DuckDB's INTERVAL) as two numbers: read all three.
  if (result.columns[col]?.type === 'Interval<MONTH_DAY_NANO>') return intervalAt(vector, row);
  return vector.get(row);
}

/** An INTERVAL as DuckDB writes it: "2 months 1 day 00:00:03". */
export class IntervalValue {
  constructor(
    readonly months: number,
    readonly days: number,
    readonly nanos: bigint,
  ) {}

  toString(): string {
    const parts: string[] = [];
    const years = Math.trunc(this.months / 12);
    const months = this.months % 12;
    if (years) parts.push(`${years} year${Math.abs(years) === 1 ? '' : 's'}`);
    if (months) parts.push(`${months} month${Math.abs(months) === 1 ? '' : 's'}`);
    if (this.days) parts.push(`${this.days} day${Math.abs(this.days) === 1 ? '' : 's'}`);
    if (this.nanos !== 0n || parts.length === 0) parts.push(timeText(this.nanos / 1000n));
    return parts.join(' ');
  }
}

function intervalAt(vector: Vector, row: number): IntervalValue | null {
  let start = 0;
  for (const data of vector.data) {
    if (row < start + data.length) {
      const i = row - start;
      if (data.nullCount > 0 && !data.getValid(i)) return null;
      const values = new Int32Array(data.values.buffer, data.values.byteOffset, data.values.byteLength / 4);
      const at = (data.offset + i) * 4;
      const nanos = (BigInt(values[at + 3] ?? 0) << 32n) + BigInt((values[at + 2] ?? 0) >>> 0);
      return new IntervalValue(values[at] ?? 0, values[at + 1] ?? 0, nanos);
    }
    start += data.length;
  }
  return null;
}

/** Microseconds since midnight (or of a duration) as HH:MM:SS[.ffffff]. */
function timeText(micros: bigint): string {
  const sign = micros < 0n ? '-' : '';
  const abs = micros < 0n ? -micros : micros;
  const seconds = abs / 1_000_000n;
  const fraction = abs % 1_000_000n;
  const hh = seconds / 3600n;
  const mm = (seconds / 60n) % 60n;
  const ss = seconds % 60n;
  const text = `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:${String(ss).padStart(2, '0')}`;
  return `${sign}${text}${fraction ? `.${String(fraction).padStart(6, '0').replace(/0+$/, '')}` : ''}`;
}

const TIME_UNITS: Record<string, bigint> = { SECOND: 1_000_000n, MILLISECOND: 1000n, MICROSECOND: 1n };

/** The first rows of a result as plain data. */
export function plainRows(result: QueryResult, count: number): (string | number | boolean | null)[][] {
  const rows: (string | number | boolean | null)[][] = [];
  for (let r = 0; r < Math.min(count, result.rows); r++) {
    rows.push(result.columns.map((column, c) => plainValue(cell(result, r, c), column)));
  }
  return rows;
}
