import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Browser, Page } from '@playwright/test';
import { tableFromIPC } from 'apache-arrow';
import { parseCsv } from '../support/metrics-oracle';
import { parseRestaurantCsv } from '../support/restaurant-oracle';
import {
  dashboard,
  downloadAnswers,
  expect,
  expectedAnswers,
  expectSameAnswers,
  openApp,
  SAMPLE,
  test,
  waitReady,
} from './fixtures';
import { download, embeddedSnapshot, expectClean, openOffline, shareLink, watch } from './snapshot-helpers';

const numbers = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** Revenue per dish computed from the CSV with Papa Parse, in millionths so the sums are exact. */
function revenuePerDish(): [string, string][] {
  const sums = new Map<string, number>();
  for (const row of parseRestaurantCsv(readFileSync(SAMPLE, 'utf8'))) {
    const dish = (row.food_names ?? '').trim();
    const cost = (row.food_cost ?? '').trim();
    if (dish === '' || !/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(cost)) continue;
    sums.set(dish, (sums.get(dish) ?? 0) + Math.round(Number(cost) * 1e6));
  }
  return [...sums]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([dish, micros]) => [dish, numbers.format(micros / 1e6)]);
}

async function openConsole(page: Page): Promise<void> {
  await openApp(page);
  await page.getByTestId('load-sample').click();
  await waitReady(page);
  await page.getByTestId('sql-toggle').click();
  await expect(page.getByTestId('sql-editor').locator('.cm-content')).toBeVisible();
  await expect(page.getByTestId('sql-schema').locator('summary').first()).toBeVisible();
}

/** Replaces the editor's text the way a person would: select all, type. */
async function typeQuery(page: Page, sql: string): Promise<void> {
  await page.getByTestId('sql-editor').locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(sql);
}

async function runQuery(page: Page, sql: string): Promise<void> {
  await typeQuery(page, sql);
  await page.keyboard.press('ControlOrMeta+Enter');
}

/** The table of the loaded rows: found in the schema list by its columns, never by a fixed name. */
async function rawTable(page: Page): Promise<string> {
  const tables = page.getByTestId('sql-schema').locator('li:has(> details)');
  for (const table of await tables.all()) {
    const columns = await table.locator('.columns li').allTextContents();
    if (columns.includes('food_names') && columns.includes('food_cost')) {
      return (await table.locator('.name').textContent()) ?? '';
    }
  }
  throw new Error('no table with the sample columns');
}

/** The visible rows of the grid as text, by their row number. */
async function gridRows(page: Page): Promise<Map<number, string[]>> {
  const rows = page.getByTestId('sql-results').locator('[role="row"]');
  const result = new Map<number, string[]>();
  for (const row of await rows.all()) {
    const index = Number(await row.getAttribute('aria-rowindex')) - 1;
    if (index === 0) continue;
    result.set(
      index,
      (await row.locator('> [role]').allInnerTexts()).map((t) => t.trim()),
    );
  }
  return result;
}

async function expectInk(chart: ReturnType<Page['locator']>): Promise<void> {
  await expect(chart).toHaveAttribute('data-drawn', 'true');
  const inked = await chart.evaluate((element) => {
    let painted = 0;
    let area = 0;
    for (const canvas of element.querySelectorAll('canvas')) {
      const context = canvas.getContext('2d');
      if (!context || canvas.width === 0) continue;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) painted++;
      area = Math.max(area, canvas.width * canvas.height);
    }
    return area === 0 ? 0 : painted / area;
  });
  expect(inked).toBeGreaterThan(0.01);
}

test('a SQL query runs, is charted and is added to the dashboard, and goes into snapshots', async ({
  page,
  browser,
}) => {
  await openConsole(page);
  const table = await rawTable(page);
  await runQuery(
    page,
    `-- revenue per dish\nSELECT trim(food_names) AS dish, sum(try_cast(food_cost AS DECIMAL(18, 6))) AS revenue\n` +
      `FROM "${table}"\nWHERE nullif(trim(food_names), '') IS NOT NULL\nGROUP BY ALL\nORDER BY revenue DESC, dish`,
  );
  const expected = revenuePerDish();
  await expect(page.getByTestId('sql-status')).toContainText(`${expected.length} rows`);
  const rows = await gridRows(page);
  expect(rows.size).toBeGreaterThan(5);
  for (const [index, cells] of rows)
    expect(cells, `row ${index}`).toEqual([String(index), ...expected[index - 1]!]);

  // Chart this: a bar chart of revenue by dish by default, drawn with ink.
  const chart = page.getByTestId('sql-chart');
  await expect(chart).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('sql-chart-bar')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('sql-chart-x')).toHaveValue('dish');
  await expect(page.getByTestId('sql-chart-y')).toHaveValue('revenue');
  await expectInk(chart.locator('[data-chart]'));
  await page.getByTestId('sql-chart-pie').click();
  await expect(chart.locator('[data-chart]')).toHaveAttribute('data-drawn', 'true');
  await expectInk(chart.locator('[data-chart]'));
  await page.getByTestId('sql-chart-bar').click();
  await expect(chart.locator('[data-chart]')).toHaveAttribute('data-drawn', 'true');

  await page.getByTestId('sql-panel-title').fill('Revenue per dish <b>SQL</b>');
  await page.getByTestId('sql-add-to-dashboard').click();
  const panel = page.getByTestId('query-panel');
  await expect(panel).toHaveCount(1);
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Revenue per dish <b>SQL</b>');
  await waitReady(page);
  await expectInk(panel.locator('[data-chart]'));
  // The panel keeps its first rows as data.
  await panel.getByText('SQL and first rows').click();
  await expect(panel.locator('tbody tr').first()).toContainText(expected[0]![0]);

  // Kept across a reload: the query runs again over the restored data.
  await page.reload();
  await expect(page.getByTestId('query-panel')).toHaveCount(1, { timeout: 45_000 });
  await waitReady(page);
  await expectInk(page.getByTestId('query-panel').locator('[data-chart]'));

  // The panel goes into snapshots: the HTML report opened from disk offline, and the share link.
  const report = await download(page, 'export-html');
  const snapshot = embeddedSnapshot(readFileSync(report.path, 'utf8'));
  const carried = snapshot.panels.find((p) => p.query)?.query;
  expect(carried?.title).toBe('Revenue per dish <b>SQL</b>');
  expect(carried?.rows[0]?.[0]).toBe(expected[0]![0]);
  const link = await shareLink(page);
  for (const opened of [await openOffline(browser, report.path), await openLink(browser, link)]) {
    const shown = opened.page.getByTestId('query-panel');
    await expect(shown).toHaveCount(1);
    await expect(shown.getByRole('heading', { level: 2 })).toHaveText('Revenue per dish <b>SQL</b>');
    await expect(shown.getByTestId('query-panel-remove')).toHaveCount(0);
    await waitReady(opened.page);
    await expectInk(shown.locator('[data-chart]'));
    expectClean(opened);
    await opened.page.context().close();
  }

  await page.getByTestId('query-panel-remove').click();
  await expect(page.getByTestId('query-panel')).toHaveCount(0);
});

/** A share link opened in a fresh context, allowed to reach the app's own origin only. */
async function openLink(browser: Browser, link: string) {
  const context = await browser.newContext();
  const opened = watch(await context.newPage(), (url) => url.startsWith(new URL(link).origin));
  await opened.page.goto(link);
  return opened;
}

test('the editor completes column and table names from the engine, by keyboard', async ({ page }) => {
  await openConsole(page);
  const table = await rawTable(page);
  await page.getByTestId('sql-editor').locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.type('SELECT food_na');
  const options = page.getByTestId('sql-editor').locator('.cm-tooltip-autocomplete li');
  await expect(options.first()).toContainText('food_names');
  // CodeMirror ignores Enter for 75 ms after the list opens, so a fast typist's Enter is a new line.
  await page.waitForTimeout(200);
  await page.keyboard.press('Enter');
  await page.keyboard.type(', count(*) AS n FROM ' + table.slice(0, 3));
  // The table itself, not a column whose detail names it.
  const label = page.locator('.cm-completionLabel', { hasText: new RegExp(`^${table}$`) });
  await expect(options.filter({ has: label })).toHaveCount(1);
  await page.keyboard.press('Escape');
  await page.keyboard.type(table.slice(3) + ' GROUP BY ALL ORDER BY n DESC LIMIT 3');
  await expect(page.getByTestId('sql-editor').locator('.cm-content')).toHaveText(
    `SELECT food_names, count(*) AS n FROM ${table} GROUP BY ALL ORDER BY n DESC LIMIT 3`,
  );
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByTestId('sql-status')).toContainText('3 rows');
});

test('a million-row result scrolls without a million DOM rows', async ({ page }) => {
  await openConsole(page);
  await runQuery(page, 'SELECT range AS i, range * 2 AS doubled, NULL AS nothing FROM range(1000000)');
  await expect(page.getByTestId('sql-status')).toContainText('1,000,000 rows', { timeout: 30_000 });
  const grid = page.getByTestId('sql-results');
  const domRows = grid.locator('[role="row"]');
  expect(await domRows.count()).toBeLessThan(80);
  expect((await gridRows(page)).get(1)).toEqual(['1', '0', '0', 'null']);
  await grid
    .locator('[role="table"]')
    .evaluate((viewport) => viewport.scrollTo({ top: viewport.scrollHeight }));
  await expect(grid.locator('[role="row"][aria-rowindex="1000001"]')).toBeVisible();
  // Rows are drawn as the grid settles after the jump: wait for the last one's cells.
  await expect
    .poll(async () => (await gridRows(page)).get(1_000_000))
    .toEqual(['1,000,000', '999,999', '1,999,998', 'null']);
  expect(await domRows.count()).toBeLessThan(80);

  // Past a million rows the page gets the first million, and says so.
  await runQuery(page, 'SELECT * FROM range(2500000)');
  await expect(page.getByTestId('sql-status')).toContainText(
    '1,000,000 rows (the first 1,000,000; the query returned more)',
  );
  await expect(grid).toHaveAttribute('data-rows', '1000000');

  // A download holds every row, not only those the page got.
  await expect(page.getByTestId('sql-download')).toContainText('every row of the result');
  const csv = await download(page, 'sql-download-csv');
  expect(csv.name).toBe('query-result.csv');
  const lines = readFileSync(csv.path, 'utf8').trimEnd().split('\n');
  expect(lines.length).toBe(2_500_001);
  expect([lines[0], lines[1], lines.at(-1)]).toEqual(['range', '0', '2499999']);
  await expect(page.getByTestId('sql-download-status')).toContainText('2,500,000 rows');
});

test('a result downloads as CSV, Parquet and an Arrow file, each read back by other tools', async ({
  page,
}) => {
  await openConsole(page);
  const table = await rawTable(page);
  await runQuery(
    page,
    `SELECT trim(food_names) AS dish, sum(try_cast(food_cost AS DECIMAL(18, 6))) AS revenue FROM "${table}"\n` +
      `WHERE nullif(trim(food_names), '') IS NOT NULL GROUP BY ALL ORDER BY revenue DESC, dish -- per dish`,
  );
  const expected = revenuePerDish().map(([dish, revenue]) => [dish, Number(revenue.replaceAll(',', ''))]);
  await expect(page.getByTestId('sql-status')).toContainText(`${expected.length} rows`);
  const expectRevenue = (rows: [unknown, unknown][]) => {
    expect(rows.map(([dish]) => dish)).toEqual(expected.map(([dish]) => dish));
    rows.forEach(([, revenue], i) => expect(Number(revenue)).toBeCloseTo(Number(expected[i]?.[1]), 6));
  };

  const csv = await download(page, 'sql-download-csv');
  expect(csv.name).toBe(`${table}.query.csv`);
  expectRevenue(parseCsv(readFileSync(csv.path, 'utf8')).map((r) => [r.dish, r.revenue]));
  await expect(page.getByTestId('sql-download-status')).toContainText(`${expected.length} rows`);

  const parquet = await download(page, 'sql-download-parquet');
  expect(parquet.name).toBe(`${table}.query.parquet`);
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  const read = await db.runAndReadAll(`SELECT * FROM read_parquet('${parquet.path.replace(/'/g, "''")}')`);
  expectRevenue(read.getRowsJS() as [unknown, unknown][]);

  const arrow = await download(page, 'sql-download-arrow');
  expect(arrow.name).toBe(`${table}.query.arrow`);
  const file = tableFromIPC(readFileSync(arrow.path));
  expectRevenue(file.toArray().map((r: { dish: unknown; revenue: unknown }) => [r.dish, r.revenue]));
});

test('an error shows DuckDB’s message and where in the query', async ({ page }) => {
  await openConsole(page);
  await runQuery(page, 'SELECT 1 AS one,\n  2 FROMM nowhere');
  const error = page.getByTestId('sql-error');
  await expect(error).toContainText('Parser Error: syntax error at or near "nowhere"');
  await expect(page.getByTestId('sql-error-position')).toHaveText('Line 2, column 11');
  await expect(page.getByTestId('sql-editor').locator('.cm-lintRange-error')).toHaveText('nowhere');

  await runQuery(page, 'SELECT range, no_such_column FROM range(3)');
  await expect(error).toContainText('Binder Error: Referenced column "no_such_column" not found');
  await expect(page.getByTestId('sql-error-position')).toHaveText('Line 1, column 15');
  await expect(page.getByTestId('sql-editor').locator('.cm-lintRange-error')).toHaveText('no_such_column');

  // Statements that would change the dashboard's tables are refused before they run; the answers stay.
  const table = await rawTable(page);
  await runQuery(page, `DROP TABLE "${table}"`);
  await expect(error).toContainText('DROP statements cannot run here');
  expectSameAnswers(await downloadAnswers(page), expectedAnswers([SAMPLE]));
});

test('a long query can be cancelled and the engine keeps working', async ({ page }) => {
  await openConsole(page);
  await runQuery(page, 'SELECT sum(a.range * b.range) AS s FROM range(300000) a, range(300000) b');
  await expect(page.getByTestId('sql-cancel')).toBeVisible();
  // While it runs, the dashboard still answers: the worker takes other messages between DuckDB's steps.
  await page.getByTestId('restaurant-filter').selectOption({ index: 2 });
  await waitReady(page);
  await expect(page.getByTestId('sql-cancel')).toBeVisible();
  await page.getByTestId('sql-cancel').click();
  await expect(page.getByTestId('sql-info')).toContainText('cancelled', { timeout: 10_000 });
  await runQuery(page, 'SELECT 42 AS answer');
  await expect(page.getByTestId('sql-status')).toContainText('1 row');
  expect((await gridRows(page)).get(1)).toEqual(['1', '42']);
  // And after it.
  await page.getByTestId('restaurant-filter').selectOption({ index: 1 });
  await waitReady(page);
  await expect(dashboard(page)).toHaveAttribute('data-state', 'ready');
});
