import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RangeFilter } from '$lib/models/dataset/range';
import { answersSql, overviewSql, timelineSql } from '$lib/models/restaurant/build-dashboard-sql';
import { toAnswer, toOverview } from '$lib/models/restaurant/dashboard-rows';
import { MODELS } from '$lib/models/restaurant/schema';
import { answersFrom, ingestPath, openTestDatabase } from '$lib/testing/node-duckdb';
import { parseRestaurantCsv } from '../../../tests/support/restaurant-oracle';
import { SALES_ROLES, salesDates, salesPrices, within } from '../../../tests/support/sales-ranges';
import { mappedAnswers, oracleTimeline } from '../../../tests/support/sales-oracle';
import { RangeCubes } from './range-cubes';
import { applyRoles } from './roles';

/** Every range by a scan of the table, as for a column too varied for a range cube. */
let cubes: RangeCubes;
const narrowCube = async (datasetId: number, range: RangeFilter | null) => {
  const narrowed = await cubes.narrow(datasetId, { range, customer: null });
  expect(narrowed).toEqual({ by: range ? 'scan' : 'none', cube: null });
};

const ROLES = SALES_ROLES;
const records = parseRestaurantCsv(readFileSync('tests/fixtures/sales.csv', 'utf8'));
const MARCH = salesDates('2024-03-01', '2024-03-31');
const PRICE = salesPrices(3, 5.5);
const inMarch = within(MARCH);
const priced = within(PRICE);

let db: Awaited<ReturnType<typeof openTestDatabase>>;
beforeEach(async () => {
  db = await openTestDatabase();
  cubes = new RangeCubes(db, 0);
  await ingestPath(db, 'tests/fixtures/sales.csv');
});
afterEach(() => db.close());

const answersOf = async (selection: Parameters<typeof answersSql>[0]) =>
  (await db.rows(answersSql(selection))).map(toAnswer);
const narrowedRows = async () =>
  Number((await db.rows(`SELECT count(*) AS n FROM ${MODELS.facts} WHERE dataset_id < 0`))[0]?.n);

describe('narrowing the dashboard to a range or a customer by a scan of the table (native DuckDB)', () => {
  it('a date range: the narrowed cube equals an independent computation over the rows in it', async () => {
    await narrowCube(1, MARCH);
    const expected = mappedAnswers(records.filter(inMarch), ROLES);
    expect(expected.totalRows).toBeGreaterThan(100);
    expect(await answersOf({ dataset: 1, sources: null, range: MARCH })).toEqual(expected.restaurants);
    const [overview] = await db.rows(
      overviewSql({ dataset: 1, sources: null, restaurant: null, range: MARCH }),
    );
    expect(toOverview(overview).visits).toBe(expected.totalRows);
  });

  it('a number range, with its over-time chart narrowed too', async () => {
    await narrowCube(1, PRICE);
    const rows = records.filter(priced);
    expect(await answersOf({ dataset: 1, sources: null, range: PRICE })).toEqual(
      mappedAnswers(rows, ROLES).restaurants,
    );
    const timeline = await db.rows(
      timelineSql({ dataset: 1, sources: null, restaurant: null, range: PRICE }),
    );
    expect(timeline.map(({ period, visits, revenue }) => ({ period, visits, revenue }))).toEqual(
      oracleTimeline(rows, ROLES),
    );
  });

  it('a customer: every summary reads only their visits', async () => {
    const mine = records.filter((r) => (r.client ?? '').trim() === 'Michael');
    expect(await answersOf({ dataset: 1, sources: null, customer: 'Michael' })).toEqual(
      mappedAnswers(mine, ROLES).restaurants,
    );
  });

  it('leaves the dataset’s own answers alone, is replaced by the next range, goes with null, follows new roles', async () => {
    const before = await answersFrom(db);
    await narrowCube(1, MARCH);
    await narrowCube(1, PRICE);
    expect(await answersFrom(db)).toEqual(before);
    expect(await answersOf({ dataset: 1, sources: null, range: PRICE })).toEqual(
      mappedAnswers(records.filter(priced), ROLES).restaurants,
    );
    await narrowCube(1, null);
    expect(await narrowedRows()).toBe(0);
    await narrowCube(1, MARCH);
    const byChannel = { ...ROLES, place: 'channel' };
    await applyRoles(db, 1, byChannel);
    cubes.tablesChanged();
    // A role change leaves the narrowed rows to the narrower, which the page asks again.
    await narrowCube(1, MARCH);
    expect(await answersOf({ dataset: 1, sources: null, range: MARCH })).toEqual(
      mappedAnswers(records.filter(inMarch), byChannel).restaurants,
    );
  });
});
