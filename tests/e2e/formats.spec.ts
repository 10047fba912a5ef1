import type { Page } from '@playwright/test';
import {
  downloadAnswers,
  expect,
  expectChartsDrawn,
  expectedAnswers,
  expectSameAnswers,
  fixture,
  openApp,
  pickFiles,
  test,
  waitReady,
} from './fixtures';
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { filtered, parseCsv } from '../support/metrics-oracle';
import { download } from './snapshot-helpers';
import { board, expectFigures, model, pick, records } from './model-figures';

/**
 * Files of other formats, written from the CSV fixtures by other tools (zlib, fflate, apache-arrow in
 * Node, native DuckDB): the dashboard answers as it does for the CSV they were written from.
 */

const format = (name: string) => fixture(`formats/${name}`);
const entry = (page: Page, name: string) =>
  page.getByTestId('history-entry').filter({ has: page.getByText(name, { exact: true }) });

const PART_1 = [
  { file: 'part-1.csv.gz', read: 'CSV', note: '"part-1.csv.gz" was decompressed (gzip, 15 KB → 103 KB).' },
  { file: 'part-1.json', read: 'JSON, an array of 2,500 records', note: null },
  { file: 'part-1.ndjson', read: 'JSON, 2,500 records, one per line', note: null },
  { file: 'part-1.arrow', read: 'Arrow IPC, 1 record batch', note: null },
  { file: 'part-1.parquet', read: 'Parquet, zstd, 1 row group', note: null },
];

for (const { file, read, note } of PART_1) {
  test(`${file}: the same rows as the CSV it was written from give the same answers`, async ({ page }) => {
    await openApp(page);
    await pickFiles(page, [format(file)]);
    await waitReady(page);
    const loaded = entry(page, file);
    await expect(loaded).toHaveAttribute('data-status', 'loaded');
    await expect(loaded).toHaveAttribute('data-rows', '2500');
    await expect(loaded).toHaveAttribute('data-format', read);
    if (note) await expect(loaded).toContainText(note);
    expectSameAnswers(await downloadAnswers(page), expectedAnswers([fixture('part-1.csv')]));
    await expectChartsDrawn(page);
  });
}

test('a ZIP archive: each data file inside is loaded as a file of its own, the rest passed over', async ({
  page,
}) => {
  await openApp(page);
  await pickFiles(page, [format('parts.zip')]);
  await waitReady(page);
  const history = page.getByTestId('history-entry');
  await expect(history).toHaveCount(2);
  const first = entry(page, 'parts.zip › part-1.csv');
  const second = entry(page, 'parts.zip › nested/part-2.csv');
  await expect(first).toHaveAttribute('data-rows', '2500');
  await expect(second).toHaveAttribute('data-rows', '1800');
  await expect(second).toContainText(
    'Found in "parts.zip", which holds 2 data files, each loaded as a file of its own; passed over: notes.pdf.',
  );
  expectSameAnswers(
    await downloadAnswers(page),
    expectedAnswers([fixture('part-1.csv'), fixture('part-2.csv')]),
  );
});

test('an Excel workbook: each sheet a dataset, title rows skipped, merged group headers joined', async ({
  page,
}) => {
  await openApp(page);
  await pickFiles(page, [format('book.xlsx')]);
  await waitReady(page);
  const orders = entry(page, 'book.xlsx › Orders');
  const readings = entry(page, 'book.xlsx › Readings');
  await expect(orders).toHaveAttribute('data-rows', '1800');
  await expect(orders).toHaveAttribute('data-format', 'Excel, sheet "Orders"');
  await expect(orders).toContainText('2 rows above the table skipped (“Restaurant orders, part 2”).');
  await expect(readings).toHaveAttribute('data-rows', '10');
  await expect(readings).toContainText(
    'the names under merged cells are joined with them ("Temperature max")',
  );
  // The readings sheet is shown last: its date cells are its time column.
  await expect(model(page).getByTestId('timeseries')).toHaveAttribute('data-column', 'day');
  await expect(board(page, 'Sky weather')).toBeVisible();
  await page.getByTestId('dataset-select').selectOption('1');
  await waitReady(page);
  expectSameAnswers(await downloadAnswers(page), expectedAnswers([fixture('part-2.csv')]));
});

test('typed Parquet columns read as their types: the model dashboard matches the CSV they came from', async ({
  page,
}) => {
  await openApp(page);
  await pickFiles(page, [format('weather.parquet')]);
  await waitReady(page);
  await expect(entry(page, 'weather.parquet')).toHaveAttribute('data-format', 'Parquet, snappy, 1 row group');
  // The DATE column is the time column; `weather` groups.
  await expect(model(page).getByTestId('timeseries')).toHaveAttribute('data-column', 'date');
  await expect(board(page, 'weather')).toBeVisible();
  await expectFigures(page, records('weather.csv'), [], 'sum:precipitation');
  await expectChartsDrawn(page);
});

test('a Parquet file this site serves opens by link, read by HTTP range requests, never whole', async ({
  page,
  context,
}) => {
  const asked: (string | null)[] = [];
  context.on('request', (request) => {
    if (request.url().endsWith('/sample/weather.parquet') && !request.serviceWorker())
      asked.push(request.headers()['range'] ?? null);
  });
  await openApp(page);
  await page.getByTestId('load-weather-sample').click();
  await waitReady(page);
  const loaded = entry(page, 'weather.parquet');
  await expect(loaded).toHaveAttribute('data-format', 'Parquet, snappy, 1 row group');
  await expect(loaded).toContainText('by HTTP range requests');
  await expectFigures(page, records('weather.csv'), [], 'sum:precipitation');
  await expectChartsDrawn(page);
  // The footer, then the row group: every request asks for a range, and none for the whole file.
  expect(asked.length).toBeGreaterThanOrEqual(3);
  for (const range of asked) expect(range).toMatch(/^bytes=(\d+-\d+|-\d+)$/);

  // A link to a file that is not there, or to another site, says so and changes nothing.
  await page.goto('./?open=sample/none.parquet&open=https://elsewhere.example/x.csv');
  await expect(page.getByText('"https://elsewhere.example/x.csv" was not opened')).toBeVisible();
  await expect(entry(page, 'none.parquet')).toHaveAttribute('data-status', 'failed');
  await expect(entry(page, 'none.parquet')).toContainText('could not be fetched');
  await expect(entry(page, 'none.parquet')).toContainText('HTTP 404');
  await expect(entry(page, 'weather.parquet')).toHaveAttribute('data-status', 'loaded');
  // Opened once: the address drops the request, so a reload does not fetch the files again.
  await expect(page).not.toHaveURL(/open=/);
});

test('nested JSON: dotted column names, lists as text, markup in values shown as text', async ({ page }) => {
  await openApp(page);
  await pickFiles(page, [format('nested.ndjson')]);
  await waitReady(page);
  const loaded = entry(page, 'nested.ndjson');
  await expect(loaded).toHaveAttribute('data-columns', '6');
  await expect(loaded).toHaveAttribute('data-format', 'JSON, 3 records, one per line');
  const names = board(page, 'user.name');
  await expect(names.locator('[data-testid="leaderboard-row"][data-value="<b>Cy</b>"]')).toContainText(
    '<b>Cy</b>',
  );
  await expect(names.locator('b')).toHaveCount(0);
  await expect(board(page, 'user.address.city')).toBeVisible();
});

test('a cut-short or broken file of each format says what is wrong and changes nothing', async ({ page }) => {
  await openApp(page);
  await pickFiles(page, [fixture('part-1.csv')]);
  await waitReady(page);
  const before = await downloadAnswers(page);
  const broken: [string, string][] = [
    ['part-1.truncated.csv.gz', 'is not a complete gzip file (Compressed input was truncated.)'],
    ['parts.truncated.zip', 'is not a complete ZIP archive'],
    ['part-1.truncated.arrow', 'it ends early (an Arrow file ends with ARROW1 after its index'],
    [
      'part-1.truncated.parquet',
      'could not be read as Parquet: Parquet error: Invalid Parquet file. Corrupt footer.',
    ],
    ['part-1.damaged.parquet', 'could not be read as Parquet'],
    ['book.truncated.xlsx', 'could not be read as an Excel workbook'],
    ['broken.json', 'is not valid JSON: a record cannot be read'],
  ];
  for (const [file, why] of broken) {
    await pickFiles(page, [format(file)]);
    const failed = entry(page, file);
    await expect(failed).toHaveAttribute('data-status', 'failed');
    await expect(failed).toContainText(`"${file}"`);
    await expect(failed).toContainText(why);
    await expect(failed).toContainText('data already loaded is unchanged');
    await waitReady(page);
  }
  await expect(entry(page, 'broken.json')).toContainText('line 56');
  expect((await downloadAnswers(page)).restaurants).toEqual(before.restaurants);
});

test('the filtered rows download as CSV, as CSV for Excel and as typed Parquet', async ({ page }) => {
  await openApp(page);
  await pickFiles(page, [fixture('weather.csv')]);
  await waitReady(page);
  await expect(page.getByTestId('rows-export')).toContainText('Download every row');
  await pick(page, 'weather', 'rain');
  await expect(page.getByTestId('rows-export')).toContainText('Download the filtered rows');
  const expected = filtered(records('weather.csv'), [
    { kind: 'values', column: 'weather', values: ['rain'], exclude: false },
  ]);

  const csv = await download(page, 'export-rows-csv');
  expect(csv.name).toBe('weather.filtered.csv');
  expect(parseCsv(readFileSync(csv.path, 'utf8'))).toEqual(expected);

  const excel = await download(page, 'export-rows-excel');
  expect(excel.name).toBe('weather.filtered.excel.csv');
  await expect(page.getByTestId('rows-export-status')).toContainText('begin with an apostrophe');

  // Read back by native DuckDB, not by the app's reader.
  const parquet = await download(page, 'export-rows-parquet');
  expect(parquet.name).toBe('weather.filtered.parquet');
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  const read = await db.runAndReadAll(
    `SELECT typeof(date) AS date_type, typeof(temp_max) AS number_type, count(*) AS n, sum(precipitation) AS rain
    FROM read_parquet('${parquet.path.replace(/'/g, "''")}') GROUP BY ALL`,
  );
  const [row] = read.getRowObjectsJS();
  expect(row?.date_type).toBe('TIMESTAMP');
  expect(row?.number_type).toBe('DOUBLE');
  expect(Number(row?.n)).toBe(expected.length);
  const rain = expected.reduce((sum, r) => sum + Number(r.precipitation), 0);
  expect(Number(row?.rain)).toBeCloseTo(rain, 6);
});
