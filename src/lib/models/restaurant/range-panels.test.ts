import { describe, expect, it } from 'vitest';
import { compareText } from '../text-order';
import { dayNumber, dayText, toCoarseRows } from './coarse-rows';
import { rangePanelRows } from './range-panels';

const price = (from: number, to: number) =>
  ({ kind: 'number', column: 'price', name: 'price', from, to }) as const;

describe('range panels in memory', () => {
  it('round revenue as DuckDB rounds a DECIMAL: half a cent goes away from zero', () => {
    const row = (restaurant: string, revenue: number) => ({
      source_id: 1, restaurant, member: 'Ann', key: 1, visits: 1, revenue, missing_costs: 0, unusable_costs: 0,
    }); // prettier-ignore
    const rows = toCoarseRows([row('a', 12_345_000), row('b', -12_345_000), row('c', 12_344_999)]);
    const { totals } = rangePanelRows(
      { dishes: rows, customers: rows },
      { range: price(0, 2), sources: null, restaurant: null },
      ['totals'],
    );
    expect(totals?.map((t) => t.revenue)).toEqual([12.35, -12.35, 12.34]);
  });

  it('reads a day key as days since 1970-01-01, and orders text by code point as DuckDB does', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2024-03-01')).toBe(19783);
    expect(dayText(19783)).toBe('2024-03-01');
    expect(dayText(dayNumber('1999-12-31') + 0.6)).toBe('1999-12-31');
    expect(['\u{1F600}', '\uFF5E', 'b', 'B'].sort(compareText)).toEqual(['B', 'b', '\uFF5E', '\u{1F600}']);
  });
});
