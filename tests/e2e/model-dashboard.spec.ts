import type { Page } from '@playwright/test';
import { pairLeaders, filtered, leaderboard, type OracleFilter } from '../support/metrics-oracle';
import { expect, expectChartsDrawn, fixture, openApp, pickFiles, test, waitReady } from './fixtures';
import { download, expectClean, openOffline, shareLink, watch } from './snapshot-helpers';
import { board, expectFigures, model, pick, records } from './model-figures';

/** The model dashboard of files that are not restaurant-shaped, against Papa Parse + TypeScript. */

async function load(page: Page, name: string) {
  await openApp(page);
  await pickFiles(page, [fixture(name)]);
  await waitReady(page);
}

test('a weather log: a chart of its dates, a leaderboard of its weather, click, exclude and brush', async ({
  page,
}) => {
  const all = records('weather.csv');
  await load(page, 'weather.csv');
  // Not the restaurant template: no panel asks for a place.
  await expect(page.getByTestId('needs-mapping')).toHaveCount(0);
  await expect(page.locator('[data-panel="answers"]')).toHaveCount(0);
  await expect(model(page).getByTestId('timeseries')).toHaveAttribute('data-column', 'date');
  await expectChartsDrawn(page);
  await expectFigures(page, all, [], 'sum:precipitation');
  await expect(board(page, 'weather').getByTestId('leaderboard-row')).toHaveCount(6);
  await expect(board(page, 'weather').locator('[data-null="true"]')).toHaveText(/missing/);

  // A measure picked from its card: the leaderboards rank by it.
  await model(page).locator('[data-testid="kpi"][data-measure="avg:temp_max"]').click();
  await expectFigures(page, all, [], 'avg:temp_max');

  // Two values of one dimension are OR-ed; the leaderboard keeps its other values, the picked marked.
  await pick(page, 'weather', 'rain');
  await pick(page, 'weather', 'snow');
  const wet: OracleFilter = { kind: 'values', column: 'weather', values: ['rain', 'snow'], exclude: false };
  await expect(model(page).getByTestId('filter-chip')).toHaveCount(1);
  await expectFigures(page, all, [wet], 'avg:temp_max');
  await expect(board(page, 'weather').locator('[aria-pressed="true"]')).toHaveCount(2);
  await expect(board(page, 'weather').getByTestId('leaderboard-row')).toHaveCount(6);

  await board(page, 'weather').getByTestId('leaderboard-exclude').check();
  await waitReady(page);
  await expectFigures(page, all, [{ ...wet, exclude: true }], 'avg:temp_max');

  // A drag across the series: a span of dates, AND-ed with the exclusion.
  const chart = model(page).locator('[data-chart="timeseries"]');
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  if (!box) throw new Error('the series has no box');
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5, { steps: 6 });
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.5, { steps: 6 });
  await page.mouse.up();
  const span = model(page).locator('[data-testid="filter-chip"][data-kind="time"]');
  await expect(span).toHaveCount(1);
  const from = (await span.getAttribute('data-from')) ?? '';
  const to = (await span.getAttribute('data-to')) ?? '';
  const parse = (text: string) => (text.trim() === '' ? null : Date.parse(`${text.trim()}T00:00:00Z`));
  const dated: OracleFilter = { kind: 'time', column: 'date', from, to, parse };
  const both = [{ ...wet, exclude: true }, dated];
  expect(filtered(all, both).length).toBeGreaterThan(100);
  expect(filtered(all, both).length).toBeLessThan(filtered(all, [{ ...wet, exclude: true }]).length - 100);
  await expectFigures(page, all, both, 'avg:temp_max');

  // A number range from the wind column's profile (its histogram's form): AND-ed with the rest.
  const wind = page.locator('[data-testid="number-range"][data-column="wind"]');
  await wind.locator('summary').click();
  await wind.getByTestId('number-from').fill('2');
  await wind.getByTestId('number-to').fill('4.5');
  await wind.getByTestId('number-apply').click();
  await expect(model(page).locator('[data-testid="filter-chip"][data-kind="range"]')).toHaveCount(1);
  const windy: OracleFilter = { kind: 'range', column: 'wind', from: 2, to: 4.5 };
  await expectFigures(page, all, [...both, windy], 'avg:temp_max');

  await model(page).getByTestId('filters-clear').click();
  await expect(model(page).getByTestId('filter-chip')).toHaveCount(0);
  await expectFigures(page, all, [], 'avg:temp_max');
});

test('a 14-column incident log: US dates are its time, every short text column a leaderboard', async ({
  page,
}) => {
  const all = records('incidents.csv');
  await load(page, 'incidents.csv');
  await expect(model(page).getByTestId('timeseries')).toHaveAttribute('data-column', 'Flight Date');
  await expect(model(page).getByTestId('leaderboard')).toHaveCount(9);
  const money = 'sum:Cost Aircraft Time Out of Service';
  await expectFigures(page, all, [], money);

  // Two dimensions against each other: the one with the fewest values as rows, the airports that lead
  // each (every tie); then another pair, picked.
  const pair = model(page).getByTestId('pair');
  await expect(pair).toHaveAttribute('data-rows', 'Wildlife Size');
  await expect(pair).toHaveAttribute('data-columns', 'Airport Name');
  await model(page).getByTestId('pair-columns').selectOption('Aircraft Model');
  await expect(pair).toHaveAttribute('data-columns', 'Aircraft Model');
  await model(page).getByTestId('pair-rows').selectOption('Airport Name');
  await expect(pair).toHaveAttribute('data-rows', 'Airport Name');
  await waitReady(page);
  const leaders = await pair
    .getByTestId('pair-leader')
    .evaluateAll((els) =>
      els.map((e) => ({ a: e.dataset.value, winners: JSON.parse(e.dataset.winners ?? '[]') as string[] })),
    );
  expect(leaders).toEqual(pairLeaders(all, 'Airport Name', 'Aircraft Model', money));
  await expectChartsDrawn(page);

  await pick(page, 'Damage', 'Minor');
  await pick(page, 'Airport Name', 'DENVER INTL');
  await board(page, 'Airport Name').getByTestId('leaderboard-exclude').check();
  await waitReady(page);
  const filters: OracleFilter[] = [
    { kind: 'values', column: 'Damage', values: ['Minor'], exclude: false },
    { kind: 'values', column: 'Airport Name', values: ['DENVER INTL'], exclude: true },
  ];
  await expectFigures(page, all, filters, money);
  await model(page).locator('[data-testid="kpi"][data-measure="avg:Speed"]').click();
  await expectFigures(page, all, filters, 'avg:Speed');
  await expect(model(page).getByTestId('filter-chip')).toHaveCount(2);

  // The model can change: a dimension removed, a measure added; remembered for these columns.
  await page.getByRole('button', { name: 'Stop grouping by Time of Day' }).click();
  await expect(model(page).getByTestId('leaderboard')).toHaveCount(8);
  await page.getByTestId('model-measure-column').selectOption('Speed');
  await page.getByTestId('model-measure-aggregation').selectOption('max');
  await page.getByTestId('model-measure-add').click();
  await expectFigures(page, all, filters, 'avg:Speed');
  await page.reload();
  await waitReady(page);
  await expect(model(page).getByTestId('leaderboard')).toHaveCount(8);
  await expect(model(page).locator('[data-testid="kpi"][data-measure="max:Speed"]')).toHaveCount(1);
});

test('web events: distinct users, and a 1,500-value leaderboard shown whole and searched', async ({
  page,
}) => {
  const all = records('events.csv');
  await load(page, 'events.csv');
  await expect(model(page).getByTestId('timeseries')).toHaveAttribute('data-column', 'event_time');
  await expect(model(page).locator('[data-testid="kpi"][data-measure="distinct:user_id"]')).toHaveCount(1);
  await expectFigures(page, all, [], 'sum:revenue');

  const users = board(page, 'user_id');
  await users.getByTestId('leaderboard-expand').click();
  await waitReady(page);
  // Scrolls through every value with a few dozen rows in the DOM.
  const rendered = await users.getByTestId('leaderboard-row').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(100);
  const last = leaderboard(all, 'user_id', 'sum:revenue', []).at(-1)?.value ?? '';
  await users.getByTestId('leaderboard-search').fill(last);
  await users.locator(`[data-value="${last}"]`).click();
  await expect(users.locator(`[data-value="${last}"]`)).toHaveAttribute('aria-pressed', 'true');
  await users.getByTestId('leaderboard-search').fill('');
  await expectFigures(
    page,
    all,
    [{ kind: 'values', column: 'user_id', values: [last], exclude: false }],
    'sum:revenue',
  );
});

test('a numbers-only file and a one-text-column file: every panel shows data or says why', async ({
  page,
}) => {
  const numbers = records('readings.csv');
  await load(page, 'readings.csv');
  await expect(model(page).locator('[data-panel="leaderboards"]')).toContainText(
    'No column of this file groups',
  );
  await expect(model(page).getByTestId('timeseries')).toHaveCount(0);
  await expectFigures(page, numbers, [], 'sum:pressure');

  const trees = records('trees.csv');
  await pickFiles(page, [fixture('trees.csv')]);
  await waitReady(page);
  await expect(board(page, 'tree').getByTestId('leaderboard-row')).toHaveCount(10);
  await expect(board(page, 'tree')).toContainText('12 values');
  await expectFigures(page, trees, [], 'count');
});

test('a file with a place keeps its five questions, with the model dashboard folded under them', async ({
  page,
}) => {
  const all = records('sales.csv');
  await load(page, 'sales.csv');
  await expect(page.locator('[data-panel="answers"]')).toHaveCount(1);
  // Folded under the five questions: it reads nothing until opened.
  await expect(model(page)).toHaveCount(0);
  await page.getByTestId('every-column').click();
  await expect(model(page).getByTestId('timeseries')).toHaveAttribute('data-column', 'order_date');
  await expectFigures(page, all, [], 'sum:unit_price');
});

test('a weather log’s share link and HTML report carry its model dashboard, filters and all', async ({
  page,
  browser,
}) => {
  const all = records('weather.csv');
  await load(page, 'weather.csv');
  await pick(page, 'weather', 'fog');
  const foggy: OracleFilter = { kind: 'values', column: 'weather', values: ['fog'], exclude: false };
  await expectFigures(page, all, [foggy], 'sum:precipitation');

  const opened = watch(await (await browser.newContext()).newPage(), (url) =>
    url.startsWith(new URL(page.url()).origin),
  );
  await opened.page.goto(await shareLink(page));
  const shared = opened.page;
  await waitReady(shared);
  await expect(shared.getByTestId('snapshot-banner')).toContainText('Snapshot of weather.csv');
  await expect(shared.locator('[data-panel="answers"]')).toHaveCount(0);
  await expect(shared.getByTestId('export-answers')).toHaveCount(0);
  await expect(model(shared).getByTestId('filter-chip')).toContainText('fog');
  await expectFigures(shared, all, [foggy], 'sum:precipitation');
  await expectChartsDrawn(shared);
  // Read-only: a row is not a button that does anything.
  await expect(board(shared, 'weather').locator('[data-value="rain"]')).toBeDisabled();
  expectClean(opened);

  // The HTML report, opened from disk with the network blocked: the same figures, drawn.
  const report = await download(page, 'export-html');
  const offline = await openOffline(browser, report.path);
  await waitReady(offline.page);
  await expect(offline.page.locator('[data-panel="answers"]')).toHaveCount(0);
  await expectFigures(offline.page, all, [foggy], 'sum:precipitation');
  await expectChartsDrawn(offline.page);
  expectClean(offline);
});

test('a measure renamed, aggregated another way and shown as percent: figures follow, kept and shared', async ({
  page,
  browser,
}) => {
  const all = records('weather.csv');
  await load(page, 'weather.csv');
  const kpi = (p: Page, key: string) => model(p).locator(`[data-testid="kpi"][data-measure="${key}"]`);
  const edit = async (key: string) => {
    await page
      .getByTestId('model-panel')
      .locator(`[data-testid="model-measure"][data-measure="${key}"]`)
      .getByTestId('model-measure-edit')
      .click();
    return page.getByTestId('measure-editor');
  };

  let editor = await edit('sum:precipitation');
  await editor.getByTestId('measure-edit-name').fill('Wettest day');
  await editor.getByTestId('measure-edit-aggregation').selectOption('max');
  await editor.getByTestId('measure-edit-save').click();
  await expect(editor).toHaveCount(0);
  await expect(kpi(page, 'sum:precipitation')).toHaveCount(0);
  await expect(kpi(page, 'max:precipitation')).toContainText('Wettest day');
  // The measure the page ranks by was this one: it follows, and every figure is the oracle's maximum.
  await expectFigures(page, all, [], 'max:precipitation');

  // A second measure of the same kind is refused, with the reason; nothing changes.
  editor = await edit('max:precipitation');
  await editor.getByTestId('measure-edit-aggregation').selectOption('avg');
  await editor.getByTestId('measure-edit-save').click();
  await expect(editor.getByTestId('measure-edit-error')).toHaveText(
    'Average precipitation is already a measure.',
  );
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);

  editor = await edit('avg:wind');
  await editor.getByTestId('measure-edit-format').selectOption('percent');
  await editor.getByTestId('measure-edit-save').click();
  const wind = records('weather.csv').map((r) => Number(r.wind));
  const average = wind.reduce((sum, w) => sum + w, 0) / wind.length;
  const asPercent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
  await expect(kpi(page, 'avg:wind')).toContainText(asPercent.format(average));

  await page.reload();
  await waitReady(page);
  await expect(kpi(page, 'max:precipitation')).toContainText('Wettest day');
  await expect(kpi(page, 'avg:wind')).toContainText(asPercent.format(average));

  const shared = await (await browser.newContext()).newPage();
  await shared.goto(await shareLink(page));
  await waitReady(shared);
  await expect(kpi(shared, 'max:precipitation')).toContainText('Wettest day');
  await expect(kpi(shared, 'avg:wind')).toContainText(asPercent.format(average));
});

test('a dimension renamed for the page: its leaderboard, chip and filter say the name, kept and shared', async ({
  page,
  browser,
}) => {
  const all = records('weather.csv');
  await load(page, 'weather.csv');
  const chip = page
    .getByTestId('model-panel')
    .locator('[data-testid="model-dimension"][data-dimension="weather"]');
  const title = (p: Page) => board(p, 'weather').locator('h3');
  await chip.getByTestId('model-dimension-edit').click();
  const form = page.getByTestId('column-rename');
  // Another column's name is refused, with the reason; nothing changes.
  await form.getByTestId('column-rename-name').fill('Wind');
  await form.getByTestId('column-rename-save').click();
  await expect(form.getByTestId('column-rename-error')).toHaveText('Wind already names the column wind.');
  await expect(title(page)).toHaveText('weather');
  // A name is text, never markup.
  await form.getByTestId('column-rename-name').fill('<b>Sky</b>');
  await form.getByTestId('column-rename-save').click();
  await expect(form).toHaveCount(0);
  await expect(title(page)).toHaveText('<b>Sky</b>');
  await expect(model(page).locator('h3 b')).toHaveCount(0);
  await expect(chip).toContainText('<b>Sky</b>');
  // Only the name changes: the filter, its figures and the share link keep the header's column.
  await pick(page, 'weather', 'fog');
  await expect(model(page).getByTestId('filter-chip')).toContainText('<b>Sky</b>');
  const foggy: OracleFilter = { kind: 'values', column: 'weather', values: ['fog'], exclude: false };
  await expectFigures(page, all, [foggy], 'sum:precipitation');

  const shared = await (await browser.newContext()).newPage();
  await shared.goto(await shareLink(page));
  await waitReady(shared);
  await expect(title(shared)).toHaveText('<b>Sky</b>');
  await expectFigures(shared, all, [foggy], 'sum:precipitation');

  await page.reload();
  await waitReady(page);
  await expect(title(page)).toHaveText('<b>Sky</b>');
  // An empty name gives the header's back, and that is kept too.
  await chip.getByTestId('model-dimension-edit').click();
  await form.getByTestId('column-rename-name').fill('');
  await form.getByTestId('column-rename-save').click();
  await expect(title(page)).toHaveText('weather');
  await page.reload();
  await waitReady(page);
  await expect(title(page)).toHaveText('weather');
});
