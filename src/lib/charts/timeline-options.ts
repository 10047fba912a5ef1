import type { EChartsCoreOption } from 'echarts/core';
import { formatCompact, formatCount, formatMoney } from '$lib/format/numbers';
import type { Timeline } from '$lib/models/restaurant/dashboard-rows';
import { baseOption, palette, tooltipStyle } from './theme';
import { firstItem, tooltipHtml } from './tooltip';

const UNIT_LABEL = { day: 'Day', week: 'Week of', month: 'Month' } as const;

/** Visits as bars and revenue as a line over the periods, each on its own axis. */
export function timelineOption(timeline: Timeline, { revenue }: { revenue: boolean }): EChartsCoreOption {
  const periods = timeline.points.map((p) => (timeline.unit === 'month' ? p.period.slice(0, 7) : p.period));
  return {
    ...baseOption,
    grid: { left: 8, right: revenue ? 8 : 16, top: 28, bottom: 8, containLabel: true },
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
