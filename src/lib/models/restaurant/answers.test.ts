import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answersFrom, ingestPath, openTestDatabase } from '$lib/testing/node-duckdb';
import { oracleAnswers, parseRestaurantCsv } from '../../../../tests/support/restaurant-oracle';
import {
  dishMatrixSql,
  overviewSql,
  restaurantTotalsSql,
  topCustomersSql,
  topDishesPerRestaurantSql,
  topDishesSql,
} from './build-dashboard-sql';

const fixture = (name: string) => `tests/fixtures/${name}`;
const ALL = { dataset: 1, sources: null };
let db: Awaited<ReturnType<typeof openTestDatabase>>;

beforeEach(async () => {
  db = await openTestDatabase();
});
afterEach(() => db.close());

describe('the five answers (native DuckDB)', () => {
  it('lists every tied winner, sorted by name, on a file built with ties', async () => {
    await ingestPath(db, fixture('ties.csv'));
    const answers = await answersFrom(db);
    expect(answers.totalRows).toBe(10);
    expect(answers.restaurants).toEqual([
      {
        name: 'alpha',
        visits: 5,
        uniqueCustomers: 3,
        revenue: 9,
        mostPopular: { orders: 2, dishes: ['beans', 'chips'] },
        mostProfitable: { revenue: 3, dishes: ['beans', 'chips', 'corn'] },
        topVisitors: { visits: 2, customers: ['Ann', 'Bob'] },
      },
      {
        // N/A and an empty cost add nothing, but their rows are visits; an empty dish or name is neither.
        name: 'beta',
        visits: 5,
        uniqueCustomers: 3,
        revenue: 7.5,
        mostPopular: { orders: 2, dishes: ['soup', 'tea'] },
        mostProfitable: { revenue: 4, dishes: ['soup'] },
        topVisitors: { visits: 2, customers: ['Cy'] },
      },
    ]);
    expect(answers.mostRestaurantsVisited).toEqual({ restaurants: 2, customers: ['Ann', 'Cy'] });
  });

  it.each([
    ['shuffled-extra-columns.csv', ','],
    ['quoted.csv', ','],
    ['semicolon.csv', ';'],
    ['tab.tsv', '\t'],
    ['pipe.psv', '|'],
    ['odd-headers.csv', ','],
    ['unusable-costs.csv', ','],
  ])('agrees with an independent computation on %s', async (name, delimiter) => {
    await ingestPath(db, fixture(name));
    const expected = oracleAnswers(parseRestaurantCsv(readFileSync(fixture(name), 'utf8'), delimiter));
    const actual = await answersFrom(db);
    expect(actual.totalRows).toBe(expected.totalRows);
    expect(actual.restaurants).toEqual(expected.restaurants);
    expect(actual.mostRestaurantsVisited).toEqual(expected.mostRestaurantsVisited);
  });

  it('appends files with the same columns in another order into one dataset', async () => {
    await ingestPath(db, fixture('part-1.csv'));
    await ingestPath(db, fixture('part-2.csv'));
    const rows = ['part-1.csv', 'part-2.csv'].flatMap((n) =>
      parseRestaurantCsv(readFileSync(fixture(n), 'utf8')),
    );
    const answers = await answersFrom(db);
    expect(answers.sources.map((s) => [s.name, s.rows])).toEqual([
      ['part-1.csv', 2500],
      ['part-2.csv', 1800],
    ]);
    expect(answers.restaurants).toEqual(oracleAnswers(rows).restaurants);
  });
});

describe('panel queries read the fact cube', () => {
  beforeEach(async () => {
    await ingestPath(db, fixture('ties.csv'));
  });

  it('narrows the headline figures to one restaurant', async () => {
    const [all] = await db.rows(overviewSql({ dataset: 1, restaurant: null, sources: null }));
    const [beta] = await db.rows(overviewSql({ dataset: 1, restaurant: 'beta', sources: null }));
    expect(all).toMatchObject({
      visits: 10,
      unique_customers: 4,
      revenue: 16.5,
      missing_costs: 1,
      unusable_costs: 1,
    });
    expect(beta).toMatchObject({ visits: 5, unique_customers: 3, revenue: 7.5 });
  });

  it('ranks top dishes by orders and by revenue, name breaking ties', async () => {
    const rows = await db.rows(topDishesSql({ dataset: 1, restaurant: 'alpha', sources: null }, 2));
    expect(rows.map((r) => [r.dish, r.orders_rank, r.revenue_rank])).toEqual([
      ['beans', 1, 1],
      ['chips', 2, 2],
    ]);
  });

  it('counts how many customers share the top visit count, and their reach over all restaurants', async () => {
    const rows = await db.rows(topCustomersSql({ dataset: 1, restaurant: 'alpha', sources: null }));
    expect(rows.map((r) => [r.customer, r.visits, r.restaurants, r.tied_at_top])).toEqual([
      ['Ann', 2, 2, 2],
      ['Bob', 2, 1, 2],
      ['Cy', 1, 2, 2],
    ]);
  });

  it('gives restaurant × dish cells without empty dishes', async () => {
    const cells = await db.rows(dishMatrixSql(ALL));
    expect(cells.map((c) => `${c.restaurant}/${c.dish}=${c.orders}`)).toEqual([
      'alpha/beans=2',
      'alpha/chips=2',
      'alpha/corn=1',
      'beta/soup=2',
      'beta/tea=2',
    ]);
  });
});

describe('top dishes of each restaurant', () => {
  it('ranks each restaurant on its own, by orders and by revenue', async () => {
    await ingestPath(db, fixture('ties.csv'));
    const rows = await db.rows(topDishesPerRestaurantSql(ALL, 2));
    expect(rows.map((r) => [r.restaurant, r.dish, r.orders_rank, r.revenue_rank])).toEqual([
      ['alpha', 'beans', 1, 1],
      ['alpha', 'chips', 2, 2],
      ['beta', 'soup', 1, 1],
      ['beta', 'tea', 2, 2],
    ]);
  });
});

describe('narrowing to source files', () => {
  it('answers for the chosen files only, as if only they were loaded', async () => {
    await ingestPath(db, fixture('part-1.csv'));
    await ingestPath(db, fixture('part-2.csv'));
    const onlySecond = await answersFrom(db, [2]);
    const alone = await openTestDatabase();
    await ingestPath(alone, fixture('part-2.csv'));
    const expected = await answersFrom(alone);
    alone.close();
    expect(onlySecond.restaurants).toEqual(expected.restaurants);
    expect(onlySecond.mostRestaurantsVisited).toEqual(expected.mostRestaurantsVisited);
    expect(onlySecond.totalRows).toBe(1800);
    expect(onlySecond.sources.map((s) => s.name)).toEqual(['part-2.csv']);
    const [none] = await db.rows(overviewSql({ dataset: 1, restaurant: null, sources: [] }));
    expect(none).toMatchObject({ visits: 0, source_count: 0 });
  });
});

describe('cross-filtering on one dish', () => {
  it('narrows the headline figures, customers and per-restaurant totals to the dish, from the cube', async () => {
    await ingestPath(db, fixture('ties.csv'));
    const scope = { dataset: 1, restaurant: null, sources: null, item: 'tea' };
    const [overview] = await db.rows(overviewSql(scope));
    expect(overview).toMatchObject({ visits: 2, unique_customers: 2, revenue: 2.5, unusable_costs: 1 });
    const totals = await db.rows(restaurantTotalsSql(scope));
    expect(totals).toEqual([{ name: 'beta', visits: 2, unique_customers: 2, revenue: 2.5 }]);
    const customers = await db.rows(topCustomersSql(scope));
    expect(customers.map((c) => c.customer)).toEqual(['Ann', 'Cy']);
    // The dish ranking itself is not narrowed: it still shows every dish, so the chart can highlight one.
    const dishes = await db.rows(topDishesSql(scope));
    expect(dishes.map((d) => d.dish)).toEqual(['beans', 'chips', 'soup', 'tea', 'corn']);
  });
});
