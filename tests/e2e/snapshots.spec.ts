import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename } from 'node:path';
import { deflateSync, strToU8 } from 'fflate';
import { xxhash128 } from 'hash-wasm';
import Papa from 'papaparse';
import { toBase64Url } from '../../src/lib/report/snapshot-codec';
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
import {
  download,
  embeddedSnapshot,
  expectClean,
  imageInk,
  openOffline,
  readAnswers,
  shareLink,
  watch,
  withoutTime,
} from './snapshot-helpers';

const tmp = () => mkdtempSync(`${tmpdir()}/dropdash-snapshot-`);

test('the sample dashboard exported as HTML opens from disk with the network blocked: same answers, drawn charts', async ({
  page,
  browser,
}) => {
  await openApp(page);
  await pickFiles(page, [SAMPLE]);
  await waitReady(page);
  const expected = expectedAnswers([SAMPLE]);
  const chosen = expected.restaurants[1]!;
  await page.getByTestId('restaurant-filter').selectOption(chosen.name);
  await waitReady(page);
  const answers = await downloadAnswers(page);

  const report = await download(page, 'export-html');
  expect(report.name).toMatch(/^dropdash-restaurant-orders-\d{4}-\d{2}-\d{2}\.html$/);
  const html = readFileSync(report.path, 'utf8');
  const snapshot = embeddedSnapshot(html);
  expect(withoutTime(snapshot.answers)).toEqual(withoutTime(answers));
  expectSameAnswers(snapshot.answers, expected);
  expect(snapshot.sources).toEqual([
    {
      name: basename(SAMPLE),
      bytes: statSync(SAMPLE).size,
      rows: 150_000,
      // The page hashes the bytes DuckDB reads as it loads; this hashes the file whole.
      contentHash: `xxh128:${await xxhash128(readFileSync(SAMPLE))}`,
    },
  ]);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/
    .exec(html)?.[1]
    ?.replace(/&#39;/g, "'");
  expect(csp).toMatch(
    /^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/]{43}=' blob:; style-src 'unsafe-inline';/,
  );
  expect(csp).not.toMatch(/unsafe-eval|https?:|\*/);
  const bytes = statSync(report.path).size;
  test.info().annotations.push({ type: 'report size', description: `${bytes} bytes` });
  console.log(`HTML report for the sample: ${bytes} bytes`);
  expect(bytes, 'the report stays small').toBeLessThan(450 * 1024);

  const offline = await openOffline(browser, report.path);
  const file = offline.page;
  await waitReady(file);
  await expect(file.getByTestId('snapshot-banner')).toContainText(
    `Snapshot of ${basename(SAMPLE)} (150,000 rows)`,
  );
  await expect(file.getByTestId('restaurant-filter')).toHaveValue(chosen.name);
  await expect(file.getByTestId('kpi-visits')).toContainText(chosen.visits.toLocaleString('en-US'));
  for (const r of expected.restaurants) {
    const row = file.getByTestId('answers-table').locator(`tr[data-restaurant="${r.name}"]`);
    await expect(row).toContainText(r.revenue.toLocaleString('en-US', { minimumFractionDigits: 2 }));
    await expect(row).toContainText(r.mostPopular.dishes[0]!);
  }
  await expect(file.getByTestId('sources')).toContainText(snapshot.sources[0]!.contentHash);
  await expectChartsDrawn(file);
  expect(withoutTime(readAnswers((await download(file, 'export-answers')).path))).toEqual(
    withoutTime(answers),
  );

  // The restaurant picker still works: each restaurant's figures travel in the file.
  await file.getByTestId('restaurant-filter').selectOption('');
  await waitReady(file);
  await expect(file.getByTestId('kpi-visits')).toContainText(expected.totalRows.toLocaleString('en-US'));
  await expectChartsDrawn(file);
  expectClean(offline);

  // An edited file is read like any untrusted snapshot: a clear message instead of a broken page.
  const edited = `${tmp()}/edited.html`;
  writeFileSync(edited, html.replace(/"visits":\d+/, '"visits":"lots"'));
  const broken = await openOffline(browser, edited);
  await expect(broken.page.getByTestId('error')).toHaveText(
    'This report could not be shown: it is not a valid snapshot: data.totals.visits should be number but is "lots".',
  );
  expectClean(broken);

  // A damaged viewer block gets a message too; nothing half-runs.
  const damaged = `${tmp()}/damaged.html`;
  writeFileSync(
    damaged,
    html.replace(/(id="dropdash-viewer">[A-Za-z0-9+/]{5000})[A-Za-z0-9+/]{8}/, '$1AAAAAAAA'),
  );
  const unpacked = await openOffline(browser, damaged);
  await expect(unpacked.page.locator('.viewer-failure')).toHaveText(
    'This report file is damaged: its viewer does not unpack.',
  );
  expectClean(unpacked);
});

test('a share link opens the same dashboard in a fresh context, read-only, with a banner', async ({
  page,
  browser,
  baseURL,
}) => {
  await openApp(page);
  await pickFiles(page, [SAMPLE]);
  await waitReady(page);
  await page.locator('[data-panel="dish-matrix"]').getByRole('radio', { name: 'Revenue' }).click();
  await waitReady(page);
  const answers = await downloadAnswers(page);
  const link = await shareLink(page);
  expect(link.startsWith(`${baseURL}#snapshot=`)).toBe(true);
  test.info().annotations.push({ type: 'share link length', description: `${link.length} characters` });
  console.log(`share link for the sample: ${link.length} characters`);
  expect(link.length).toBeLessThan(32 * 1024);

  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, acceptDownloads: true });
  const origin = new URL(baseURL ?? '').origin;
  const fresh = watch(await context.newPage(), (url) => url.startsWith(origin) || url.startsWith('blob:'));
  const other = fresh.page;
  await other.goto(link);
  await waitReady(other);
  await expect(other.getByTestId('snapshot-banner')).toContainText(basename(SAMPLE));
  await expect(other.getByTestId('snapshot-banner')).toContainText('opened from a share link');
  await expect(other.getByTestId('snapshot-banner').locator('time')).toHaveAttribute(
    'datetime',
    /^\d{4}-\d{2}-\d{2}T/,
  );
  await expect(
    other.locator('[data-panel="dish-matrix"]').getByRole('radio', { name: 'Revenue' }),
  ).toHaveAttribute('aria-checked', 'true');
  await expect(other.getByTestId('restaurant-filter')).toHaveValue(
    'the-restaurant-at-the-end-of-the-universe',
  );
  await expectChartsDrawn(other);
  expect(withoutTime(readAnswers((await download(other, 'export-answers')).path))).toEqual(
    withoutTime(answers),
  );
  // Read-only: nothing here changes or removes data.
  await expect(other.getByTestId('clear-data')).toHaveCount(0);
  await expect(other.getByTestId('source-toggle')).toHaveCount(0);

  await other.getByTestId('close-snapshot').click();
  await expect(other.getByTestId('load-sample')).toBeVisible();
  expect(new URL(other.url()).hash).toBe('');
  expectClean(fresh);
  await context.close();
});

test('a tampered or hostile share link gets a clear message, and the app still works', async ({
  page,
  baseURL,
}) => {
  await openApp(page);
  await pickFiles(page, [fixture('ties.csv')]);
  await waitReady(page);
  const link = await shareLink(page);
  const payload = link.split('#snapshot=')[1]!;
  const at = Math.floor(payload.length / 2);
  const tampered = `${baseURL}#snapshot=${payload.slice(0, at)}${payload[at] === 'A' ? 'B' : 'A'}${payload.slice(at + 1)}`;
  const encode = (value: unknown) =>
    `${baseURL}#snapshot=${toBase64Url(deflateSync(strToU8(JSON.stringify(value))))}`;

  const cases: [string, RegExp][] = [
    [tampered, /^This share link could not be opened: .+\. Ask for a new link, or for the HTML report\./],
    [
      `${baseURL}#snapshot=${payload.slice(0, at)}`,
      /This share link could not be opened: the link is damaged/,
    ],
    [
      encode({ schema: 'dropdash.snapshot/1', title: 7 }),
      /not a valid snapshot: title should be string but is 7/,
    ],
    [encode({ schema: 'dropdash.snapshot/9' }), /made in the format dropdash\.snapshot\/9/],
  ];
  for (const [url, message] of cases) {
    await page.goto('about:blank');
    await page.goto(url);
    await expect(page.getByTestId('error')).toContainText(message);
    await expect(page.getByTestId('snapshot-banner')).toHaveCount(0);
  }
  // Not a broken page: the visitor can go on.
  await page.getByRole('button', { name: 'Dismiss this message' }).click();
  await expect(page.getByTestId('error')).toHaveCount(0);
  await expect(page.getByTestId('engine-status')).toContainText('Engine ready', { timeout: 30_000 });
  await waitReady(page);
});

test('values stay text in a snapshot: markup and </script> in names are inert in the link and in the file', async ({
  page,
  browser,
}) => {
  const hostile = `${tmp()}/hostile.csv`;
  writeFileSync(
    hostile,
    [
      'restaurant_names,food_names,first_name,food_cost',
      '"</script><script>alert(1)</script>","<!--<img src=x onerror=alert(2)>",Ann,2',
      '"<img src=x onerror=alert(3)>","</script><!--",<svg onload=alert(4)>,3',
    ].join('\n'),
  );
  await openApp(page);
  await pickFiles(page, [hostile, fixture('hostile-values.csv')]);
  await waitReady(page);
  const link = await shareLink(page);
  const report = await download(page, 'export-html');
  const names = [
    '</script><script>alert(1)</script>',
    '<img src=x onerror=alert(3)>',
    "O'Brien's <b>diner</b>",
  ];

  await page.goto(link);
  await waitReady(page);
  await expect(page.getByTestId('snapshot-banner')).toBeVisible();
  for (const name of names) await expect(page.getByTestId('answers-table')).toContainText(name);
  await expect(page.getByTestId('answers-table')).toContainText('<!--<img src=x onerror=alert(2)>');
  expect(await page.locator('main img, main script, main svg[onload], main b').count()).toBe(0);

  const offline = await openOffline(browser, report.path);
  await waitReady(offline.page);
  for (const name of names) await expect(offline.page.getByTestId('answers-table')).toContainText(name);
  await expect(offline.page.getByTestId('answers-table')).toContainText('"; DROP TABLE raw_visits; --');
  // The two data blocks, the loader, and the viewer it unpacked: no script came from the values.
  await expect(offline.page.locator('body script')).toHaveCount(4);
  await expect(offline.page.locator('body script[src^="blob:"]')).toHaveCount(1);
  expect(
    await offline.page
      .locator('#dropdash-report img, #dropdash-report svg[onload], #dropdash-report b')
      .count(),
  ).toBe(0);
  await expectChartsDrawn(offline.page);

  // Chart tooltips in the file are escaped too: hover the bars of the top dishes until one shows.
  const chart = offline.page.locator('[data-chart="top-orders"]');
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  const tooltip = chart.locator('.dd-tooltip');
  for (let y = 8; y < (box?.height ?? 0) && !(await tooltip.textContent()); y += 10) {
    await offline.page.mouse.move((box?.x ?? 0) + 190, (box?.y ?? 0) + y, { steps: 3 });
    await offline.page.waitForTimeout(50);
  }
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText(/^(<|").*Orders: \d/);
  expect(await tooltip.locator('img, script, svg').count()).toBe(0);
  expectClean(offline);
});

test('an exported report dropped on the app opens as the same read-only dashboard', async ({ page }) => {
  await openApp(page);
  await pickFiles(page, [fixture('part-1.csv'), fixture('part-2.csv')]);
  await waitReady(page);
  await page.getByTestId('source-toggle').first().uncheck();
  await waitReady(page);
  const answers = await downloadAnswers(page);
  const report = await download(page, 'export-html');
  const copy = `${tmp()}/report.html`;
  writeFileSync(copy, readFileSync(report.path));

  await page.reload();
  await openApp(page);
  await dropFiles(page, [copy]);
  await expect(page.getByTestId('snapshot-banner')).toContainText('Snapshot of part-2.csv (1,800 rows)');
  await expect(page.getByTestId('snapshot-banner')).toContainText('opened from a file');
  await waitReady(page);
  expectSameAnswers(await downloadAnswers(page), expectedAnswers([fixture('part-2.csv')]));
  expect(withoutTime(await downloadAnswers(page))).toEqual(withoutTime(answers));
  await expectChartsDrawn(page);

  // Anything else with a report's name is refused with its reason.
  const fake = `${tmp()}/not-a-report.html`;
  writeFileSync(fake, '<!doctype html><p>hello</p>');
  await dropFiles(page, [fake]);
  await expect(page.getByTestId('error')).toContainText(
    '“not-a-report.html” could not be opened as a snapshot: it is not a Dropdash report',
  );
});

test('PNG of the whole dashboard and of one chart: light background, drawn, sharp', async ({ page }) => {
  await openApp(page);
  await pickFiles(page, [SAMPLE]);
  await waitReady(page);
  const whole = await download(page, 'export-png');
  expect(whole.name).toBe('dropdash-dashboard.png');
  const image = await imageInk(page, whole.path);
  const box = await dashboard(page).boundingBox();
  expect(Math.abs(image.width - (box?.width ?? 0) * 2)).toBeLessThan(4);
  expect(image.height).toBeGreaterThan(image.width);
  expect(image.background.slice(0, 3).every((c) => c > 240)).toBe(true);
  expect(image.ink).toBeGreaterThan(0.05);

  const [chartFile] = await Promise.all([
    page.waitForEvent('download'),
    page
      .locator('[data-panel="restaurant-metrics"]')
      .getByRole('button', { name: /as a PNG image/ })
      .click(),
  ]);
  expect(chartFile.suggestedFilename()).toBe('restaurant-metrics.png');
  const chart = await imageInk(page, await chartFile.path());
  expect(chart.background).toEqual([255, 255, 255, 255]);
  expect(chart.ink).toBeGreaterThan(0.03);
});

test('each table downloads as CSV with the values shown', async ({ page }) => {
  await openApp(page);
  await pickFiles(page, [fixture('ties.csv')]);
  await waitReady(page);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page
      .locator('[data-panel="answers"]')
      .getByRole('button', { name: /as CSV/ })
      .click(),
  ]);
  expect(file.suggestedFilename()).toBe('answers.csv');
  const rows = Papa.parse<Record<string, string>>(readFileSync(await file.path(), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  expect(rows.map((r) => [r.restaurant, r.most_popular_dishes, r.top_visitors])).toEqual([
    ['alpha', 'beans; chips', 'Ann; Bob'],
    ['beta', 'soup; tea', 'Cy'],
  ]);

  const [sources] = await Promise.all([
    page.waitForEvent('download'),
    page
      .locator('[data-panel="files"]')
      .getByRole('button', { name: /as CSV/ })
      .click(),
  ]);
  const files = Papa.parse<Record<string, string>>(readFileSync(await sources.path(), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  expect(files).toEqual([
    {
      file: 'ties.csv',
      bytes: String(statSync(fixture('ties.csv')).size),
      rows: expect.stringMatching(/^\d+$/),
      content_hash: expect.stringMatching(/^xxh128:[0-9a-f]{32}$/),
    },
  ]);
});

test('a dashboard too large for a link says so and offers the HTML report', async ({ page }) => {
  // 90 restaurants × 60 dishes with names and sums that do not compress: far more than a link holds.
  const path = `${tmp()}/wide.csv`;
  let seed = 7;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
  const restaurants = Array.from({ length: 90 }, (_, i) => `restaurant-${i}-${random().toString(36)}`);
  const dishes = Array.from({ length: 60 }, (_, i) => `dish-${i}-${random().toString(36)}`);
  const lines = ['restaurant_names,food_names,first_name,food_cost'];
  for (const r of restaurants)
    for (const d of dishes) lines.push(`${r},${d},c${random() % 50},${(random() % 100_000) / 100}`);
  writeFileSync(path, lines.join('\n'));
  await openApp(page);
  await pickFiles(page, [path]);
  await waitReady(page);
  const field = page.getByTestId('share-link');
  await expect(field).toHaveAttribute('data-status', 'too-large', { timeout: 30_000 });
  await expect(field).toHaveValue(
    /^Too large for a link \(\d+ KB; a link holds about 32 KB\): share the HTML report instead\.$/,
  );
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download HTML instead' }).click(),
  ]);
  const snapshot = embeddedSnapshot(readFileSync(await file.path(), 'utf8'));
  expect(snapshot.data.restaurants).toHaveLength(90);
});

test('Print to PDF: no controls on paper, charts within the page width', async ({ page }) => {
  await openApp(page);
  await pickFiles(page, [SAMPLE]);
  await waitReady(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('export-html')).toBeHidden();
  await expect(page.getByTestId('restaurant-filter')).toBeHidden();
  await expect(page.locator('.app-header')).toBeHidden();
  for (const chart of await page.locator('[data-chart]').all()) {
    const [outer, canvas] = await Promise.all([
      chart.boundingBox(),
      chart.locator('canvas').first().boundingBox(),
    ]);
    expect(canvas?.width ?? Infinity).toBeLessThanOrEqual((outer?.width ?? 0) + 1);
  }
  await page.emulateMedia({ media: 'screen' });
});
