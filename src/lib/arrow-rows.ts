import { tableFromIPC, Vector } from 'apache-arrow';
import type { Row } from '$lib/engine/sql-runner';

function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Vector) return [...value].map(plain);
  return value;
}

/** Decodes Arrow IPC bytes into plain rows: BIGINT becomes number (counts stay far below 2^53). */
export function rowsFromArrow(bytes: Uint8Array): Row[] {
  const table = tableFromIPC(bytes);
  const names = table.schema.fields.map((field) => field.name);
  const rows: Row[] = [];
  for (const record of table) {
    const row: Row = {};
    for (const name of names) row[name] = plain(record?.[name]);
    rows.push(row);
  }
  return rows;
}
