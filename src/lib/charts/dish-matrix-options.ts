import type { EChartsCoreOption } from 'echarts/core';
import { formatCount, formatMoney } from '$lib/format/numbers';
import type { DishCell } from '$lib/models/restaurant/dashboard-rows';
import type { DishMetric } from './top-dishes-options';
import { baseOption, heatVisualMap, heatXAxis, palette, tooltipStyle } from './theme';
import { tooltipHtml } from './tooltip';

/** Restaurant × dish heat map: each restaurant's menu at a glance, in orders or in revenue. */
export function dishMatrixOption(
  cells: readonly DishCell[],
  metric: DishMetric,
  { width }: { width: number },
): EChartsCoreOption {
  const restaurants = [...new Set(cells.map((c) => c.restaurant))].sort().reverse();
  const dishes = [...new Set(cells.map((c) => c.dish))].sort();
  const values = cells.map((c) => c[metric]);
  const labelWidth = Math.round(Math.min(240, Math.max(90, width * 0.22)));
  const format = metric === 'orders' ? formatCount : formatMoney;
  const data = cells.map((c) => [dishes.indexOf(c.dish), restaurants.indexOf(c.restaurant), c[metric]]);

  return {
    ...baseOption,
    grid: { left: labelWidth + 16, right: 16, top: 8, bottom: 110 },
    tooltip: {
      ...tooltipStyle,
      trigger: 'item',
      formatter: (params: unknown) => {
        const value = (params as { value?: [number, number, number] }).value;
        if (!value) return '';
        const cell = cells.find((c) => c.dish === dishes[value[0]] && c.restaurant === restaurants[value[1]]);
        return cell
          ? tooltipHtml(`${cell.restaurant} · ${cell.dish}`, [
              ['Orders', formatCount(cell.orders)],
              ['Revenue', formatMoney(cell.revenue)],
            ])
          : '';
      },
    },
    xAxis: heatXAxis(dishes),
    yAxis: {
      type: 'category',
      data: restaurants,
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { color: palette.text, fontSize: 12, width: labelWidth, overflow: 'truncate' },
    },
    visualMap: heatVisualMap(
      values.length ? Math.min(...values) : 0,
      values.length ? Math.max(...values) : 1,
      [format(values.length ? Math.max(...values) : 1), format(values.length ? Math.min(...values) : 0)],
    ),
    series: [
      {
        type: 'heatmap',
        name: metric === 'orders' ? 'Orders' : 'Revenue',
        data,
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: palette.text, borderWidth: 1 } },
      },
    ],
  };
}
