import type { EChartsCoreOption } from 'echarts/core';
import { baseOption, lineXBrush, palette, tooltipStyle } from '$lib/charts/theme';
import { firstItem, tooltipHtml } from '$lib/charts/tooltip';
import type { Measure, TimeGrain } from '$lib/models/metrics/metrics-model';
import type { SeriesPoint } from '$lib/models/metrics/metrics-panels';
import { formatMeasure, formatMeasureAxis } from '../kpis/measure-format';

/** The start of the period after `period` (ISO, no zone) at a grain: where a brushed span ends. */
export function nextPeriod(period: string, grain: TimeGrain): string {
  const at = new Date(`${period}Z`);
  if (grain === 'hour') at.setUTCHours(at.getUTCHours() + 1);
  else if (grain === 'day') at.setUTCDate(at.getUTCDate() + 1);
  else if (grain === 'week') at.setUTCDate(at.getUTCDate() + 7);
  else if (grain === 'month') at.setUTCMonth(at.getUTCMonth() + 1);
  else at.setUTCFullYear(at.getUTCFullYear() + 1);
  return at.toISOString().slice(0, 19);
}

/** A period's label at its grain. */
export function periodLabel(period: string, grain: TimeGrain): string {
  if (grain === 'year') return period.slice(0, 4);
  if (grain === 'month') return period.slice(0, 7);
  if (grain === 'hour') return `${period.slice(0, 10)} ${period.slice(11, 16)}`;
  return period.slice(0, 10);
}

/** The span a brush over points `first`..`last` covers: from the first's start to the last's end. */
export function brushedSpan(points: readonly SeriesPoint[], grain: TimeGrain, first: number, last: number) {
  const [a, b] = first <= last ? [first, last] : [last, first];
  const start = points[Math.max(0, a)];
  const end = points[Math.min(points.length - 1, b)];
  if (!start || !end) return null;
  return { from: start.period, to: nextPeriod(end.period, grain) };
}

export interface TimeseriesSettings {
  measure: Measure;
  /** Where the measure's figures are in each point's values. */
  index: number;
  grain: TimeGrain;
  /** The span the other panels are narrowed to: its periods in full colour, the rest muted. */
  span: { from: string; to: string } | null;
  brush: boolean;
}

/** One measure over the periods, as bars (so a brushed span reads as its bars). */
export function timeseriesOption(
  points: readonly SeriesPoint[],
  settings: TimeseriesSettings,
): EChartsCoreOption {
  const { measure, index, grain, span } = settings;
  const inSpan = (p: SeriesPoint) => span === null || (p.period >= span.from && p.period < span.to);
  return {
    ...baseOption,
    grid: { left: 8, right: 16, top: 12, bottom: 8, containLabel: true },
    ...(settings.brush ? { brush: lineXBrush({ debounce: true }) } : {}),
    tooltip: {
      ...tooltipStyle,
      trigger: 'axis',
      formatter: (params: unknown) => {
        const point = points[firstItem(params).dataIndex ?? -1];
        if (!point) return '';
        return tooltipHtml(periodLabel(point.period, grain), [
          [measure.label, formatMeasure(measure, point.values[index] ?? null)],
        ]);
      },
    },
    xAxis: {
      type: 'category',
      data: points.map((p) => periodLabel(p.period, grain)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: palette.grid } },
      axisLabel: { color: palette.subtle, fontSize: 11 },
    },
    yAxis: {
      type: 'value',
      splitLine: { lineStyle: { color: palette.grid } },
      axisLabel: { color: palette.subtle, formatter: formatMeasureAxis },
    },
    series: [
      {
        type: 'bar',
        name: measure.label,
        barMaxWidth: 24,
        data: points.map((p) => ({
          value: p.values[index] ?? null,
          itemStyle: { color: inSpan(p) ? palette.primary : palette.primaryMuted },
        })),
      },
    ],
  };
}
