import { describe, expect, it } from 'vitest';
import type { ChartData, ChartSpec } from '$lib/sql-console/chart-sql';
import { queryChartOption, xText } from './query-chart-options';

const HOSTILE = '<img src=x onerror=alert(1)>';
type Formatter = (params: unknown) => string;
type Option = {
  tooltip: { formatter: Formatter };
  xAxis: { type: string; data?: string[] };
  series: { type: string; data: unknown[] }[];
};
const asOption = (value: unknown) => value as Option;

const data = (points: ChartData['points']): ChartData => ({ points, total: points.length, note: null });

describe('queryChartOption', () => {
  it('bars: one category per x, y as values, nulls named', () => {
    const spec: ChartSpec = { type: 'bar', x: 'dish', xKind: 'text', y: 'revenue' };
    const option = asOption(
      queryChartOption(
        spec,
        data([
          { x: 'soup', y: 10.5 },
          { x: null, y: 2 },
        ]),
      ),
    );
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['soup', 'null'] });
    expect(option.series[0]).toMatchObject({ type: 'bar', data: [10.5, 2] });
  });

  it('escapes values in tooltips', () => {
    const spec: ChartSpec = { type: 'bar', x: 'dish', xKind: 'text', y: HOSTILE };
    const option = asOption(queryChartOption(spec, data([{ x: HOSTILE, y: 1234.5 }])));
    const html = option.tooltip.formatter({ dataIndex: 0 });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('1,234.5');
  });

  it('lines over numbers use a value axis with [x, y] points', () => {
    const spec: ChartSpec = { type: 'line', x: 'n', xKind: 'number', y: 'v' };
    const option = asOption(
      queryChartOption(
        spec,
        data([
          { x: 1, y: 2 },
          { x: 3, y: 4 },
        ]),
      ),
    );
    expect(option.xAxis.type).toBe('value');
    expect(option.series[0]).toMatchObject({
      type: 'line',
      data: [
        [1, 2, 0],
        [3, 4, 1],
      ],
    });
    expect(option.tooltip.formatter({ value: [3, 4, 1] })).toContain('<b>4</b>');
  });

  it('lines over dates use a time axis; tooltips show the date', () => {
    const spec: ChartSpec = { type: 'line', x: 'day', xKind: 'temporal', y: 'orders' };
    const option = asOption(queryChartOption(spec, data([{ x: Date.UTC(2024, 0, 2), y: 5 }])));
    expect(option.xAxis.type).toBe('time');
    expect(xText(spec, Date.UTC(2024, 0, 2))).toBe('2024-01-02');
  });

  it('scatters draw every point given', () => {
    const spec: ChartSpec = { type: 'scatter', x: 'a', xKind: 'number', y: 'b' };
    const points = Array.from({ length: 3000 }, (_, i) => ({ x: i, y: i * 2 }));
    const option = asOption(queryChartOption(spec, data(points)));
    expect(option.series[0]).toMatchObject({ type: 'scatter', large: true });
    expect(option.series[0]?.data).toHaveLength(3000);
  });

  it('pies name the slice of the rest “Other” and give shares', () => {
    const spec: ChartSpec = { type: 'pie', x: 'dish', xKind: 'text', y: null };
    const option = asOption(
      queryChartOption(
        spec,
        data([
          { x: 'soup', y: 3 },
          { x: null, y: 1, other: true },
        ]),
      ),
    );
    expect(option.series[0]?.data).toMatchObject([
      { name: 'soup', value: 3 },
      { name: 'Other', value: 1 },
    ]);
    expect(option.tooltip.formatter({ dataIndex: 0 })).toContain('75.0%');
  });
});
