import type { EChartsCoreOption } from 'echarts/core';
import { formatCount, formatMoney } from '$lib/format/numbers';
import type { DishRank } from '$lib/models/restaurant/dashboard-rows';
import { baseOption, palette, tooltipStyle } from './theme';
import { firstItem, tooltipHtml } from './tooltip';

export type DishMetric = 'orders' | 'revenue';

/** The top dishes by one metric, best at the top; a tie keeps name order, so the chart is stable. */
export function topDishesOption(
  dishes: readonly DishRank[],
  metric: DishMetric,
  { limit = 5, selected = null }: { limit?: number; selected?: string | null } = {},
): EChartsCoreOption {
  const rank = metric === 'orders' ? 'ordersRank' : 'revenueRank';
  const rows = dishes
    .filter((d) => d[rank] <= limit)
    .sort((a, b) => a[rank] - b[rank])
    .reverse();
  const format = metric === 'orders' ? formatCount : formatMoney;
  const color = metric === 'orders' ? palette.primary : palette.money;
  const top = rows.at(-1)?.[metric];
  return {
    ...baseOption,
    grid: { left: 8, right: 72, top: 4, bottom: 4, containLabel: true },
    tooltip: {
      ...tooltipStyle,
      trigger: 'item',
      formatter: (params: unknown) => {
        const row = rows[firstItem(params).dataIndex ?? -1];
        return row
          ? tooltipHtml(row.dish, [
              ['Orders', formatCount(row.orders)],
              ['Revenue', formatMoney(row.revenue)],
            ])
          : '';
      },
    },
    xAxis: { type: 'value', show: false },
    yAxis: {
      type: 'category',
      data: rows.map((r) => r.dish),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: palette.grid } },
      axisLabel: { color: palette.text, fontSize: 12, width: 140, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: metric === 'orders' ? 'Orders' : 'Revenue',
        barMaxWidth: 20,
        data: rows.map((r) => ({
          value: r[metric],
          itemStyle: {
            color,
            opacity: (selected === null ? r[metric] === top : r.dish === selected) ? 1 : 0.55,
            borderRadius: 3,
          },
        })),
        label: {
          show: true,
          position: 'right',
          color: palette.text,
          fontSize: 11,
          formatter: ({ value }: { value: number }) => format(value),
        },
      },
    ],
  };
}
