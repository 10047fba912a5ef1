/** One palette for every chart, chosen for contrast on white (WCAG AA for text colours). */
export const palette = {
  primary: '#2563eb',
  primaryMuted: '#93b4f5',
  accent: '#0f766e',
  accentMuted: '#8cc9c2',
  money: '#b45309',
  moneyMuted: '#f0c48a',
  text: '#0f172a',
  subtle: '#475569',
  grid: '#e2e8f0',
  heat: ['#eff6ff', '#bfdbfe', '#60a5fa', '#2563eb', '#1e3a8a'],
} as const;

export const fontFamily =
  'Inter, "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, "Noto Sans", "DejaVu Sans", sans-serif';

export const baseOption = {
  textStyle: { fontFamily, color: palette.text },
  // Numbers first: a chart is ready when it is drawn, not after a transition (filter redraws stay fast).
  animation: false,
  // Each chart's container is an image with its own label (Chart.svelte); ECharts' generated text
  // ("the data for 0 is 0, 150") would replace it, at a cost on every redraw.
  aria: { enabled: false },
} as const;

export const tooltipStyle = {
  className: 'dd-tooltip',
  backgroundColor: '#ffffff',
  borderColor: palette.grid,
  textStyle: { color: palette.text, fontFamily, fontSize: 12 },
  extraCssText: 'box-shadow: 0 4px 14px rgba(15,23,42,.12); border-radius: 8px;',
} as const;

/**
 * A drag across the x axis selects a range (ECharts' brush, taken as the cursor by the `echart` action).
 * `debounce`: report the range once the drag ends, not at every move.
 */
export function lineXBrush({ debounce = false } = {}) {
  return {
    xAxisIndex: 0,
    brushType: 'lineX',
    brushMode: 'single',
    transformable: false,
    ...(debounce ? { throttleType: 'debounce' } : {}),
    brushStyle: { color: 'rgba(37, 99, 235, 0.15)', borderColor: palette.primary },
  } as const;
}

/** A heat map's colour scale: light to dark blue from `lo` to `hi`, its two ends labelled, under the chart. */
export function heatVisualMap(lo: number, hi: number, [hiText, loText]: [string, string]) {
  return {
    type: 'continuous',
    min: lo,
    max: hi > lo ? hi : lo + 1,
    orient: 'horizontal',
    left: 'center',
    bottom: 0,
    itemHeight: 160,
    itemWidth: 10,
    text: [hiText, loText],
    textStyle: { color: palette.subtle, fontSize: 11 },
    inRange: { color: [...palette.heat] },
    calculable: false,
  } as const;
}

/** A heat map's category axis along the bottom: every label, turned, cut at 90 px. */
export const heatXAxis = (data: readonly string[]) => ({
  type: 'category',
  data,
  splitArea: { show: false },
  axisTick: { show: false },
  axisLine: { show: false },
  axisLabel: { rotate: 50, color: palette.text, fontSize: 11, interval: 0, width: 90, overflow: 'truncate' },
});
