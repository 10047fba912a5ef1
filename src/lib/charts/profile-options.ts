import type { EChartsCoreOption } from 'echarts/core';
import { formatCount } from '$lib/format/numbers';
import { formatProfileValue } from '$lib/format/profile-values';
import type { Distribution } from '$lib/models/profile/profile-rows';
import { baseOption, lineXBrush, palette, tooltipStyle } from './theme';
import { firstItem, tooltipHtml } from './tooltip';

type Bins = Extract<Distribution, { kind: 'bins' }>['bins'];

/**
 * The numbers a brush over bins `first`..`last` (indices, any order) covers: the outer bins' edges,
 * widened to round figures a hundredth of a bin wide (8.1639999 → 8.17), so no edge value is lost.
 */
export function brushedValues(bins: Bins, first: number, last: number): { from: number; to: number } | null {
  const [a, b] = first <= last ? [first, last] : [last, first];
  const start = bins[Math.max(0, a)];
  const end = bins[Math.min(bins.length - 1, b)];
  if (!start || !end) return null;
  const width = Math.abs(start.to - start.from);
  if (!(width > 0)) return { from: start.from, to: end.to };
  const exponent = Math.floor(Math.log10(width)) - 2;
  const step = 10 ** exponent;
  const round = (n: number) => Number(n.toFixed(Math.min(Math.max(0, -exponent), 20)));
  return { from: round(Math.floor(start.from / step) * step), to: round(Math.ceil(end.to / step) * step) };
}

/** The bins that overlap from..to: the first and last index, or null for none. */
export function binsInRange(bins: Bins, from: number, to: number): [number, number] | null {
  const inside = bins.flatMap((bin, i) => (bin.from <= to && bin.to >= from ? [i] : []));
  return inside.length === 0 ? null : [inside[0] ?? 0, inside[inside.length - 1] ?? 0];
}

export interface DistributionSettings {
  /** A number histogram takes a brush along its bins (the live dashboard's filter). */
  brush?: boolean;
  /** The range the dashboard is narrowed to, shaded over its bins. */
  selected?: { from: number; to: number } | null;
}

/**
 * A column's distribution as a small chart: a histogram of its values (numbers, dates), or bars of its
 * most common values. Null when there is nothing to draw (an id column, an empty one).
 */
export function distributionOption(
  distribution: Distribution,
  { brush = false, selected = null }: DistributionSettings = {},
): EChartsCoreOption | null {
  if (distribution.kind === 'bins') {
    const { bins, time } = distribution;
    const shaded = selected && !time ? binsInRange(bins, selected.from, selected.to) : null;
    const label = (i: number) => {
      const bin = bins[i];
      if (!bin) return '';
      const kind = time ? 'time' : 'number';
      return `${formatProfileValue(bin.from, kind)} – ${formatProfileValue(bin.to, kind)}`;
    };
    return {
      ...baseOption,
      grid: { left: 0, right: 0, top: 2, bottom: 0 },
      tooltip: {
        ...tooltipStyle,
        trigger: 'item',
        formatter: (params: unknown) => {
          const i = firstItem(params).dataIndex ?? -1;
          return tooltipHtml(label(i), [['Rows', formatCount(bins[i]?.count ?? 0)]]);
        },
      },
      ...(brush && !time ? { brush: lineXBrush() } : {}),
      xAxis: { type: 'category', show: false, data: bins.map((_, i) => i) },
      yAxis: { type: 'value', show: false },
      series: [
        {
          type: 'bar',
          barCategoryGap: '8%',
          itemStyle: { color: palette.primary },
          // A range shows as its bins in full colour and the others muted (as a chosen place is on the
          // dashboard): the chart keeps its shape, so a new range updates it in place.
          data: bins.map((b, i) =>
            shaded && (i < shaded[0] || i > shaded[1])
              ? { value: b.count, itemStyle: { color: palette.primaryMuted } }
              : b.count,
          ),
        },
      ],
    };
  }
  if (distribution.kind === 'values') {
    const values = [...distribution.values].reverse();
    return {
      ...baseOption,
      grid: { left: 0, right: 0, top: 0, bottom: 0 },
      tooltip: {
        ...tooltipStyle,
        trigger: 'item',
        formatter: (params: unknown) => {
          const v = values[firstItem(params).dataIndex ?? -1];
          return v ? tooltipHtml(v.value, [['Rows', formatCount(v.count)]]) : '';
        },
      },
      xAxis: { type: 'value', show: false },
      yAxis: { type: 'category', show: false, data: values.map((v) => v.value) },
      series: [
        {
          type: 'bar',
          barCategoryGap: '12%',
          itemStyle: { color: palette.accent },
          data: values.map((v) => v.count),
        },
      ],
    };
  }
  return null;
}
