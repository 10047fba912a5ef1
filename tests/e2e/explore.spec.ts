import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { parseRestaurantCsv } from '../support/restaurant-oracle';
import { oracleTimeline } from '../support/sales-oracle';
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
/** What the over-time chart's tooltip says, hovered from left to right: visits by period. */
async function hoverTimeline(page: Page): Promise<Map<string, number>> {
  const chart = page.locator('[data-chart="timeline"]');
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  if (!box) throw new Error('the over-time chart has no box');
  const seen = new Map<string, number>();
  for (let x = 0.08; x < 0.95; x += 0.06) {
    await page.mouse.move(box.x + box.width * x, box.y + box.height * 0.5, { steps: 2 });
    await page.waitForTimeout(60);
    const text =
      (await chart
        .locator('.dd-tooltip')
        .textContent()
        .catch(() => '')) ?? '';
    const [, period, visits] = /(\d{4}-\d{2}-\d{2})Visits: ([\d,]+)/.exec(text) ?? [];
    if (period && visits) seen.set(period, Number(visits.replace(/,/g, '')));
  }
  await page.mouse.move(box.x - 20, box.y - 20);
  return seen;
}

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
  await expect(page.locator('[data-panel="top-revenue"]').getByTestId('needs-mapping')).toHaveCount(1);
  await expect(page.locator('[data-panel="top-orders"]').getByTestId('needs-mapping')).toHaveCount(0);
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

test('brushing dates or a number range and clicking a customer filter the other panels, with chips; the answers stay whole', async ({
  page,
  browser,
}) => {
  await openApp(page);
  await pickFiles(page, [SALES]);
  await waitReady(page);
  const records = parseRestaurantCsv(readFileSync(SALES, 'utf8'));
  const whole = expectedMappedAnswers([SALES], GUESSED);
  const chip = (kind: string) => page.locator(`[data-testid="filter-chip"][data-kind="${kind}"]`);
  const expectKpis = async (rows: typeof records) => {
    await waitReady(page);
    await expect(page.getByTestId('kpi-visits')).toContainText(rows.length.toLocaleString('en-US'));
    const clients = new Set(rows.flatMap((r) => (r.client?.trim() ? [r.client.trim()] : [])));
    await expect(page.getByTestId('kpi-customers')).toContainText(clients.size.toLocaleString('en-US'));
    const cents = rows.reduce((sum, r) => sum + (Math.round(Number(r.unit_price) * 100) || 0), 0);
    const revenue = (cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 });
    await expect(page.getByTestId('kpi-revenue')).toContainText(revenue);
  };
  const priced = (low: number, high: number) => (r: (typeof records)[number]) =>
    /^\d+(\.\d+)?$/.test(r.unit_price ?? '') && Number(r.unit_price) >= low && Number(r.unit_price) <= high;
  const between = (from: string, to: string) => (r: (typeof records)[number]) => {
    const day = (r.order_date ?? '').trim();
    return day !== '' && day >= from && day <= to;
  };

  // A drag across the over-time chart: the chip names the dates it covers, whole weeks.
  const timeline = page.locator('[data-chart="timeline"]');
  await timeline.scrollIntoViewIfNeeded();
  const box = await timeline.boundingBox();
  if (!box) throw new Error('the over-time chart has no box');
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.5, { steps: 6 });
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 6 });
  await page.mouse.up();
  await expect(chip('range')).toContainText('order_date:');
  const [from, to] =
    /(\d{4}-\d{2}-\d{2}) – (\d{4}-\d{2}-\d{2})/.exec((await chip('range').textContent()) ?? '')?.slice(1) ??
    [];
  if (!from || !to) throw new Error('the range chip shows no dates');
  expect(new Date(`${from}T00:00:00Z`).getUTCDay()).toBe(1); // weeks start on Monday
  const brushed = records.filter(between(from, to));
  expect(brushed.length).toBeGreaterThan(300);
  expect(brushed.length).toBeLessThan(records.length - 300);
  await expectKpis(brushed);

  // The keyboard's way: two dates and a button.
  await page.getByTestId('range-from').fill('2024-03-01');
  await page.getByTestId('range-to').fill('2024-03-31');
  await page.getByTestId('range-apply').press('Enter');
  await expect(chip('range')).toContainText('2024-03-01 – 2024-03-31');
  const march = records.filter(between('2024-03-01', '2024-03-31'));
  await expectKpis(march);

  // A click on a customer's row narrows the rest to them, within the dates; the list still shows everyone.
  const first = page.getByTestId('customer-row').first().getByRole('button');
  const customer = ((await first.textContent()) ?? '').trim();
  await first.click();
  await expect(chip('customer')).toContainText(customer);
  await expectKpis(march.filter((r) => r.client?.trim() === customer));
  await expect(page.getByTestId('customer-row')).not.toHaveCount(1);
  // The over-time chart shows that customer's visits, at every date (March stays shaded on it).
  await expect(page.locator('[data-panel="timeline"]')).toContainText(`${customer} only`);
  const theirs = oracleTimeline(
    records.filter((r) => r.client?.trim() === customer),
    GUESSED,
  );
  const hovered = await hoverTimeline(page);
  expect(hovered.size).toBeGreaterThan(3);
  for (const [period, visits] of hovered)
    expect(visits, period).toBe(theirs.find((p) => p.period === period)?.visits);
  expectSameAnswers(await downloadAnswers(page), whole);

  // The snapshot says what it was narrowed to.
  const opened = await (await browser.newContext()).newPage();
  await opened.goto(await shareLink(page));
  await waitReady(opened);
  await expect(opened.getByTestId('snapshot-range')).toContainText('order_date 2024-03-01 – 2024-03-31');
  await expect(opened.getByTestId('snapshot-customer')).toContainText(customer);
  await expect(opened.getByTestId('kpi-visits')).toContainText(
    march.filter((r) => r.client?.trim() === customer).length.toLocaleString('en-US'),
  );

  // A number range from the profile replaces the dates; removing chips brings the whole file back.
  await chip('customer').getByRole('button').click();
  await expect(chip('customer')).toHaveCount(0);
  const price = page.locator('[data-testid="number-range"][data-column="unit_price"]');
  await price.locator('summary').click();
  await price.getByTestId('number-from').fill('3');
  await price.getByTestId('number-to').fill('5.5');
  // The range is announced while it is applied (seen once that takes 0.4 s), and gone once it is.
  await page.evaluate(() => {
    const seen: string[] = [];
    Object.assign(window, { applyingSeen: seen });
    new MutationObserver(() => {
      const note = document.querySelector('[data-testid="range-applying"]');
      if (note) seen.push(note.textContent ?? '');
    }).observe(document.body, { childList: true, subtree: true });
  });
  await price.getByTestId('number-apply').click();
  await expect(chip('range')).toContainText('unit_price: 3 – 5.5');
  const announced = await page.evaluate(() => (window as unknown as { applyingSeen: string[] }).applyingSeen);
  expect(announced[0]?.replace(/\s+/g, ' ')).toMatch(
    /^\s*Filtering to unit_price 3 – 5\.5… A column's first range reads every row/,
  );
  await expect(page.getByTestId('range-applying')).toHaveCount(0);
  await expectKpis(records.filter(priced(3, 5.5)));
  // A range with no rows: every narrowed panel says so, none is a blank chart; the dashboard is ready.
  await price.getByTestId('number-from').fill('100');
  await price.getByTestId('number-to').fill('200');
  await price.getByTestId('number-apply').click();
  await expect(chip('range')).toContainText('unit_price: 100 – 200');
  await expectKpis([]);
  await expect(page.getByTestId('kpi-visits')).toContainText(/Visits\s*0\s/);
  for (const panel of ['restaurant-metrics', 'top-orders', 'dish-matrix', 'timeline']) {
    const shown = page.locator(`[data-panel="${panel}"]`);
    await expect(shown).toContainText('Nothing to show for this selection.');
    await expect(shown.locator('[data-chart]')).toHaveCount(0);
  }
  await expect(page.getByTestId('kpi-popular')).toContainText('Nothing in this selection');
  expectSameAnswers(await downloadAnswers(page), whole);

  // A drag across the histogram picks whole bins, shown as round figures.
  const histogram = page.locator('[data-testid="profile-column"][data-column="unit_price"] [data-chart]');
  const dragAcross = async (from: number, to: number) => {
    await histogram.scrollIntoViewIfNeeded();
    const bars = await histogram.boundingBox();
    if (!bars) throw new Error('the histogram has no box');
    await page.mouse.move(bars.x + bars.width * from, bars.y + bars.height / 2);
    await page.mouse.down();
    await page.mouse.move(bars.x + bars.width * to, bars.y + bars.height / 2, { steps: 8 });
    await page.mouse.up();
  };
  const chipRange = async () =>
    (/unit_price: ([\d.,]+) – ([\d.,]+)/.exec((await chip('range').textContent()) ?? '') ?? [])
      .slice(1)
      .map((n) => Number(n.replace(/,/g, '')));
  await dragAcross(0.55, 0.9);
  await expect(chip('range')).not.toContainText('100 – 200');
  const [low, high] = await chipRange();
  if (low === undefined || high === undefined) throw new Error('the range chip shows no numbers');
  expect(low).toBeGreaterThan(4);
  await expectKpis(records.filter(priced(low, high)));

  // The histogram was updated in place for that range: a second drag still brushes.
  await dragAcross(0.1, 0.3);
  await expect.poll(async () => (await chipRange())[1]).toBeLessThan(low);
  const [lower, upper] = await chipRange();
  if (lower === undefined || upper === undefined) throw new Error('the range chip shows no numbers');
  expect(upper).toBeLessThan(low);
  await expectKpis(records.filter(priced(lower, upper)));
  // A redrawn chart is still an image named by the dashboard, not by ECharts' generated description.
  await expect(histogram).toHaveAttribute('aria-label', /^Distribution of unit_price/);
  await expect(page.locator('[data-chart="top-orders"]')).toHaveAttribute(
    'aria-label',
    /^Top five products by number of orders in all stores$/,
  );

  await chip('range').getByRole('button').click();
  await expect(page.getByTestId('filter-chip')).toHaveCount(0);
  await expectKpis(records);
});
