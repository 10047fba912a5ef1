import type { EChartsCoreOption } from 'echarts/core';
import { formatCompact, formatCount, formatMoney } from '$lib/format/numbers';
import type { RestaurantTotals } from '$lib/models/restaurant/dashboard-rows';
import { baseOption, palette, tooltipStyle } from './theme';
import { firstItem, tooltipHtml } from './tooltip';

const METRICS = [
  {
    key: 'visits',
    title: 'Visits',
    color: palette.primary,
    muted: palette.primaryMuted,
    format: formatCount,
  },
  {
    key: 'uniqueCustomers',
    title: 'Unique customers',
    color: palette.accent,
    muted: palette.accentMuted,
    format: formatCount,
  },
  { key: 'revenue', title: 'Revenue', color: palette.money, muted: palette.moneyMuted, format: formatMoney },
] as const;

export const MAX_RESTAURANT_BARS = 12;
export type RestaurantMetric = (typeof METRICS)[number]['key'];

/**
 * Visits, customers and revenue per restaurant as three side-by-side bar charts sharing one row of
 * restaurant labels. Laid out in pixels from the container width, so long names always fit.
 */
export function restaurantMetricsOption(
  restaurants: readonly RestaurantTotals[],
  {
    selected,
    width,
    metrics = ['visits', 'uniqueCustomers', 'revenue'],
  }: { selected: string | null; width: number; metrics?: readonly RestaurantMetric[] },
): EChartsCoreOption {
  // Metrics whose column is not mapped are left out rather than drawn as zeros.
  const shown = METRICS.filter((m) => metrics.includes(m.key));
  const rows = [...restaurants].sort((a, b) => b.visits - a.visits).slice(0, MAX_RESTAURANT_BARS);
  const names = rows.map((r) => r.name).reverse();
  const labelWidth = Math.round(Math.min(260, Math.max(90, width * 0.24)));
  const valueRoom = 64;
  const gap = 20;
  const span = Math.max(240, width - labelWidth - 24);
  const panel = (span - (shown.length - 1) * gap) / shown.length;
  const left = (i: number) => labelWidth + 16 + i * (panel + gap);

  return {
    ...baseOption,
    title: shown.map((metric, i) => ({
      text: metric.title,
      left: left(i),
      top: 0,
      textStyle: { fontSize: 13, fontWeight: 600, color: palette.subtle },
    })),
    tooltip: {
      ...tooltipStyle,
      trigger: 'item',
      formatter: (params: unknown) => {
        const name = names[firstItem(params).dataIndex ?? -1];
        const row = rows.find((r) => r.name === name);
        if (!row) return '';
        return tooltipHtml(
          row.name,
          shown.map((m) => [m.title, m.format(row[m.key])]),
        );
      },
    },
    grid: shown.map((_, i) => ({ left: left(i), width: panel - valueRoom, top: 28, bottom: 8 })),
    xAxis: shown.map((metric, i) => ({
      type: 'value',
      gridIndex: i,
      show: false,
      max: (extent: { max: number }) => extent.max,
      name: metric.title,
    })),
    yAxis: shown.map((_, i) => ({
      type: 'category',
      gridIndex: i,
      data: names,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: palette.grid } },
      axisLabel:
        i === 0
          ? { width: labelWidth, overflow: 'truncate', color: palette.text, fontSize: 12, margin: 10 }
          : { show: false },
    })),
    series: shown.map((metric, i) => ({
      type: 'bar',
      name: metric.title,
      xAxisIndex: i,
      yAxisIndex: i,
      barMaxWidth: 22,
      data: names.map((name) => {
        const row = rows.find((r) => r.name === name) as RestaurantTotals;
        const dim = selected !== null && selected !== name;
        return {
          value: row[metric.key],
          itemStyle: { color: dim ? metric.muted : metric.color, borderRadius: 3 },
        };
      }),
      label: {
        show: true,
        position: 'right',
        color: palette.text,
        fontSize: 11,
        formatter: ({ value }: { value: number }) =>
          metric.key === 'revenue' ? formatCompact(value) : formatCount(value),
      },
    })),
  };
}
