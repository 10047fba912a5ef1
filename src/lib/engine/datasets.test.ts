import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { columnsSql, datasetsSql } from '$lib/models/dataset/build-dataset-sql';
import { columnSignature } from '$lib/models/dataset/columns';
import { toDatasets } from '$lib/models/dataset/dataset-rows';
import { timelineSql } from '$lib/models/restaurant/build-dashboard-sql';
import { answersFrom, ingestPath, openTestDatabase } from '$lib/testing/node-duckdb';
import { parseRestaurantCsv } from '../../../tests/support/restaurant-oracle';
import { mappedAnswers, oracleTimeline } from '../../../tests/support/sales-oracle';
import { applyRoles } from './roles';

const fixture = (name: string) => `tests/fixtures/${name}`;
const records = (name: string) => parseRestaurantCsv(readFileSync(fixture(name), 'utf8'));
let db: Awaited<ReturnType<typeof openTestDatabase>>;
const datasets = async () => toDatasets(await db.rows(datasetsSql()), await db.rows(columnsSql()));

beforeEach(async () => {
  db = await openTestDatabase();
});
afterEach(() => db.close());

const SALES_ROLES = {
  place: 'store',
  item: 'product',
  customer: 'client',
  amount: 'unit_price',
  date: 'order_date',
};

describe('datasets', () => {
  it('gives a file with other columns a dataset of its own, says why, and leaves the first one alone', async () => {
    await ingestPath(db, fixture('part-1.csv'));
    const before = await answersFrom(db, null, 1);
    const outcome = await ingestPath(db, fixture('sales.csv'));
    expect(outcome).toMatchObject({ datasetId: 2, newDataset: true, rows: 3000 });
    expect(outcome.notes[0]).toMatch(
      /^"sales\.csv" has different columns from "part-1\.csv" \(order_id, store, product, client, … instead of restaurant_names, food_names, first_name, food_cost\), so it is a dataset of its own\.$/,
    );
    expect(await answersFrom(db, null, 1)).toEqual(before);
    const [first, second] = await datasets();
    expect([first?.table, second?.table]).toEqual(['part_1', 'sales']);
    expect(second?.columns.map((c) => c.name)).toEqual([
      'order_id',
      'store',
      'product',
      'client',
      'unit_price',
      'order_date',
      'channel',
    ]);
  });

  it('appends files with the same columns in any order and case, with lineage on every row', async () => {
    await ingestPath(db, fixture('part-1.csv'));
    const second = await ingestPath(db, fixture('part-2.csv'));
    expect(second).toMatchObject({ datasetId: 1, newDataset: false, notes: [] });
    const [lineage] =
      await db.rows(`SELECT count(*) AS n, count(DISTINCT dd_row_id) AS ids, min(dd_row_id) AS lo,
      max(dd_row_id) AS hi, count(DISTINCT dd_source_id) AS files FROM part_1`);
    expect(lineage).toEqual({ n: 4300, ids: 4300, lo: 1, hi: 4300, files: 2 });
    expect(columnSignature([' Food_Cost', 'FIRST_NAME ', 'food_names', 'restaurant_names'])).toBe(
      columnSignature(['restaurant_names', 'food_names', 'first_name', 'food_cost']),
    );
  });

  it('guesses the roles of a sales file, and its answers and timeline equal an independent computation', async () => {
    await ingestPath(db, fixture('sales.csv'));
    const [sales] = await datasets();
    expect(sales?.roles).toEqual(SALES_ROLES);
    const answers = await answersFrom(db, null, 1);
    const expected = mappedAnswers(records('sales.csv'), SALES_ROLES);
    expect(answers.restaurants).toEqual(expected.restaurants);
    expect(answers.mostRestaurantsVisited).toEqual(expected.mostRestaurantsVisited);
    const timeline = await db.rows(timelineSql({ dataset: 1, sources: null, restaurant: null }));
    expect(timeline[0]?.unit).toBe('week');
    expect(timeline.map(({ period, visits, revenue }) => ({ period, visits, revenue }))).toEqual(
      oracleTimeline(records('sales.csv'), SALES_ROLES),
    );
  });

  it('rebuilds the cube when the user maps another column, and a new file with those columns takes it', async () => {
    await ingestPath(db, fixture('sales.csv'));
    const roles = { ...SALES_ROLES, place: 'channel', amount: null };
    await applyRoles(db, 1, roles);
    const expected = mappedAnswers(records('sales.csv'), roles);
    expect((await answersFrom(db, null, 1)).restaurants).toEqual(expected.restaurants);
    expect(expected.restaurants.map((r) => r.name)).toEqual(['in-store', 'phone', 'web']);

    const again = await openTestDatabase();
    const signature = (await datasets())[0]?.signature ?? '';
    const remembered = { [signature]: { place: 'channel', item: 'product', customer: 'client' } };
    const outcome = await ingestPath(again, fixture('sales.csv'), 'sales.csv', remembered);
    expect(outcome.notes).toEqual([
      '"sales.csv": the column roles you chose for these columns before are used again.',
    ]);
    expect((await answersFrom(again, null, 1)).restaurants.map((r) => r.name)).toEqual([
      'in-store',
      'phone',
      'web',
    ]);
    again.close();
  });

  it('keeps column names that are markup or SQL as names, and renames one that is a lineage column', async () => {
    const outcome = await ingestPath(db, fixture('hostile-columns.csv'));
    expect(outcome.rows).toBe(3);
    const [hostile] = await datasets();
    expect(hostile?.columns).toEqual([
      { name: 'shop', key: 'shop', column: 'shop' },
      { name: '"; DROP TABLE x; --', key: '"; drop table x; --', column: '"; DROP TABLE x; --' },
      {
        name: '<img src=x onerror=alert(1)>',
        key: '<img src=x onerror=alert(1)>',
        column: '<img src=x onerror=alert(1)>',
      },
      { name: 'dd_row_id', key: 'dd_row_id', column: 'dd_row_id_2' },
    ]);
    expect(hostile?.roles.place).toBe('shop');
    const rows = await db.rows(
      `SELECT "<img src=x onerror=alert(1)>" AS v FROM hostile_columns ORDER BY dd_row_id`,
    );
    expect(rows.map((r) => r.v)).toEqual(['<b>1</b>', '2', '3']);
  });

  it('says when a header repeats a name, and which column is which', async () => {
    const outcome = await ingestPath(db, fixture('odd-headers.csv'));
    expect(outcome.notes).toEqual([
      '"odd-headers.csv": a delimiter ends every row; the empty field after it is ignored.',
      '"odd-headers.csv" has 2 columns named "notes": the first keeps the name, the others are read as "notes_1". Check the column roles below.',
    ]);
  });

  it('takes any mapping: one column in two roles, a text column as amount, a non-date as date', async () => {
    await ingestPath(db, fixture('sales.csv'));
    const roles = { place: 'store', item: 'store', customer: null, amount: 'channel', date: 'product' };
    await applyRoles(db, 1, roles);
    const answers = await answersFrom(db, null, 1);
    expect(answers.restaurants).toEqual(mappedAnswers(records('sales.csv'), roles).restaurants);
    expect(answers.restaurants.every((r) => r.revenue === 0)).toBe(true);
    expect(await db.rows(timelineSql({ dataset: 1, sources: null, restaurant: null }))).toEqual([]);
  });

  it('loads a file of one column', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = `${mkdtempSync(`${tmpdir()}/dropdash-`)}/names.csv`;
    writeFileSync(path, 'name\nAnn\nBob\nAnn\n');
    const outcome = await ingestPath(db, path);
    expect(outcome).toMatchObject({ rows: 3, datasetId: 1 });
    const [names] = await datasets();
    expect(names?.roles).toEqual({ place: null, item: null, customer: 'name', amount: null, date: null });
    expect((await answersFrom(db, null, 1)).totalRows).toBe(3);
  });
});
