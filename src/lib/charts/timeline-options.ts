import type { EChartsCoreOption } from 'echarts/core';
import { formatCompact, formatCount, formatMoney } from '$lib/format/numbers';
import type { Timeline } from '$lib/models/restaurant/dashboard-rows';
import { baseOption, lineXBrush, palette, tooltipStyle } from './theme';
import { firstItem, tooltipHtml } from './tooltip';

const UNIT_LABEL = { day: 'Day', week: 'Week of', month: 'Month' } as const;

/** The last day of the period that starts on `period` (YYYY-MM-DD), as YYYY-MM-DD. */
export function periodEnd(period: string, unit: Timeline['unit']): string {
  const start = new Date(`${period}T00:00:00Z`);
  if (unit === 'day') return period;
  const end =
    unit === 'week'
      ? new Date(start.getTime() + 6 * 86_400_000)
      : new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
  return end.toISOString().slice(0, 10);
}

/** The dates a brush over periods `first`..`last` (indices into the points, any order) covers. */
export function brushedDates(
  timeline: Timeline,
  first: number,
  last: number,
): { from: string; to: string } | null {
  const [a, b] = first <= last ? [first, last] : [last, first];
  const start = timeline.points[Math.max(0, a)];
  const end = timeline.points[Math.min(timeline.points.length - 1, b)];
  if (!start || !end) return null;
  return { from: start.period, to: periodEnd(end.period, timeline.unit) };
}

/** The periods that overlap the dates from..to: the first and last index, or null for none. */
export function periodsInRange(timeline: Timeline, from: string, to: string): [number, number] | null {
  const inside = timeline.points.flatMap((p, i) =>
    p.period <= to && periodEnd(p.period, timeline.unit) >= from ? [i] : [],
  );
  return inside.length === 0 ? null : [inside[0] ?? 0, inside[inside.length - 1] ?? 0];
}

export interface TimelineSettings {
  revenue: boolean;
  /** The date range the other panels are narrowed to: shaded on the chart. */
  range?: { from: string; to: string } | null;
  /** The chart takes a brush along its time axis (the live dashboard; a snapshot is read-only). */
  brush?: boolean;
}

/** Visits as bars and revenue as a line over the periods, each on its own axis. */
export function timelineOption(
  timeline: Timeline,
  { revenue, range = null, brush = false }: TimelineSettings,
): EChartsCoreOption {
  const periods = timeline.points.map((p) => (timeline.unit === 'month' ? p.period.slice(0, 7) : p.period));
  const shaded = range ? periodsInRange(timeline, range.from, range.to) : null;
  const markArea = shaded
    ? {
        silent: true,
        itemStyle: { color: 'rgba(37, 99, 235, 0.10)', borderColor: palette.primary, borderWidth: 1 },
        data: [[{ xAxis: periods[shaded[0]] }, { xAxis: periods[shaded[1]] }]],
      }
    : undefined;
  return {
    ...baseOption,
    grid: { left: 8, right: revenue ? 8 : 16, top: 28, bottom: 8, containLabel: true },
    ...(brush ? { brush: lineXBrush({ debounce: true }) } : {}),
    legend: { top: 0, right: 0, itemWidth: 14, itemHeight: 8, textStyle: { color: palette.subtle } },
    tooltip: {
      ...tooltipStyle,
      trigger: 'axis',
      formatter: (params: unknown) => {
        const point = timeline.points[firstItem(params).dataIndex ?? -1];
        if (!point) return '';
        const lines: [string, string][] = [['Visits', formatCount(point.visits)]];
        if (revenue) lines.push(['Revenue', formatMoney(point.revenue)]);
        return tooltipHtml(`${UNIT_LABEL[timeline.unit]} ${point.period}`, lines);
      },
    },
    xAxis: {
      type: 'category',
      data: periods,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: palette.grid } },
      axisLabel: { color: palette.subtle, fontSize: 11 },
    },
    yAxis: [
      {
        type: 'value',
        splitLine: { lineStyle: { color: palette.grid } },
        axisLabel: { color: palette.primary, formatter: (v: number) => formatCompact(v) },
      },
      ...(revenue
        ? [
            {
              type: 'value',
              splitLine: { show: false },
              axisLabel: { color: palette.money, formatter: (v: number) => formatCompact(v) },
            },
          ]
        : []),
    ],
    series: [
      {
        type: 'bar',
        name: 'Visits',
        barMaxWidth: 28,
        itemStyle: { color: palette.primary, borderRadius: [3, 3, 0, 0] },
        data: timeline.points.map((p) => p.visits),
        ...(markArea ? { markArea } : {}),
      },
      ...(revenue
        ? [
            {
              type: 'line',
              name: 'Revenue',
              yAxisIndex: 1,
              symbol: 'circle',
              symbolSize: 5,
              lineStyle: { color: palette.money, width: 2 },
              itemStyle: { color: palette.money },
              data: timeline.points.map((p) => p.revenue),
            },
          ]
        : []),
    ],
  };
}
