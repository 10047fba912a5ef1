import { describe, expect, it } from 'vitest';
import { binsInRange, brushedValues, distributionOption } from './profile-options';
import { brushedDates, periodEnd, periodsInRange, timelineOption } from './timeline-options';

const weeks = {
  unit: 'week' as const,
  undated: 0,
  points: ['2024-01-01', '2024-01-08', '2024-01-15', '2024-01-22'].map((period) => ({
    period,
    visits: 1,
    revenue: 1,
  })),
};
const bins = [
  { from: 0, to: 2.5, count: 3 },
  { from: 2.5, to: 5, count: 1 },
  { from: 5, to: 7.5, count: 4 },
];
const markArea = (option: unknown) =>
  ((option as { series: { markArea?: { data: unknown } }[] }).series[0]?.markArea?.data ?? null) as unknown;

/** The bins drawn muted (outside the range the dashboard is narrowed to). */
const mutedBins = (option: unknown) =>
  ((option as { series: { data: unknown[] }[] }).series[0]?.data ?? []).flatMap((d, i) =>
    typeof d === 'object' ? [i] : [],
  );

describe('a brush on the over-time chart', () => {
  it('covers whole periods: from the first one’s start to the last one’s end, in either direction', () => {
    expect(periodEnd('2024-01-29', 'week')).toBe('2024-02-04');
    expect(periodEnd('2024-02-01', 'month')).toBe('2024-02-29');
    expect(periodEnd('2024-02-03', 'day')).toBe('2024-02-03');
    expect(brushedDates(weeks, 2, 1)).toEqual({ from: '2024-01-08', to: '2024-01-21' });
    expect(brushedDates(weeks, -3, 99)).toEqual({ from: '2024-01-01', to: '2024-01-28' });
    expect(brushedDates({ ...weeks, points: [] }, 0, 1)).toBeNull();
  });

  it('shades the periods a range overlaps, and takes a brush only where asked', () => {
    expect(periodsInRange(weeks, '2024-01-10', '2024-01-16')).toEqual([1, 2]);
    expect(periodsInRange(weeks, '2025-01-01', '2025-02-01')).toBeNull();
    const range = { from: '2024-01-10', to: '2024-01-16' };
    const option = timelineOption(weeks, { revenue: false, range, brush: true });
    expect(markArea(option)).toEqual([[{ xAxis: '2024-01-08' }, { xAxis: '2024-01-15' }]]);
    expect('brush' in option).toBe(true);
    expect('brush' in timelineOption(weeks, { revenue: false, range })).toBe(false);
  });
});

describe('a brush on a number column’s histogram', () => {
  it('covers the outer bins’ edges, and shades the bins a range overlaps', () => {
    expect(brushedValues(bins, 2, 1)).toEqual({ from: 2.5, to: 7.5 });
    const uneven = [
      { from: 2.73, to: 3.016, count: 1 },
      { from: 3.016, to: 8.163999999, count: 1 },
    ];
    expect(brushedValues(uneven, 1, 1)).toEqual({ from: 3.01, to: 8.17 });
    const large = [{ from: 1234.5678, to: 98_765.4321, count: 1 }];
    expect(brushedValues(large, 0, 0)).toEqual({ from: 1200, to: 98_800 });
    expect(brushedValues([], 0, 0)).toBeNull();
    expect(binsInRange(bins, 3, 4)).toEqual([1, 1]);
    expect(binsInRange(bins, 8, 9)).toBeNull();
    const option = distributionOption(
      { kind: 'bins', time: false, bins },
      { brush: true, selected: { from: 1, to: 3 } },
    );
    expect(mutedBins(option)).toEqual([2]);
    expect(option && 'brush' in option).toBe(true);
    const whole = distributionOption({ kind: 'bins', time: false, bins }, { brush: true });
    expect(mutedBins(whole)).toEqual([]);
  });

  it('is not offered on dates (the over-time chart has the brush) or on a read-only chart', () => {
    const dates = distributionOption(
      { kind: 'bins', time: true, bins },
      { brush: true, selected: { from: 1, to: 3 } },
    );
    expect(dates && 'brush' in dates).toBe(false);
    expect(mutedBins(dates)).toEqual([]);
    const plain = distributionOption({ kind: 'bins', time: false, bins });
    expect(plain && 'brush' in plain).toBe(false);
  });
});
