import {
  downloadAnswers,
  dropFiles,
  expect,
  expectChartsDrawn,
  expectedAnswers,
  expectSameAnswers,
  fixture,
  openApp,
  SAMPLE,
  test,
  waitReady,
} from './fixtures';

test('the app can be installed, and after one visit it opens and loads files with no network', async ({
  page,
  context,
}) => {
  await openApp(page);
  await expect(page.getByTestId('offline-status')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('offline-status')).toHaveText('Works offline');

  // Chromium's own verdict on the manifest, icons and service worker. A test context is incognito-like,
  // where Chromium never offers installing: that is the one objection allowed.
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors.map((e) => e.errorId)).toEqual(['in-incognito']);
  const manifest = await cdp.send('Page.getAppManifest');
  expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
  expect(manifest.errors).toEqual([]);

  await context.setOffline(true);
  const fromNetwork: string[] = [];
  page.on('response', (response) => {
    if (/^https?:/.test(response.url()) && !response.fromServiceWorker()) fromNetwork.push(response.url());
  });
  await page.reload();
  await expect(page.getByTestId('engine-status')).toContainText('Engine ready', { timeout: 30_000 });
  await expect(page.getByTestId('offline-status')).toHaveText('Works offline');

  await dropFiles(page, [fixture('part-1.csv')]);
  await waitReady(page);
  expectSameAnswers(await downloadAnswers(page), expectedAnswers([fixture('part-1.csv')]));
  await expectChartsDrawn(page);
  // Parquet's reader (its own worker and WebAssembly) is kept for offline use too.
  await dropFiles(page, [fixture('formats/weather.parquet')]);
  await waitReady(page);
  await expect(page.getByTestId('history-entry').first()).toHaveAttribute('data-status', 'loaded');
  expect(fromNetwork, 'responses that did not come from the service worker').toEqual([]);
});

test('the sample is one click away offline too', async ({ page, context }) => {
  await openApp(page);
  await expect(page.getByTestId('offline-status')).toHaveAttribute('data-state', 'ready');
  await context.setOffline(true);
  await page.reload();
  await openApp(page);
  await page.getByTestId('load-sample').click();
  await waitReady(page);
  expectSameAnswers(await downloadAnswers(page), expectedAnswers([SAMPLE]));
  // The Parquet sample's byte ranges are cut from the stored file.
  await page.goto('./?open=sample/weather.parquet');
  const weather = page.getByTestId('history-entry').filter({ hasText: 'weather.parquet' });
  await expect(weather).toHaveAttribute('data-status', 'loaded', { timeout: 30_000 });
  await expect(weather).toContainText('1,461 rows');
});
