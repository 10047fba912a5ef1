import { readFileSync } from 'node:fs';
import { parseRestaurantCsv } from '../support/restaurant-oracle';
import {
  dashboard,
  downloadAnswers,
  expect,
  expectChartsDrawn,
  expectedAnswers,
  expectedMappedAnswers,
  expectSameAnswers,
  fixture,
  openApp,
  pickFiles,
  roleValues,
  test,
  waitReady,
} from './fixtures';
import { expectClean, shareLink, watch } from './snapshot-helpers';

const SALES = fixture('sales.csv');
const GUESSED = {
  place: 'store',
  item: 'product',
  customer: 'client',
  amount: 'unit_price',
  date: 'order_date',
};
const withoutTime = <T extends { generatedAt: string }>(doc: T) => ({ ...doc, generatedAt: '' });

test('a sales file with other column names: roles guessed, remapped, answers equal an independent computation', async ({
  page,
}) => {
  await openApp(page);
  await pickFiles(page, [SALES]);
  await waitReady(page);
  expect(await roleValues(page)).toEqual(GUESSED);
  // Each role offers every column of the file, and "none".
  const options = await page.getByTestId('role-place').locator('option').allTextContents();
  expect(options).toEqual([
    'none',
    'order_id',
    'store',
    'product',
    'client',
    'unit_price',
    'order_date',
    'channel',
  ]);
  expectSameAnswers(await downloadAnswers(page), expectedMappedAnswers([SALES], GUESSED));
  await expect(page.getByTestId('answers-table')).toContainText('Lisbon Baixa');

  // The profile: types judged over the whole column.
  const profile = page.getByTestId('profile-column');
  await expect(profile).toHaveCount(7);
  const types = await profile.evaluateAll((rows) =>
    rows.map((r) => [r.getAttribute('data-column'), r.getAttribute('data-type')]),
  );
  expect(types).toEqual([
    ['order_id', 'integer'],
    ['store', 'text'],
    ['product', 'text'],
    ['client', 'text'],
    ['unit_price', 'decimal'],
    ['order_date', 'date'],
    ['channel', 'text'],
  ]);
  await expect(page.locator('[data-panel="timeline"]')).toContainText('per week of order_date');
  await waitReady(page);
  await expectChartsDrawn(page);

  // The user maps the sales channel as the place: the whole dashboard follows.
  await page.getByTestId('role-place').selectOption('channel');
  await waitReady(page);
  const remapped = { ...GUESSED, place: 'channel' };
  expect(await roleValues(page)).toEqual(remapped);
  expectSameAnswers(await downloadAnswers(page), expectedMappedAnswers([SALES], remapped));
  await expect(page.getByTestId('answers-table')).toContainText('in-store');
  await expect(page.getByTestId('restaurant-filter').locator('option')).toHaveText([
    'All channels',
    'in-store',
    'phone',
    'web',
  ]);

  // Without an amount, revenue panels say what to do instead of showing zeros.
  await page.getByTestId('role-amount').selectOption('');
  await waitReady(page);
  await expect(page.locator('[data-panel="top-revenue"]')).toContainText('Map an amount column');
  await expect(page.getByTestId('kpi-revenue')).toContainText('Map an amount column');
  expectSameAnswers(
    await downloadAnswers(page),
    expectedMappedAnswers([SALES], { ...remapped, amount: null }),
  );
});

test('a file with other columns becomes a second dataset, the user is told why, the first is unchanged', async ({
  page,
}) => {
  await openApp(page);
  await pickFiles(page, [fixture('part-1.csv')]);
  await waitReady(page);
  const first = await downloadAnswers(page);

  await pickFiles(page, [SALES]);
  await expect(page.getByTestId('load-info')).toContainText(
    '"sales.csv" has different columns from "part-1.csv"',
  );
  await expect(page.getByTestId('load-info')).toContainText('so it is a dataset of its own');
  await waitReady(page);
  const select = page.getByTestId('dataset-select');
  await expect(select.locator('option')).toHaveCount(2);
  expectSameAnswers(await downloadAnswers(page), expectedMappedAnswers([SALES], GUESSED));

  // Datasets are numbered in load order: the restaurant file is the first.
  await select.selectOption('1');
  await waitReady(page);
  expect(withoutTime(await downloadAnswers(page))).toEqual(withoutTime(first));
  expect(await roleValues(page)).toEqual({
    place: 'restaurant_names',
    item: 'food_names',
    customer: 'first_name',
    amount: 'food_cost',
    date: '',
  });
  await expect(page.locator('h1')).toHaveText('Restaurant orders');
  await expect(page.locator('[data-panel="timeline"]')).toHaveCount(0);

  // A third file with the first one's columns joins it, not the sales dataset.
  await pickFiles(page, [fixture('part-2.csv')]);
  await waitReady(page);
  await expect(select.locator('option')).toHaveCount(2);
  expectSameAnswers(
    await downloadAnswers(page),
    expectedAnswers([fixture('part-1.csv'), fixture('part-2.csv')]),
  );
});

test('the roles chosen for some columns are used again for a file with the same columns', async ({
  page,
}) => {
  await openApp(page);
  await pickFiles(page, [SALES]);
  await waitReady(page);
  await page
    .getByTestId('role-customer')
    .selectOption('none')
    .catch(() => undefined);
  await page.getByTestId('role-customer').selectOption('');
  await waitReady(page);
  await page.getByTestId('clear-data').click();
  await expect(page.getByTestId('load-sample')).toBeVisible();

  await pickFiles(page, [SALES]);
  await waitReady(page);
  await expect(page.getByTestId('load-info')).toContainText(
    'the column roles you chose for these columns before',
  );
  expect(await roleValues(page)).toEqual({ ...GUESSED, customer: '' });
  await expect(page.locator('[data-panel="customers"]')).toContainText('Map a customer column');
});

test('column names that are markup or SQL stay names', async ({ page }) => {
  await openApp(page);
  await pickFiles(page, [fixture('hostile-columns.csv')]);
  await waitReady(page);
  const options = await page.getByTestId('role-item').locator('option').allTextContents();
  expect(options).toEqual([
    'none',
    'shop',
    '"; DROP TABLE x; --',
    '<img src=x onerror=alert(1)>',
    'dd_row_id',
  ]);
  await expect(page.getByTestId('profile-column')).toHaveCount(4);
  await expect(page.getByTestId('profile')).toContainText('<img src=x onerror=alert(1)>');
  expect(await page.locator('main img, main script').count()).toBe(0);
  await expect(dashboard(page)).toContainText('north');
});

test('a click on a bar filters the other panels, shown as a chip that removes the filter', async ({
  page,
}) => {
  await openApp(page);
  await pickFiles(page, [SALES]);
  await waitReady(page);
  const records = parseRestaurantCsv(readFileSync(SALES, 'utf8'));
  const top = expectedMappedAnswers([SALES], GUESSED);
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.product ?? '', (counts.get(r.product ?? '') ?? 0) + 1);
  const [product, orders] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? ['', 0];

  // The top bar of "Top 5 products by orders" is the longest one, at the top of the chart.
  const chart = page.locator('[data-chart="top-orders"]');
  const box = await chart.boundingBox();
  if (!box) throw new Error('the chart has no box');
  await chart.click({ position: { x: box.width * 0.5, y: 22 } });
  const chip = page.getByTestId('filter-chip');
  await expect(chip).toHaveAttribute('data-kind', 'item');
  await expect(chip).toContainText(product);
  await waitReady(page);
  await expect(page.getByTestId('kpi-visits')).toContainText(orders.toLocaleString('en-US'));
  const clients = new Set(
    records.filter((r) => r.product === product && r.client?.trim()).map((r) => r.client),
  );
  await expect(page.getByTestId('kpi-customers')).toContainText(clients.size.toLocaleString('en-US'));
  // answers.json stays the five answers for the whole file.
  expectSameAnswers(await downloadAnswers(page), top);

  await chip.getByRole('button').click();
  await expect(chip).toHaveCount(0);
  await waitReady(page);
  await expect(page.getByTestId('kpi-visits')).toContainText('3,000');
});

test('a snapshot of a file with other column names keeps its wording and its over-time chart', async ({
  page,
  browser,
}) => {
  await openApp(page);
  await pickFiles(page, [SALES]);
  await waitReady(page);
  const answers = await downloadAnswers(page);
  const opened = watch(await (await browser.newContext()).newPage(), (url) =>
    url.startsWith(new URL(page.url()).origin),
  );
  await opened.page.goto(await shareLink(page));
  const shared = opened.page;
  await waitReady(shared);
  await expect(shared.getByTestId('snapshot-banner')).toContainText('Snapshot of sales.csv');
  await expect(shared.locator('[data-panel="top-dishes-per-restaurant"]')).toContainText(
    'Top 5 products of each store',
  );
  await expect(shared.locator('[data-panel="timeline"]')).toContainText('per week of order_date');
  await expectChartsDrawn(shared);
  expect(withoutTime(await downloadAnswers(shared))).toEqual(withoutTime(answers));
  expectClean(opened);
});
