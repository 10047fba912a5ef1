import { ensureRestaurantCsv } from '../../scripts/data/write-restaurant-csv';
import { downloadAnswers, expect, fixture, openApp, pickFiles, test, waitReady } from './fixtures';

// A real out-of-memory error from DuckDB: the engine is capped (as a data team can for one browser) and a
// file larger than the cap is dropped after a small one.
test('a file too large for the memory budget is refused with the size this browser takes; the data stays', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const big = ensureRestaurantCsv('.cache/e2e/restaurants-1m.csv', 1_000_000, 11);
  await page.addInitScript(() => localStorage.setItem('dropdash:memory-limit', '64MB'));
  await openApp(page);
  await pickFiles(page, [fixture('ties.csv')]);
  await waitReady(page);
  const before = await downloadAnswers(page);

  await pickFiles(page, [big]);
  const error = page.getByTestId('error');
  await expect(error).toContainText('"restaurants-1m.csv" is too large for this browser\'s memory');
  await expect(error).toContainText(/may use 6\d\.\d MiB here, enough for CSV files up to about 3\d MB/);
  await waitReady(page);
  const entry = page.getByTestId('history-entry').first();
  await expect(entry).toHaveAttribute('data-status', 'failed');
  const after = await downloadAnswers(page);
  expect({ ...after, generatedAt: '' }).toEqual({ ...before, generatedAt: '' });

  // The engine keeps working: another small file still loads.
  await pickFiles(page, [fixture('quoted.csv')]);
  await expect(page.getByTestId('history-entry').first()).toHaveAttribute('data-status', 'loaded');
  await waitReady(page);
});
