import { describe, expect, it } from 'vitest';
import { distributionOption } from './profile-options';
import { timelineOption } from './timeline-options';

type Formatter = (params: unknown) => string;
const formatter = (option: Record<string, unknown>) => (option.tooltip as { formatter: Formatter }).formatter;
const HOSTILE = '<img src=x onerror=alert(1)>';

describe('distributionOption', () => {
  it('draws bins as columns, with the range in the tooltip', () => {
    const option = distributionOption({
      kind: 'bins',
      time: false,
      bins: [
        { from: 0, to: 5, count: 3 },
        { from: 5, to: 10, count: 7 },
      ],
    }) as Record<string, unknown>;
    expect((option.series as { data: number[] }[])[0]?.data).toEqual([3, 7]);
    expect(formatter(option)({ dataIndex: 1 })).toBe('<strong>5 – 10</strong><br/>Rows: <b>7</b>');
  });

  it('draws the most common values, most common at the top, escaped', () => {
    const option = distributionOption({
      kind: 'values',
      values: [
        { value: HOSTILE, count: 9 },
        { value: 'b', count: 2 },
      ],
      others: 0,
    }) as Record<string, unknown>;
    expect((option.yAxis as { data: string[] }).data).toEqual(['b', HOSTILE]);
    expect(formatter(option)({ dataIndex: 1 })).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('draws nothing for ids and empty columns', () => {
    expect(distributionOption({ kind: 'unique' })).toBeNull();
    expect(distributionOption({ kind: 'empty' })).toBeNull();
  });
});

describe('timelineOption', () => {
  const timeline = {
    unit: 'week' as const,
    undated: 0,
    points: [
      { period: '2024-01-01', visits: 10, revenue: 25.5 },
      { period: '2024-01-08', visits: 4, revenue: 8 },
    ],
  };

  it('shows visits as bars and revenue as a line on its own axis', () => {
    const option = timelineOption(timeline, { revenue: true }) as Record<string, unknown>;
    const series = option.series as { type: string; data: number[]; yAxisIndex?: number }[];
    expect(series.map((s) => [s.type, s.data, s.yAxisIndex ?? 0])).toEqual([
      ['bar', [10, 4], 0],
      ['line', [25.5, 8], 1],
    ]);
    expect(formatter(option)([{ dataIndex: 0 }])).toBe(
      '<strong>Week of 2024-01-01</strong><br/>Visits: <b>10</b><br/>Revenue: <b>25.50</b>',
    );
  });

  it('leaves revenue out without an amount', () => {
    const option = timelineOption(timeline, { revenue: false }) as Record<string, unknown>;
    expect((option.series as unknown[]).length).toBe(1);
    expect((option.yAxis as unknown[]).length).toBe(1);
  });
});
