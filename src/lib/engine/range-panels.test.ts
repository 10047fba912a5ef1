import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RangeFilter } from '$lib/models/dataset/range';
import type { Scope } from '$lib/models/restaurant/build-dashboard-sql';
import type { RangePanel } from '$lib/models/restaurant/range-panels';
import { ingestPath, openTestDatabase } from '$lib/testing/node-duckdb';
import { salesDates, salesPrices } from '../../../tests/support/sales-ranges';
import { readRangePanels } from './range-panel-reads';
import { RangeCubes } from './range-cubes';

const PANELS: RangePanel[] = ['overview', 'totals', 'dishes', 'customers', 'matrix', 'topDishes'];

let db: Awaited<ReturnType<typeof openTestDatabase>>;
beforeEach(async () => {
  db = await openTestDatabase();
});
afterEach(() => db.close());

/** Every panel from the cube's rows in memory, and the same panels read with their SQL (native DuckDB). */
async function bothWays(cubes: RangeCubes, range: RangeFilter, scope: Partial<Scope> = {}) {
  const { cube } = await cubes.narrow(1, { range, customer: null });
  const full: Scope = { dataset: 1, sources: null, restaurant: null, range, rangeCube: cube, ...scope };
  return { inMemory: cubes.held.panelRows(full, PANELS), sql: await readRangePanels(db, full, PANELS) };
}

describe('range panels from a range cube’s rows in memory equal the SQL panels', () => {
  it('on the sales file: date and price ranges, all stores and each store', async () => {
    await ingestPath(db, 'tests/fixtures/sales.csv');
    const cubes = new RangeCubes(db);
    const ranges = [
      salesDates('2024-03-01', '2024-03-31'),
      salesDates('2024-01-01', '2024-12-31'),
      salesPrices(3, 5.5),
      salesPrices(8.45, 8.45),
      salesPrices(100, 200),
    ];
    for (const range of ranges) {
      for (const restaurant of [null, 'Lisbon Baixa', 'Braga Centro', 'nowhere']) {
        const { inMemory, sql } = await bothWays(cubes, range, { restaurant });
        expect(inMemory, `${range.from}–${range.to} ${restaurant}`).toEqual(sql);
      }
    }
    const { sql } = await bothWays(cubes, salesPrices(3, 5.5));
    expect(sql.dishes?.length).toBeGreaterThan(0);
    expect(sql.customers?.length).toBe(10);
    expect(sql.matrix?.length).toBeGreaterThan(10);
  });

  it('on two restaurant files, for each file and both, with ties kept in name order', async () => {
    await ingestPath(db, 'tests/fixtures/part-1.csv');
    await ingestPath(db, 'tests/fixtures/part-2.csv');
    const cubes = new RangeCubes(db);
    const cost = (from: number, to: number): RangeFilter => ({
      kind: 'number',
      column: 'food_cost',
      name: 'food_cost',
      from,
      to,
    });
    for (const sources of [null, [1], [2]])
      for (const range of [cost(0, 5), cost(2.5, 2.5), cost(-10, 100)]) {
        const { inMemory, sql } = await bothWays(cubes, range, { sources });
        expect(inMemory, `${range.from}–${range.to} files ${String(sources)}`).toEqual(sql);
      }
  });

  it('leaves a clicked item or customer to SQL (it needs the cube’s full grain)', async () => {
    await ingestPath(db, 'tests/fixtures/sales.csv');
    const cubes = new RangeCubes(db);
    const range = salesPrices(3, 5.5);
    expect((await bothWays(cubes, range)).inMemory).not.toBeNull();
    expect((await bothWays(cubes, range, { item: 'wrap' })).inMemory).toBeNull();
    expect((await bothWays(cubes, range, { customer: 'Susan' })).inMemory).toBeNull();
  });
});
