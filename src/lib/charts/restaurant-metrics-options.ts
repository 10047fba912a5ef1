import type { EChartsCoreOption } from 'echarts/core';
import { formatCompact, formatCount, formatMoney } from '$lib/format/numbers';
import type { RestaurantAnswer } from '$lib/models/restaurant/dashboard-rows';
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

/**
 * Visits, customers and revenue per restaurant as three side-by-side bar charts sharing one row of
 * restaurant labels. Laid out in pixels from the container width, so long names always fit.
 */
export function restaurantMetricsOption(
  restaurants: readonly RestaurantAnswer[],
  { selected, width }: { selected: string | null; width: number },
): EChartsCoreOption {
  const rows = [...restaurants].sort((a, b) => b.visits - a.visits).slice(0, MAX_RESTAURANT_BARS);
  const names = rows.map((r) => r.name).reverse();
  const labelWidth = Math.round(Math.min(260, Math.max(90, width * 0.24)));
  const valueRoom = 64;
  const gap = 20;
  const span = Math.max(240, width - labelWidth - 24);
  const panel = (span - 2 * gap) / 3;
  const left = (i: number) => labelWidth + 16 + i * (panel + gap);

  return {
    ...baseOption,
    title: METRICS.map((metric, i) => ({
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
        return tooltipHtml(row.name, [
          ['Visits', formatCount(row.visits)],
          ['Unique customers', formatCount(row.uniqueCustomers)],
          ['Revenue', formatMoney(row.revenue)],
        ]);
      },
    },
    grid: METRICS.map((_, i) => ({ left: left(i), width: panel - valueRoom, top: 28, bottom: 8 })),
    xAxis: METRICS.map((metric, i) => ({
      type: 'value',
      gridIndex: i,
      show: false,
      max: (extent: { max: number }) => extent.max,
      name: metric.title,
    })),
    yAxis: METRICS.map((_, i) => ({
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
    series: METRICS.map((metric, i) => ({
      type: 'bar',
      name: metric.title,
      xAxisIndex: i,
      yAxisIndex: i,
      barMaxWidth: 22,
      data: names.map((name) => {
        const row = rows.find((r) => r.name === name) as RestaurantAnswer;
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
