import { describe, expect, it } from 'vitest';
import { sameShape } from './option-shape';

const bars = (data: number[], extra: Record<string, unknown> = {}) => ({
  xAxis: [{ type: 'category', data: data.map(String) }],
  yAxis: [{ type: 'value' }],
  series: [{ type: 'bar', data, itemStyle: { color: '#2563eb' }, ...extra }],
  tooltip: { formatter: () => 'x' },
});

describe('sameShape: when a chart can be updated in place', () => {
  it('is true when only values change, however many data points', () => {
    expect(sameShape(bars([1, 2, 3]), bars([4, 5]))).toBe(true);
  });

  it('is false when a key appears or goes at any depth', () => {
    expect(sameShape(bars([1]), bars([1], { markArea: { data: [[{ xAxis: 0 }, { xAxis: 1 }]] } }))).toBe(
      false,
    );
    expect(sameShape(bars([1], { label: { show: true } }), bars([1], { label: {} }))).toBe(false);
  });

  it('is false when the number of series or axes changes', () => {
    const two = { ...bars([1]), series: [...bars([1]).series, ...bars([2]).series] };
    expect(sameShape(bars([1]), two)).toBe(false);
  });

  it('treats an undefined key as absent, and an object in place of a value as a new shape', () => {
    expect(sameShape(bars([1], { stack: undefined }), bars([1]))).toBe(true);
    expect(sameShape(bars([1], { color: '#fff' }), bars([1], { color: { type: 'linear' } }))).toBe(false);
  });
});
