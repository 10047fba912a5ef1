import {
  dashboard,
  downloadAnswers,
  dropFiles,
  expect,
  expectChartsDrawn,
  expectedAnswers,
  expectSameAnswers,
  fixture,
  openApp,
  pickFiles,
  SAMPLE,
  test,
  waitReady,
} from './fixtures';

const FEATURED = 'the-restaurant-at-the-end-of-the-universe';

test('the landing view says what Dropdash does and starts the engine at once', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Drop a data file. Get the dashboard.');
  await expect(page.getByText('Your data never leaves your computer')).toBeVisible();
  await expect(page.getByTestId('load-sample')).toBeVisible();
  const engine = page.getByTestId('engine-status');
  await expect(engine).toContainText('Engine ready', { timeout: 30_000 });
  // Which bundle runs, and DuckDB's own thread count: the single-threaded EH build in Chromium.
  await expect(engine).toHaveAttribute('data-bundle', 'eh');
  await expect(engine).toHaveAttribute('data-threads', '1');
  await expect(engine).toContainText('EH, 1 thread');
});

test('the sample data gives the five answers, equal to an independent computation', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('load-sample').click();
  await waitReady(page);
  const expected = expectedAnswers([SAMPLE]);
  const answers = await downloadAnswers(page);
  expectSameAnswers(answers, expected);
  expect(answers.sources).toEqual([
    { name: 'restaurants-sample.csv', bytes: expect.any(Number), rows: 150_000 },
  ]);

  // The headline cards start on the restaurant the questions ask about.
  const featured = expected.restaurants.find((r) => r.name === FEATURED);
  await expect(page.getByTestId('restaurant-filter')).toHaveValue(FEATURED);
  await expect(page.getByTestId('kpi-visits')).toContainText(
    featured?.visits.toLocaleString('en-US') ?? 'missing',
  );
  await expect(page.getByTestId('kpi-customers')).toContainText(
    featured?.uniqueCustomers.toLocaleString('en-US') ?? 'x',
  );
  await expect(page.getByTestId('kpi-revenue')).toContainText(
    featured?.revenue.toLocaleString('en-US', { minimumFractionDigits: 2 }) ?? 'missing',
  );
  await expect(page.getByTestId('kpi-popular')).toContainText(featured?.mostPopular.dishes[0] ?? 'missing');
  await expectChartsDrawn(page);
});

test('the sample file dropped on the page gives the same answers as picking it', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [SAMPLE]);
  await waitReady(page);
  expectSameAnswers(await downloadAnswers(page), expectedAnswers([SAMPLE]));
  await expect(page.getByTestId('history-entry')).toHaveAttribute('data-status', 'loaded');
});

test('picking a restaurant narrows the cards and redraws the panels', async ({ page }) => {
  await openApp(page);
  await pickFiles(page, [SAMPLE]);
  await waitReady(page);
  const expected = expectedAnswers([SAMPLE]);
  for (const restaurant of expected.restaurants.slice(0, 2)) {
    await page.getByTestId('restaurant-filter').selectOption(restaurant.name);
    await waitReady(page);
    await expect(page.getByTestId('kpi-visits')).toContainText(restaurant.visits.toLocaleString('en-US'));
    await expect(page.getByTestId('kpi-profitable')).toContainText(
      restaurant.mostProfitable.dishes[0] ?? 'x',
    );
    await expect(page.locator('[data-panel="top-orders"]')).toContainText(restaurant.name);
  }
  await page.getByTestId('restaurant-filter').selectOption('');
  await waitReady(page);
  await expect(page.getByTestId('kpi-visits')).toContainText(expected.totalRows.toLocaleString('en-US'));
  await expectChartsDrawn(page);
});

test('a restaurant chosen before another file joins shows the figures of both files', async ({ page }) => {
  const [first, second] = [fixture('part-1.csv'), fixture('part-2.csv')];
  await openApp(page);
  await pickFiles(page, [first]);
  await waitReady(page);
  const before = expectedAnswers([first]).restaurants[0];
  const after = expectedAnswers([first, second]).restaurants.find((r) => r.name === before?.name);
  expect(after?.visits).not.toBe(before?.visits);
  const filter = page.getByTestId('restaurant-filter');
  await filter.selectOption(before?.name ?? 'missing');
  await waitReady(page);
  await expect(page.getByTestId('kpi-visits')).toContainText(before?.visits.toLocaleString('en-US') ?? 'x');
  await filter.selectOption('');
  await waitReady(page);

  // Its figures were read once; the new file must not leave them as they were.
  await pickFiles(page, [second]);
  await waitReady(page);
  await filter.selectOption(after?.name ?? 'missing');
  await waitReady(page);
  await expect(page.getByTestId('kpi-visits')).toContainText(after?.visits.toLocaleString('en-US') ?? 'x');
});

test('a real drop of a file with ties lists every tied winner', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [fixture('ties.csv')]);
  await waitReady(page);
  const answers = await downloadAnswers(page);
  expect(answers.restaurants.map((r) => [r.name, r.mostPopular.dishes, r.topVisitors.customers])).toEqual([
    ['alpha', ['beans', 'chips'], ['Ann', 'Bob']],
    ['beta', ['soup', 'tea'], ['Cy']],
  ]);
  expect(answers.mostRestaurantsVisited).toEqual({ restaurants: 2, customers: ['Ann', 'Cy'] });
  await expect(page.getByTestId('answers-table')).toContainText('beans and chips');
  await expect(page.getByTestId('most-restaurants')).toContainText('2 customers share that count');
});

test('two files dropped together are one dataset, whatever their column order', async ({ page }) => {
  await openApp(page);
  await dropFiles(page, [fixture('part-1.csv'), fixture('part-2.csv')]);
  await waitReady(page);
  const answers = await downloadAnswers(page);
  expectSameAnswers(answers, expectedAnswers([fixture('part-1.csv'), fixture('part-2.csv')]));
  expect(answers.sources.map((s) => [s.name, s.rows])).toEqual([
    ['part-1.csv', 2500],
    ['part-2.csv', 1800],
  ]);
  await expect(page.getByTestId('sources')).toContainText('part-2.csv');
});

for (const [name, delimiter, encoding] of [
  ['shuffled-extra-columns.csv', ',', 'utf8'],
  ['quoted.csv', ',', 'utf8'],
  ['semicolon.csv', ';', 'utf8'],
  ['tab.tsv', '\t', 'utf8'],
  ['pipe.psv', '|', 'utf8'],
  ['odd-headers.csv', ',', 'utf8'],
  ['unusable-costs.csv', ',', 'utf8'],
  ['latin1.csv', ',', 'latin1'],
] as const) {
  test(`answers for ${name} equal an independent computation`, async ({ page }) => {
    await openApp(page);
    await pickFiles(page, [fixture(name)]);
    await waitReady(page);
    expectSameAnswers(await downloadAnswers(page), expectedAnswers([fixture(name)], delimiter, encoding));
    await expectChartsDrawn(page);
  });
}

test('a file added later is appended to the data already loaded', async ({ page }) => {
  await openApp(page);
  await pickFiles(page, [fixture('part-1.csv')]);
  await waitReady(page);
  await pickFiles(page, [fixture('part-2.csv')]);
  await expect(page.getByTestId('sources')).toContainText('part-2.csv');
  await waitReady(page);
  expectSameAnswers(
    await downloadAnswers(page),
    expectedAnswers([fixture('part-1.csv'), fixture('part-2.csv')]),
  );
  await expect(dashboard(page)).toContainText('2 files');
});

test('the dashboard can be narrowed to some of the loaded files', async ({ page }) => {
  await openApp(page);
  await pickFiles(page, [fixture('part-1.csv'), fixture('part-2.csv')]);
  await waitReady(page);
  await page.getByTestId('source-toggle').first().uncheck();
  await expect(page.getByTestId('files-filter')).toContainText('Showing 1 of 2 files');
  await waitReady(page);
  const onlySecond = await downloadAnswers(page);
  expectSameAnswers(onlySecond, expectedAnswers([fixture('part-2.csv')]));
  expect(onlySecond.sources.map((s) => s.name)).toEqual(['part-2.csv']);
  await expect(page.getByTestId('source-toggle').nth(1)).toBeDisabled();

  await page.getByTestId('show-all-files').click();
  await waitReady(page);
  expectSameAnswers(
    await downloadAnswers(page),
    expectedAnswers([fixture('part-1.csv'), fixture('part-2.csv')]),
  );
});
