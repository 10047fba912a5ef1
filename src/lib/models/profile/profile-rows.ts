import type { Row } from '$lib/engine/sql-runner';
import { binPlan, SMALL_DISTINCT, type DistributionPlan, type ProfileInput } from './build-profile-sql';
import { TYPE_SHARE, type ColumnType } from './column-type';

export type Distribution =
  | { kind: 'bins'; time: boolean; bins: { from: number; to: number; count: number }[] }
  | { kind: 'values'; values: { value: string; count: number }[]; others: number }
  /** Nearly every value is different (an id): no chart says more than the distinct count. */
  | { kind: 'unique' }
  | { kind: 'empty' };

export interface ColumnStats {
  column: string;
  type: ColumnType;
  rows: number;
  nonNull: number;
  distinct: number;
  /** Non-empty values that do not convert to the column's type (N/A in a number column). */
  unparsed: number;
  /** Typed range (numbers; times as epoch seconds) or, for text, the first and last value in text order. */
  range:
    { kind: 'number' | 'time'; min: number; max: number } | { kind: 'text'; min: string; max: string } | null;
}

export interface ColumnProfile extends ColumnStats {
  name: string;
  /** Exact up to a quarter of a million rows; a HyperLogLog estimate past that. */
  distinctExact: boolean;
  distribution: Distribution;
}

const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/** The candidate type holds when most values convert over the whole column; else one step looser. */
export function columnStats(row: Row | undefined, index: number, input: ProfileInput): ColumnStats {
  const get = (key: string) => num(row?.[`${key}${index}`]);
  const rows = num(row?.rows) ?? 0;
  const nonNull = get('n') ?? 0;
  const distinct = Math.min(get('d') ?? 0, nonNull);
  const ok = get('ok') ?? 0;
  let type: ColumnType = input.candidate;
  if (type === 'integer' && (get('int') ?? 0) < TYPE_SHARE * nonNull) type = 'decimal';
  if (type !== 'text' && type !== 'boolean' && (nonNull === 0 || ok < TYPE_SHARE * nonNull)) type = 'text';
  const typed = type === 'integer' || type === 'decimal' || type === 'date' || type === 'timestamp';
  const lo = get('lo');
  const hi = get('hi');
  const tlo = row?.[`tlo${index}`];
  const thi = row?.[`thi${index}`];
  const range: ColumnStats['range'] =
    typed && lo !== null && hi !== null
      ? { kind: type === 'date' || type === 'timestamp' ? 'time' : 'number', min: lo, max: hi }
      : tlo != null && thi != null
        ? { kind: 'text', min: String(tlo), max: String(thi) }
        : null;
  const unparsed = typed ? nonNull - ok : 0;
  return { column: input.column, type, rows, nonNull, distinct, unparsed, range };
}

/** Ids (nearly all values distinct) get no chart; few distinct values are counted in the shared pass. */
export function distributionPlan(stats: ColumnStats): DistributionPlan | 'top-values' {
  if (stats.nonNull === 0) return { kind: 'none' };
  if (stats.range && stats.range.kind !== 'text')
    return binPlan(stats.column, stats.type, stats.range.min, stats.range.max);
  if (stats.distinct <= SMALL_DISTINCT) return { kind: 'values', column: stats.column };
  if (stats.distinct >= 0.5 * stats.nonNull) return { kind: 'none' };
  return 'top-values';
}

const TOP = 8;

function topValues(pairs: { value: string; count: number }[], nonNull: number): Distribution {
  const sorted = [...pairs].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  const values = sorted.slice(0, TOP);
  const shown = values.reduce((sum, v) => sum + v.count, 0);
  return { kind: 'values', values, others: Math.max(0, nonNull - shown) };
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** A column's distribution from the shared pass (its keys and counts lists) or its own top-values query. */
export function distributionOf(
  stats: ColumnStats,
  plan: DistributionPlan | 'top-values',
  shared: Row | undefined,
  index: number,
  top: Row[] = [],
): Distribution {
  if (stats.nonNull === 0) return { kind: 'empty' };
  if (plan === 'top-values') {
    return topValues(
      top.map((r) => ({ value: String(r.value), count: Number(r.n) })),
      stats.nonNull,
    );
  }
  if (plan.kind === 'none') return { kind: 'unique' };
  const keys = list(shared?.[`k${index}`]);
  const counts = list(shared?.[`v${index}`]).map(Number);
  if (plan.kind === 'values') {
    return topValues(
      keys.map((k, i) => ({ value: String(k), count: counts[i] ?? 0 })),
      stats.nonNull,
    );
  }
  const bins = Array.from({ length: plan.bins }, (_, b) => ({
    from: plan.lo + b * plan.width,
    to: plan.lo + (b + 1) * plan.width,
    count: 0,
  }));
  keys.forEach((k, i) => {
    const bin = bins[Number(k)];
    if (bin) bin.count += counts[i] ?? 0;
  });
  return { kind: 'bins', time: stats.range?.kind === 'time', bins };
}
