import { formatCompact, formatCount, formatMoney } from '$lib/format/numbers';
import type { Measure } from '$lib/models/metrics/metrics-model';

const decimals = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

/** A measure's value as the page shows it: counts whole, money with cents, percent of 1, else ≤ 2 places. */
export function formatMeasure(
  measure: Pick<Measure, 'aggregation' | 'format'>,
  value: number | null,
): string {
  if (value === null) return '–';
  if (measure.format === 'percent') return percent.format(value);
  if (measure.format === 'money') return formatMoney(value);
  if (measure.aggregation === 'count' || measure.aggregation === 'distinct') return formatCount(value);
  return decimals.format(value);
}

/** Short form for axes. */
export const formatMeasureAxis = (value: number) => formatCompact(value);

/** A value's share of a total, or '' when a share says nothing (no total, not an additive measure). */
export function formatShare(value: number | null, total: number | null): string {
  if (value === null || total === null || total <= 0) return '';
  return percent.format(value / total);
}
