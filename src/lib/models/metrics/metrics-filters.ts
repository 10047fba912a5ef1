/**
 * What the dashboard is narrowed to: values of a dimension (several are OR-ed, or all excluded), a
 * range of a number column, a span of the time column. Filters on different columns are AND-ed.
 */
export type MetricsFilter =
  | { kind: 'values'; column: string; values: (string | null)[]; exclude: boolean }
  | { kind: 'range'; column: string; from: number; to: number }
  /** ISO timestamps; `to` is excluded. */
  | { kind: 'time'; column: string; from: string; to: string };

/** Adds a value to a dimension's filter, or takes it out (and the filter with its last value). */
export function toggleValue(
  filters: readonly MetricsFilter[],
  column: string,
  value: string | null,
): MetricsFilter[] {
  const current = filters.find((f) => f.kind === 'values' && f.column === column);
  const others = filters.filter((f) => f !== current);
  if (!current || current.kind !== 'values') {
    return [...others, { kind: 'values', column, values: [value], exclude: false }];
  }
  const values = current.values.includes(value)
    ? current.values.filter((v) => v !== value)
    : [...current.values, value];
  return values.length === 0 ? others : [...others, { ...current, values }];
}

/** Turns a dimension's filter from "only these" to "all but these" and back. */
export function toggleExclude(filters: readonly MetricsFilter[], column: string): MetricsFilter[] {
  return filters.map((f) => (f.kind === 'values' && f.column === column ? { ...f, exclude: !f.exclude } : f));
}

type RangeFilter = Extract<MetricsFilter, { kind: 'time' | 'range' }>;

/** Sets a column's one range filter, or with null (and the column's name) removes it. */
export function setRange(
  filters: readonly MetricsFilter[],
  column: string,
  range: RangeFilter | null,
): MetricsFilter[] {
  const others = filters.filter((f) => f.column !== column || f.kind === 'values');
  return range === null ? others : [...others, range];
}

export const selectedValues = (filters: readonly MetricsFilter[], column: string) => {
  const filter = filters.find((f) => f.kind === 'values' && f.column === column);
  return filter?.kind === 'values' ? filter : null;
};
