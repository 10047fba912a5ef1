import Papa from 'papaparse';

/**
 * KPIs and leaderboards for any CSV, computed with Papa Parse and plain TypeScript, sharing no code with
 * the app: the independent side of the model dashboard's tests.
 */
export type OracleRecord = Record<string, string>;
export type OracleFilter =
  | { kind: 'values'; column: string; values: (string | null)[]; exclude: boolean }
  | { kind: 'time'; column: string; from: string; to: string; parse: (text: string) => number | null }
  | { kind: 'range'; column: string; from: number; to: number };

export function parseCsv(text: string): OracleRecord[] {
  return Papa.parse<OracleRecord>(text, { header: true, skipEmptyLines: true }).data;
}

/** A value as grouped: trimmed, empty is missing. */
export const groupValue = (record: OracleRecord, column: string): string | null => {
  const text = (record[column] ?? '').trim();
  return text === '' ? null : text;
};

/** A number as the app reads one: the whole trimmed text must be a number. */
export const numberValue = (record: OracleRecord, column: string): number | null => {
  const text = (record[column] ?? '').trim();
  if (text === '' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return null;
  return Number(text);
};

function keeps(record: OracleRecord, filter: OracleFilter): boolean {
  if (filter.kind === 'time') {
    const at = filter.parse(record[filter.column] ?? '');
    return at !== null && at >= Date.parse(`${filter.from}Z`) && at < Date.parse(`${filter.to}Z`);
  }
  if (filter.kind === 'range') {
    const n = numberValue(record, filter.column);
    return n !== null && n >= filter.from && n <= filter.to;
  }
  const hit = filter.values.includes(groupValue(record, filter.column));
  return filter.exclude ? !hit : hit;
}

export function filtered(records: OracleRecord[], filters: OracleFilter[], except: string | null = null) {
  return records.filter((r) => filters.every((f) => f.column === except || keeps(r, f)));
}

/** `count`, `sum:<col>`, `avg:<col>`, `min:<col>`, `max:<col>`, `distinct:<col>`. */
export function measure(records: OracleRecord[], key: string): number | null {
  if (key === 'count') return records.length;
  const [aggregation, ...rest] = key.split(':');
  const column = rest.join(':');
  if (aggregation === 'distinct') {
    return new Set(records.map((r) => groupValue(r, column)).filter((v) => v !== null)).size;
  }
  const numbers = records.map((r) => numberValue(r, column)).filter((n): n is number => n !== null);
  if (numbers.length === 0) return null;
  // Sums in whole ten-thousandths: exact for the generated files' decimals, as the app's are.
  if (aggregation === 'sum') return Math.round(numbers.reduce((s, n) => s + Math.round(n * 1e4), 0)) / 1e4;
  if (aggregation === 'avg') return numbers.reduce((s, n) => s + n, 0) / numbers.length;
  if (aggregation === 'min') return Math.min(...numbers);
  if (aggregation === 'max') return Math.max(...numbers);
  throw new Error(`unknown measure ${key}`);
}

/** Code-point order, as DuckDB orders text. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A dimension's values by a measure, descending, then value ascending, missing last. */
export function leaderboard(records: OracleRecord[], column: string, key: string, filters: OracleFilter[]) {
  const groups = new Map<string | null, OracleRecord[]>();
  for (const r of filtered(records, filters, column)) {
    const v = groupValue(r, column);
    groups.set(v, [...(groups.get(v) ?? []), r]);
  }
  return [...groups.entries()]
    .map(([value, rows]) => ({ value, measure: measure(rows, key) }))
    .sort((a, b) => {
      if (a.measure !== b.measure) {
        if (a.measure === null) return 1;
        if (b.measure === null) return -1;
        return b.measure - a.measure;
      }
      if (a.value === null) return 1;
      if (b.value === null) return -1;
      return byCodePoint(a.value, b.value);
    });
}

/** For each value of `rows` (in value order, missing last), every value of `columns` tied for the top. */
export function pairLeaders(records: OracleRecord[], rows: string, columns: string, key: string) {
  const byRow = new Map<string | null, OracleRecord[]>();
  for (const r of records) {
    const a = groupValue(r, rows);
    byRow.set(a, [...(byRow.get(a) ?? []), r]);
  }
  const order = (a: string | null, b: string | null) =>
    a === b ? 0 : a === null ? 1 : b === null ? -1 : byCodePoint(a, b);
  return [...byRow.keys()].sort(order).map((a) => {
    const board = leaderboard(byRow.get(a) ?? [], columns, key, []);
    const best = board[0]?.measure ?? null;
    return {
      a: a ?? '',
      winners: board
        .filter((r) => r.measure === best)
        .map((r) => r.value)
        .sort(order),
    };
  });
}
