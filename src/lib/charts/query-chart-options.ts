import type { EChartsCoreOption } from 'echarts/core';
import type { ChartData, ChartPoint, ChartSpec } from '$lib/sql-console/chart-sql';
import { baseOption, palette, tooltipStyle } from './theme';
import { firstItem, tooltipHtml } from './tooltip';

let registered: Promise<unknown> | null = null;

/** Line, scatter and pie charts: their own chunk, fetched before the first query chart draws. */
export function loadQueryCharts(): Promise<unknown> {
  registered ??= import('./query-charts-runtime');
  return registered;
}

const full = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const COLORS = [palette.primary, palette.accent, palette.money, '#7c3aed', '#be185d', '#0369a1', '#4d7c0f'];

export const yLabel = (spec: ChartSpec) => spec.y ?? 'rows';

/** The text of an x value as the chart shows it: nulls say so, times are dates. */
export function xText(spec: ChartSpec, x: ChartPoint['x']): string {
  if (x === null) return 'null';
  if (spec.xKind === 'temporal' && typeof x === 'number')
    return new Date(x).toISOString().replace('T00:00:00.000Z', '');
  return typeof x === 'number' ? full.format(x) : x;
}

const yText = (y: number | null) => (y === null ? 'null' : full.format(y));

const axisStyle = {
  axisLine: { lineStyle: { color: palette.grid } },
  axisTick: { show: false },
  axisLabel: { color: palette.subtle, fontSize: 11 },
  splitLine: { lineStyle: { color: palette.grid } },
  nameTextStyle: { color: palette.subtle, fontSize: 11 },
};

/**
 * The chart of a console query's points (already capped by chartDataSql). Every label and tooltip is
 * text built from escaped values.
 */
export function queryChartOption(spec: ChartSpec, data: ChartData): EChartsCoreOption {
  const { points } = data;
  const tooltipFor = (index: number) => {
    const point = points[index];
    if (!point) return '';
    const title = point.other ? 'Other' : xText(spec, point.x);
    return tooltipHtml(title, [[yLabel(spec), yText(point.y)]]);
  };
  const tooltip = {
    ...tooltipStyle,
    trigger: 'item',
    formatter: (params: unknown) => tooltipFor(firstItem(params).dataIndex ?? -1),
  };
  if (spec.type === 'pie') {
    const total = points.reduce((sum, p) => sum + (p.y ?? 0), 0);
    return {
      ...baseOption,
      color: COLORS,
      tooltip: {
        ...tooltip,
        formatter: (params: unknown) => {
          const index = firstItem(params).dataIndex ?? -1;
          const point = points[index];
          if (!point) return '';
          const share = total > 0 ? `${((100 * (point.y ?? 0)) / total).toFixed(1)}%` : '—';
          return tooltipHtml(point.other ? 'Other' : xText(spec, point.x), [
            [yLabel(spec), yText(point.y)],
            ['Share', share],
          ]);
        },
      },
      series: [
        {
          type: 'pie',
          radius: ['38%', '70%'],
          center: ['50%', '52%'],
          itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
          label: { color: palette.text, fontSize: 11, overflow: 'truncate', width: 120 },
          data: points.map((p) => ({
            name: p.other ? 'Other' : xText(spec, p.x),
            value: p.y ?? 0,
            ...(p.other ? { itemStyle: { color: '#94a3b8' } } : {}),
          })),
        },
      ],
    };
  }
  const categorical =
    spec.type === 'bar' || spec.xKind === 'text' || spec.xKind === 'boolean' || spec.xKind === 'other';
  const xAxis = categorical
    ? {
        type: 'category',
        data: points.map((p) => xText(spec, p.x)),
        name: spec.x,
        nameLocation: 'middle',
        nameGap: points.length > 8 ? 72 : 30,
        ...axisStyle,
        axisLabel: {
          ...axisStyle.axisLabel,
          interval: points.length > 30 ? 'auto' : 0,
          rotate: points.length > 8 ? 40 : 0,
          width: 90,
          overflow: 'truncate',
        },
        splitLine: { show: false },
      }
    : {
        type: spec.xKind === 'temporal' ? 'time' : 'value',
        name: spec.x,
        nameLocation: 'middle',
        nameGap: 28,
        scale: true,
        ...axisStyle,
      };
  const values = points.map((p, i) => (categorical ? p.y : [p.x, p.y, i]));
  const series =
    spec.type === 'bar'
      ? { type: 'bar', barMaxWidth: 36, itemStyle: { color: palette.primary, borderRadius: [3, 3, 0, 0] } }
      : spec.type === 'line'
        ? {
            type: 'line',
            showSymbol: points.length <= 60,
            symbolSize: 5,
            sampling: 'lttb',
            lineStyle: { width: 2, color: palette.primary },
            itemStyle: { color: palette.primary },
          }
        : {
            type: 'scatter',
            symbolSize: points.length > 1000 ? 4 : 7,
            large: points.length > 2000,
            itemStyle: { color: palette.primary, opacity: 0.7 },
          };
  return {
    ...baseOption,
    grid: {
      left: 16,
      right: 24,
      top: 28,
      // containLabel makes room for the labels; the axis name below them needs this much more.
      bottom: 26,
      containLabel: true,
    },
    tooltip: {
      ...tooltip,
      trigger: spec.type === 'line' ? 'axis' : 'item',
      formatter: (params: unknown) => {
        const item = firstItem(params);
        const index = categorical
          ? (item.dataIndex ?? -1)
          : Number((item.value as unknown[] | undefined)?.[2] ?? -1);
        return tooltipFor(index);
      },
    },
    xAxis,
    yAxis: {
      type: 'value',
      name: yLabel(spec),
      scale: spec.type !== 'bar',
      ...axisStyle,
      axisLabel: { ...axisStyle.axisLabel, formatter: (v: number) => compact.format(v) },
    },
    series: [{ ...series, name: yLabel(spec), data: values }],
  };
}
