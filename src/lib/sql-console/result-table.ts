import { DataType, RecordBatchReader, Table, type RecordBatch, type Vector } from 'apache-arrow';
import { IntervalValue, plainValue } from './cell-text';
import type { ValueKind } from './chart-sql';

export { cellText, IntervalValue, plainValue } from './cell-text';

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

export function cell(result: QueryResult, row: number, col: number): unknown {
  const vector = result.vectors[col];
  if (!vector) return undefined;
  // apache-arrow 17 reads MONTH_DAY_NANO intervals (DuckDB's INTERVAL) as two numbers: read all three.
  if (result.columns[col]?.type === 'Interval<MONTH_DAY_NANO>') return intervalAt(vector, row);
  return vector.get(row);
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

/** The first rows of a result as plain data. */
export function plainRows(result: QueryResult, count: number): (string | number | boolean | null)[][] {
  const rows: (string | number | boolean | null)[][] = [];
  for (let r = 0; r < Math.min(count, result.rows); r++) {
    rows.push(result.columns.map((column, c) => plainValue(cell(result, r, c), column)));
  }
  return rows;
}
