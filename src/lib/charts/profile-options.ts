import type { EChartsCoreOption } from 'echarts/core';
import { formatCount } from '$lib/format/numbers';
import { formatProfileValue } from '$lib/format/profile-values';
import type { Distribution } from '$lib/models/profile/profile-rows';
import { baseOption, palette, tooltipStyle } from './theme';
import { firstItem, tooltipHtml } from './tooltip';

/**
 * A column's distribution as a small chart: a histogram of its values (numbers, dates), or bars of its
 * most common values. Null when there is nothing to draw (an id column, an empty one).
 */
export function distributionOption(distribution: Distribution): EChartsCoreOption | null {
  if (distribution.kind === 'bins') {
    const { bins, time } = distribution;
    const label = (i: number) => {
      const bin = bins[i];
      if (!bin) return '';
      const kind = time ? 'time' : 'number';
      return `${formatProfileValue(bin.from, kind)} – ${formatProfileValue(bin.to, kind)}`;
    };
    return {
      ...baseOption,
      grid: { left: 0, right: 0, top: 2, bottom: 0 },
      tooltip: {
        ...tooltipStyle,
        trigger: 'item',
        formatter: (params: unknown) => {
          const i = firstItem(params).dataIndex ?? -1;
          return tooltipHtml(label(i), [['Rows', formatCount(bins[i]?.count ?? 0)]]);
        },
      },
      xAxis: { type: 'category', show: false, data: bins.map((_, i) => i) },
      yAxis: { type: 'value', show: false },
      series: [
        {
          type: 'bar',
          barCategoryGap: '8%',
          itemStyle: { color: palette.primary },
          data: bins.map((b) => b.count),
        },
      ],
    };
  }
  if (distribution.kind === 'values') {
    const values = [...distribution.values].reverse();
    return {
      ...baseOption,
      grid: { left: 0, right: 0, top: 0, bottom: 0 },
      tooltip: {
        ...tooltipStyle,
        trigger: 'item',
        formatter: (params: unknown) => {
          const v = values[firstItem(params).dataIndex ?? -1];
          return v ? tooltipHtml(v.value, [['Rows', formatCount(v.count)]]) : '';
        },
      },
      xAxis: { type: 'value', show: false },
      yAxis: { type: 'category', show: false, data: values.map((v) => v.value) },
      series: [
        {
          type: 'bar',
          barCategoryGap: '12%',
          itemStyle: { color: palette.accent },
          data: values.map((v) => v.count),
        },
      ],
    };
  }
  return null;
}
