import { describe, expect, it } from 'vitest';
import { makeMeasure, type MetricsModel } from '$lib/models/metrics/metrics-model';
import { defaultPair } from './default-pair';

const model = (sizes: Record<string, number>): MetricsModel => ({
  columns: Object.entries(sizes).map(([name, values]) => ({
    name,
    column: name,
    type: 'text',
    timeFormat: null,
    sampleDistinct: values,
    scale: 0,
  })),
  dimensions: Object.keys(sizes),
  measures: [makeMeasure('count', null)],
  time: null,
  rows: 1000,
});

describe('defaultPair', () => {
  it('asks "the top item of each place": fewest values as rows, most up to 50 as columns', () => {
    expect(defaultPair(model({ restaurant: 4, dish: 34, customer: 700 }))).toEqual({
      rows: 'restaurant',
      columns: 'dish',
    });
  });
  it('skips a dimension of one value, and needs two dimensions', () => {
    expect(defaultPair(model({ only: 1, size: 3, airport: 10 }))).toEqual({
      rows: 'size',
      columns: 'airport',
    });
    expect(defaultPair(model({ weather: 5 }))).toBeNull();
  });
});
