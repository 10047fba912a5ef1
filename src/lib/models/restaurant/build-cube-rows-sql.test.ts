import { describe, expect, it } from 'vitest';
import { cubeRowsSql, dailyRowsSql } from './build-cube-rows-sql';
import { rangeCubeTables } from './build-range-cube-sql';

const roles = { place: 'p', item: 'i', customer: 'c', amount: 'a', date: 'd' };
const price = { kind: 'number', column: 'a', name: 'a', from: 2, to: 4 } as const;
const rangeCube = rangeCubeTables(1, 3, price, roles);
const ranged = { dataset: 1, sources: null, range: price, rangeCube };

describe('the cube rows a selection reads', () => {
  it('reads the dataset’s cube, or its narrowed rows for a range without a range cube', () => {
    expect(cubeRowsSql({ dataset: 2, sources: [4, 5] }, 'dishes')).toContain(
      'WHERE dataset_id = 2 AND list_contains([4, 5]::INTEGER[], source_id)',
    );
    expect(cubeRowsSql({ ...ranged, rangeCube: null }, 'dishes')).toContain('WHERE dataset_id = -1');
  });

  it('reads a range from the smallest range cube table that has what the panel narrows by', () => {
    expect(cubeRowsSql(ranged, 'dishes')).toContain('"dd_range_1_3_dishes"');
    expect(cubeRowsSql(ranged, 'customers')).toContain('"dd_range_1_3_customers"');
    expect(cubeRowsSql({ ...ranged, item: 'tea' }, 'dishes')).toContain('"dd_range_1_3_dishes"');
    // An item narrows the customers counted, a customer the dishes: only the full grain has both.
    expect(cubeRowsSql({ ...ranged, item: 'tea' }, 'customers')).toContain(
      'JOIN "dd_ranges".main."dd_range_1_3_groups"',
    );
    expect(cubeRowsSql({ ...ranged, customer: "O'Brien" }, 'dishes')).toContain(`customer = 'O''Brien'`);
    expect(cubeRowsSql({ ...ranged, customer: 'x' }, 'dishes')).toContain('"dd_range_1_3_groups"');
  });

  it('reads a number range’s days from its range cube, a customer’s from the narrowed rows', () => {
    expect(dailyRowsSql(ranged)).toContain(
      '"dd_range_1_3_daily" WHERE "key" BETWEEN 2::DOUBLE AND 4::DOUBLE',
    );
    expect(dailyRowsSql({ ...ranged, customer: 'x' })).toContain('WHERE dataset_id = -1');
    expect(dailyRowsSql({ dataset: 1, sources: null })).toContain('WHERE dataset_id = 1');
  });
});
