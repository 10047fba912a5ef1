import type { Row } from '$lib/engine/sql-runner';
import { checkRange, type RangeFilter } from '../dataset/range';
import { compareText } from '../text-order';

/**
 * One of a range cube's coarse tables (place × dish × key, or place × customer × key), held in memory as
 * columns, in the table's own row order: the order DuckDB scans it in, so sums add up in the same order.
 * `member` is the dish or the customer; `key` the number, or a day as days since 1970-01-01 (NaN: none);
 * `revenue` in millionths, whole numbers, so that sums are exact as DuckDB's DECIMAL sums are.
 */
export interface CoarseRows {
  source: Int32Array;
  restaurant: (string | null)[];
  member: (string | null)[];
  key: Float64Array;
  visits: Float64Array;
  revenue: Float64Array;
  missing: Float64Array;
  unusable: Float64Array;
}

export interface RangeCubeRows {
  dishes: CoarseRows;
  customers: CoarseRows;
}

/** Millionths to DuckDB's round(x, 2) of the DECIMAL: half away from zero. */
export const money = (micros: number) =>
  (Math.sign(micros) * Math.floor((Math.abs(micros) + 5_000) / 10_000)) / 100;

/** Whole millionths add up exactly while every sum stays below 2^53: past that, SQL reads the table. */
export const exactInMemory = (rows: CoarseRows) =>
  rows.revenue.reduce((total, r) => total + Math.abs(r), 0) < Number.MAX_SAFE_INTEGER;

/** Rows read with `coarseRowsSql`, as columns. */
export function toCoarseRows(rows: readonly Row[]): CoarseRows {
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const num = (v: unknown) => (v === null || v === undefined ? NaN : Number(v));
  return {
    source: Int32Array.from(rows, (r) => Number(r.source_id)),
    restaurant: rows.map((r) => text(r.restaurant)),
    member: rows.map((r) => text(r.member)),
    key: Float64Array.from(rows, (r) => num(r.key)),
    visits: Float64Array.from(rows, (r) => Number(r.visits)),
    revenue: Float64Array.from(rows, (r) => Number(r.revenue)),
    missing: Float64Array.from(rows, (r) => Number(r.missing_costs)),
    unusable: Float64Array.from(rows, (r) => Number(r.unusable_costs)),
  };
}

const DAY_MS = 86_400_000;
/** A YYYY-MM-DD day as the coarse rows key it: days since 1970-01-01. */
export const dayNumber = (day: string) =>
  Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
/** The YYYY-MM-DD day of a day number (its whole part). */
export const dayText = (days: number) => new Date(Math.floor(days) * DAY_MS).toISOString().slice(0, 10);

/** The row indexes in the range and the files, in table order. */
export function inRange(
  rows: CoarseRows,
  { range, sources }: { range: RangeFilter; sources: readonly number[] | null },
): number[] {
  const files = sources === null ? null : new Set(sources);
  const r = checkRange(range);
  const [from, to] = r.kind === 'date' ? [dayNumber(r.from), dayNumber(r.to)] : [r.from, r.to];
  const picked: number[] = [];
  for (let i = 0; i < rows.key.length; i++) {
    const key = rows.key[i] ?? NaN;
    if (!(key >= from && key <= to)) continue;
    if (files && !files.has(rows.source[i] ?? -1)) continue;
    picked.push(i);
  }
  return picked;
}

export interface Group {
  name: string;
  visits: number;
  revenue: number;
  /** The distinct members (dishes or customers), when asked for. */
  members: Set<string> | null;
}

/** Sums per name (rows with no name left out), in first-seen order; the distinct members if asked. */
export function groupBy(
  rows: CoarseRows,
  picked: number[],
  name: (i: number) => string | null,
  { distinctMembers = false } = {},
): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const i of picked) {
    const key = name(i);
    if (key === null) continue;
    let g = groups.get(key);
    if (!g)
      groups.set(
        key,
        (g = { name: key, visits: 0, revenue: 0, members: distinctMembers ? new Set() : null }),
      );
    g.visits += rows.visits[i] ?? 0;
    g.revenue += rows.revenue[i] ?? 0;
    const member = rows.member[i];
    if (member != null) g.members?.add(member);
  }
  return groups;
}

export const byVisitsThenName = (a: Group, b: Group) => b.visits - a.visits || compareText(a.name, b.name);
export const byRevenueThenName = (a: Group, b: Group) => b.revenue - a.revenue || compareText(a.name, b.name);

/** row_number() over an order, as a map from name to rank. */
export function ranks(groups: Group[], order: (a: Group, b: Group) => number): Map<string, number> {
  return new Map([...groups].sort(order).map((g, i) => [g.name, i + 1]));
}
