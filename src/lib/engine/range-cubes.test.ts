import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Narrowing, RangeFilter } from '$lib/models/dataset/range';
import { answersSql, overviewSql, timelineSql, undatedSql } from '$lib/models/restaurant/build-dashboard-sql';
import { toAnswer, toOverview } from '$lib/models/restaurant/dashboard-rows';
import { rangeCubeStateSql, type RangeCubeTables } from '$lib/models/restaurant/build-range-cube-sql';
import { ingestPath, openTestDatabase } from '$lib/testing/node-duckdb';
import { parseRestaurantCsv, type RestaurantRecord } from '../../../tests/support/restaurant-oracle';
import { mappedAnswers, oracleTimeline } from '../../../tests/support/sales-oracle';
import { dayOf, SALES_ROLES, salesDates, salesPrices, within } from '../../../tests/support/sales-ranges';
import { RangeCubes } from './range-cubes';
import { applyRoles } from './roles';
import type { SqlRunner } from './sql-runner';

const ROLES = SALES_ROLES;
const FIXTURE = 'tests/fixtures/sales.csv';
const records = parseRestaurantCsv(readFileSync(FIXTURE, 'utf8'));
const dates = salesDates;
const prices = salesPrices;

/** Native DuckDB, counting the range cubes it is asked to build and the reads of the dataset's state. */
let db: Awaited<ReturnType<typeof openTestDatabase>>;
let builds = 0;
let stateReads = 0;
const counting = (): SqlRunner => ({
  rows: (sql) => {
    if (sql === rangeCubeStateSql(1)) stateReads++;
    return db.rows(sql);
  },
  exec: (sql) => {
    if (/CREATE OR REPLACE TEMP TABLE "dd_range_\d+_\d+_all"/.test(sql)) builds++;
    return db.exec(sql);
  },
});
beforeEach(async () => {
  db = await openTestDatabase();
  builds = 0;
  stateReads = 0;
  await ingestPath(db, FIXTURE);
});
afterEach(() => db.close());

/** The range cube the last narrowing named, as the page passes it in its selection. */
let rangeCube: RangeCubeTables | null = null;
const narrowed = async (cubes: RangeCubes, narrowing: Narrowing) => {
  const { by, cube } = await cubes.narrow(1, narrowing);
  rangeCube = cube;
  return by;
};
const answersIn = async (range: RangeFilter) =>
  (await db.rows(answersSql({ dataset: 1, sources: null, range, rangeCube }))).map(toAnswer);
const timelineIn = async (range: RangeFilter) =>
  (await db.rows(timelineSql({ dataset: 1, sources: null, restaurant: null, range, rangeCube }))).map(
    ({ period, visits, revenue }) => ({ period, visits, revenue }),
  );

describe('range cubes: a range is a roll-up of its column’s cube, not a scan (native DuckDB)', () => {
  it('date and number ranges equal an independent computation, and one cube serves every range of a column', async () => {
    const cubes = new RangeCubes(counting());
    for (const range of [dates('2024-03-01', '2024-03-31'), dates('2024-05-10', '2024-07-02')]) {
      expect(await narrowed(cubes, { range: range, customer: null })).toBe('range cube');
      const rows = records.filter(within(range));
      expect(rows.length).toBeGreaterThan(50);
      expect(await answersIn(range)).toEqual(mappedAnswers(rows, ROLES).restaurants);
      const [overview] = await db.rows(
        overviewSql({ dataset: 1, sources: null, restaurant: null, range, rangeCube }),
      );
      expect(toOverview(overview).visits).toBe(rows.length);
    }
    for (const range of [prices(3, 5.5), prices(8.45, 8.45)]) {
      expect(await narrowed(cubes, { range: range, customer: null })).toBe('range cube');
      const rows = records.filter(within(range));
      expect(rows.length).toBeGreaterThan(0);
      expect(await answersIn(range)).toEqual(mappedAnswers(rows, ROLES).restaurants);
      expect(await timelineIn(range)).toEqual(oracleTimeline(rows, ROLES));
    }
    expect(builds).toBe(2);
  });

  it('with an item or a customer clicked too, every summary equals an independent computation', async () => {
    const cubes = new RangeCubes(counting());
    const range = dates('2024-02-01', '2024-07-31');
    expect(await narrowed(cubes, { range, customer: null })).toBe('range cube');
    const named = (column: 'product' | 'client', name: string) => (r: RestaurantRecord) =>
      (r[column] ?? '').trim() === name;
    for (const [narrowing, keep] of [
      [{ item: 'wrap' }, named('product', 'wrap')],
      [{ customer: 'Susan' }, named('client', 'Susan')],
    ] as const) {
      const rows = records.filter((r) => within(range)(r) && keep(r));
      expect(rows.length).toBeGreaterThan(5);
      const selection = { dataset: 1, sources: null, range, rangeCube, ...narrowing };
      expect((await db.rows(answersSql(selection))).map(toAnswer)).toEqual(
        mappedAnswers(rows, ROLES).restaurants,
      );
    }
  });

  it('is rebuilt when a file joins the dataset or the roles change', async () => {
    const cubes = new RangeCubes(counting());
    const march = dates('2024-03-01', '2024-03-31');
    await narrowed(cubes, { range: march, customer: null });
    const extra =
      'order_id,store,product,client,unit_price,order_date,channel\n9,Nowhere,tea,Zed,2.5,2024-03-09,web\n';
    const path = join(mkdtempSync(join(tmpdir(), 'dd-')), 'more.csv');
    writeFileSync(path, extra);
    await ingestPath(db, path);
    cubes.tablesChanged();
    expect(await narrowed(cubes, { range: march, customer: null })).toBe('range cube');
    const second = rangeCube;
    const more = [...records, ...parseRestaurantCsv(extra)].filter(within(march));
    expect(await answersIn(march)).toEqual(mappedAnswers(more, ROLES).restaurants);
    await applyRoles(db, 1, { ...ROLES, place: 'channel' });
    cubes.tablesChanged();
    await narrowed(cubes, { range: march, customer: null });
    expect(await answersIn(march)).toEqual(mappedAnswers(more, { ...ROLES, place: 'channel' }).restaurants);
    expect(builds).toBe(3);
    // A rebuilt cube's old tables stay readable (a click may still read them) until the next narrowing.
    const tables = async () =>
      (await db.rows(`SELECT table_name FROM duckdb_tables() WHERE database_name = 'dd_ranges'`)).map((r) =>
        String(r.table_name),
      );
    expect(await tables()).toContain(second?.dishes);
    await narrowed(cubes, { range: march, customer: null });
    expect(await tables()).not.toContain(second?.dishes);
    expect(await tables()).toContain(rangeCube?.dishes);
    // The dataset's state is read once per change of the tables, not once per range.
    expect(stateReads).toBe(3);
  });

  it('narrows the over-time chart to a customer, alone or within a range (then by a scan)', async () => {
    const cubes = new RangeCubes(counting());
    const theirs = (r: RestaurantRecord) => (r.client ?? '').trim() === 'Anthony';
    expect(await narrowed(cubes, { range: null, customer: 'Anthony' })).toBe('range cube');
    const timeline = (range: RangeFilter | null) =>
      db.rows(
        timelineSql({ dataset: 1, sources: null, restaurant: null, range, rangeCube, customer: 'Anthony' }),
      );
    const points = async (range: RangeFilter | null) =>
      (await timeline(range)).map(({ period, visits, revenue }) => ({ period, visits, revenue }));
    expect(await points(null)).toEqual(oracleTimeline(records.filter(theirs), ROLES));
    const march = dates('2024-03-01', '2024-03-31');
    await narrowed(cubes, { range: march, customer: 'Anthony' });
    expect(await points(march)).toEqual(oracleTimeline(records.filter(theirs), ROLES));
    const cheap = prices(3, 5.5);
    expect(await narrowed(cubes, { range: cheap, customer: 'Anthony' })).toBe('scan');
    const both = records.filter((r) => theirs(r) && within(cheap)(r));
    expect(both.length).toBeGreaterThan(3);
    expect(await points(cheap)).toEqual(oracleTimeline(both, ROLES));
    const undated = records.filter((r) => theirs(r) && dayOf(r) === null).length;
    expect(undated).toBeGreaterThan(0);
    await narrowed(cubes, { range: null, customer: 'Anthony' });
    const [row] = await db.rows(
      undatedSql({ dataset: 1, sources: null, restaurant: null, customer: 'Anthony' }),
    );
    expect(Number(row?.visits)).toBe(undated);
  });

  it('scans the table for a column with too many values, with the same answers', async () => {
    const cubes = new RangeCubes(counting(), 100);
    const range = prices(3, 5.5);
    expect(await narrowed(cubes, { range: range, customer: null })).toBe('scan');
    expect(await answersIn(range)).toEqual(mappedAnswers(records.filter(within(range)), ROLES).restaurants);
    cubes.noteDistinct(1, [{ column: 'unit_price', distinct: 1e6 }]);
    expect(await narrowed(cubes, { range: range, customer: null })).toBe('scan');
    expect(builds).toBe(0);
  });

  it('builds the date’s and the amount’s cubes ahead, and drops every cube when cleared', async () => {
    const cubes = new RangeCubes(counting());
    await cubes.prepareAhead(
      1,
      [{ column: 'unit_price', distinct: 900, type: 'number' }],
      async () => 'continue',
    );
    expect(builds).toBe(2);
    await narrowed(cubes, { range: prices(1, 4), customer: null });
    await narrowed(cubes, { range: dates('2024-01-01', '2024-12-31'), customer: null });
    expect(builds).toBe(2);
    await cubes.clear();
    const left = await db.rows(
      `SELECT count(*) AS n FROM duckdb_tables() WHERE temporary OR database_name = 'dd_ranges'`,
    );
    expect(Number(left[0]?.n)).toBe(0);
  });
});
