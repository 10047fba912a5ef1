import type { EChartsCoreOption } from 'echarts/core';
import { baseOption, heatVisualMap, heatXAxis, palette, tooltipStyle } from '$lib/charts/theme';
import { tooltipHtml } from '$lib/charts/tooltip';
import type { Measure } from '$lib/models/metrics/metrics-model';
import type { PairPanel } from '$lib/models/metrics/metrics-panels';
import { formatMeasure } from '../kpis/measure-format';

export const MISSING = '(missing)';
const label = (value: string | null) => value ?? MISSING;
/** Code-point order, as DuckDB orders text; missing last. */
const byValue = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;

/** The sides' values in value order: the heat map's axes. */
export function pairAxes(pair: PairPanel): { rows: (string | null)[]; columns: (string | null)[] } {
  const distinct = (values: (string | null)[]) => [...new Set(values)].sort(byValue);
  return { rows: distinct(pair.cells.map((c) => c.a)), columns: distinct(pair.cells.map((c) => c.b)) };
}

/** The measure per pair of values, darker for more. */
export function pairOption(
  pair: PairPanel,
  measure: Measure,
  { width }: { width: number },
): EChartsCoreOption {
  const { rows, columns } = pairAxes(pair);
  // The first row at the top.
  const ys = [...rows].reverse();
  const values = pair.cells.flatMap((c) => (c.measure === null ? [] : [c.measure]));
  const lo = values.length ? Math.min(...values) : 0;
  const hi = values.length ? Math.max(...values) : 1;
  const labelWidth = Math.round(Math.min(220, Math.max(80, width * 0.2)));
  return {
    ...baseOption,
    grid: { left: labelWidth + 16, right: 16, top: 8, bottom: 110 },
    tooltip: {
      ...tooltipStyle,
      trigger: 'item',
      formatter: (params: unknown) => {
        const value = (params as { value?: [number, number, number | null] }).value;
        if (!value) return '';
        const a = ys[value[1]] ?? null;
        const b = columns[value[0]] ?? null;
        return tooltipHtml(`${label(a)} · ${label(b)}`, [[measure.label, formatMeasure(measure, value[2])]]);
      },
    },
    xAxis: heatXAxis(columns.map(label)),
    yAxis: {
      type: 'category',
      data: ys.map(label),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { color: palette.text, fontSize: 12, width: labelWidth, overflow: 'truncate', interval: 0 },
    },
    visualMap: heatVisualMap(lo, hi, [formatMeasure(measure, hi), formatMeasure(measure, lo)]),
    series: [
      {
        type: 'heatmap',
        name: measure.label,
        data: pair.cells.map((c) => [columns.indexOf(c.b), ys.indexOf(c.a), c.measure]),
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: palette.text, borderWidth: 1 } },
      },
    ],
  };
}
