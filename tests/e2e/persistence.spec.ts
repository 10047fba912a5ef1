import type { Page } from '@playwright/test';
import {
  dashboard,
  downloadAnswers,
  expect,
  expectedAnswers,
  expectedMappedAnswers,
  expectSameAnswers,
  fixture,
  openApp,
  pickFiles,
  test,
  waitReady,
} from './fixtures';

/** The names of every file this origin keeps in its private file system. */
async function storedFiles(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const names: string[] = [];
    const walk = async (dir: FileSystemDirectoryHandle, prefix: string) => {
      for await (const [name, handle] of dir as unknown as AsyncIterable<[string, FileSystemHandle]>) {
        if (handle.kind === 'directory') await walk(handle as FileSystemDirectoryHandle, `${prefix}${name}/`);
        else names.push(`${prefix}${name}`);
      }
    };
    await walk(await navigator.storage.getDirectory(), '');
    return names.sort();
  });
}

const kept = (page: Page) => expect(page.getByTestId('storage-status')).toContainText('Kept in this browser');
const withoutTime = <T extends { generatedAt: string }>(doc: T) => ({ ...doc, generatedAt: '' });

test('loaded data and its history come back after a reload, and more files can be added', async ({
  page,
}) => {
  await openApp(page);
  await pickFiles(page, [fixture('part-1.csv'), fixture('empty.csv')]);
  await waitReady(page);
  await kept(page);
  const before = await downloadAnswers(page);

  await page.reload();
  await openApp(page);
  await waitReady(page);
  expect(withoutTime(await downloadAnswers(page))).toEqual(withoutTime(before));
  const entries = page.getByTestId('history-entry');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(1)).toHaveAttribute('data-status', 'loaded');
  await expect(entries.nth(0)).toHaveAttribute('data-status', 'failed');

  await pickFiles(page, [fixture('part-2.csv')]);
  await expect(page.getByTestId('sources')).toContainText('part-2.csv');
  await waitReady(page);
  await expect(page.getByTestId('storage-status')).toContainText('2 files');
  await page.reload();
  await openApp(page);
  await waitReady(page);
  expectSameAnswers(
    await downloadAnswers(page),
    expectedAnswers([fixture('part-1.csv'), fixture('part-2.csv')]),
  );
});

test('Remove all data deletes everything kept, after a confirmation', async ({ page }) => {
  await openApp(page);
  await pickFiles(page, [fixture('ties.csv')]);
  await waitReady(page);
  await kept(page);
  expect(await storedFiles(page)).toEqual(
    expect.arrayContaining(['dropdash-v1.duckdb', 'dropdash-v1.history.json']),
  );
  page.once('dialog', (dialog) => expect(dialog.message()).toContain('everything kept in this browser'));
  await page.getByTestId('clear-data').click();
  await expect(page.getByTestId('load-sample')).toBeVisible();
  // The history is deleted and the database file holds no rows any more (DuckDB keeps the emptied file).
  expect(await storedFiles(page)).not.toContain('dropdash-v1.history.json');
  await page.reload();
  await openApp(page);
  await expect(page.getByTestId('load-sample')).toBeVisible();
  await expect(dashboard(page)).toHaveCount(0);
});

test('datasets, their columns and the roles chosen come back after a reload', async ({ page }) => {
  await openApp(page);
  await pickFiles(page, [fixture('part-1.csv')]);
  await waitReady(page);
  const restaurants = await downloadAnswers(page);
  await pickFiles(page, [fixture('sales.csv')]);
  await waitReady(page);
  await page.getByTestId('role-place').selectOption('channel');
  await waitReady(page);
  await kept(page);
  // The remapped cube is what is kept, not the one built at load time.
  const sales = await downloadAnswers(page);

  await page.reload();
  await openApp(page);
  await waitReady(page);
  await expect(page.getByTestId('dataset-select').locator('option')).toHaveCount(2);
  await expect(page.getByTestId('role-place')).toHaveValue('channel');
  expect(withoutTime(await downloadAnswers(page))).toEqual(withoutTime(sales));
  expectSameAnswers(
    sales,
    expectedMappedAnswers([fixture('sales.csv')], {
      place: 'channel',
      item: 'product',
      customer: 'client',
      amount: 'unit_price',
      date: 'order_date',
    }),
  );
  await page.getByTestId('dataset-select').selectOption('1');
  await waitReady(page);
  expect(withoutTime(await downloadAnswers(page))).toEqual(withoutTime(restaurants));
});

test('a file brought back from storage is read again with other options once it is picked again; the reading is kept', async ({
  page,
}) => {
  await openApp(page);
  await pickFiles(page, [fixture('dialects/headerless.csv')]);
  await waitReady(page);
  await kept(page);

  await page.reload();
  await openApp(page);
  await waitReady(page);
  const entry = page.getByTestId('history-entry').first();
  await expect(entry).toHaveAttribute('data-rows', '40');
  const options = entry.getByTestId('read-options');
  await options.locator('summary').click();
  await options.getByTestId('read-header').check();
  await expect(options.getByTestId('read-options-apply')).toBeDisabled();
  await options.getByTestId('read-file').setInputFiles(fixture('dialects/headerless.csv'));
  await options.getByTestId('read-options-apply').click();
  const latest = page.getByTestId('history-entry').first();
  await expect(latest).toHaveAttribute('data-rows', '39');
  await waitReady(page);
  await expect(page.getByTestId('dataset-select')).toHaveCount(0);
  await expect(page.getByTestId('leaderboard').first()).toHaveAttribute('data-dimension', 'sensor-2');
  await expect(page.getByTestId('storage-status')).toContainText('1 file');

  // The new reading is what comes back; the old one is gone from storage too.
  await page.reload();
  await openApp(page);
  await waitReady(page);
  await expect(page.getByTestId('dataset-select')).toHaveCount(0);
  await expect(page.getByTestId('leaderboard').first()).toHaveAttribute('data-dimension', 'sensor-2');
});
