import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import {
  dashboard,
  downloadAnswers,
  expect,
  expectChartsDrawn,
  expectedAnswers,
  expectSameAnswers,
  fixture,
  openApp,
  test,
  waitReady,
} from './fixtures';

const FOLDER = 'watched-orders';

/**
 * Playwright cannot answer Chromium's folder dialog, so the page's `showDirectoryPicker` returns a real
 * folder instead: one in this origin's private file system, which the test writes into. Everything after
 * the dialog (listing, reading, loading) is the app's own code on a real directory handle.
 */
async function pickerGivesTestFolder(page: Page): Promise<void> {
  await page.addInitScript((folder) => {
    (
      window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }
    ).showDirectoryPicker = async () =>
      (await navigator.storage.getDirectory()).getDirectoryHandle(folder, { create: true });
  }, FOLDER);
}

/** Writes a file into the watched folder the way an editor or an export job would. */
async function writeIntoFolder(page: Page, name: string, path: string): Promise<void> {
  const base64 = readFileSync(path).toString('base64');
  await page.evaluate(
    async ({ folder, name, base64 }) => {
      const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(folder, { create: true });
      const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
      await writable.write(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
      await writable.close();
    },
    { folder: FOLDER, name, base64 },
  );
}

const entry = (page: Page, name: string) => page.getByTestId('history-entry').filter({ hasText: name });

test('a watched folder: each new CSV is loaded once, a copy is skipped, a bad file says why', async ({
  page,
}) => {
  await pickerGivesTestFolder(page);
  await openApp(page);
  await writeIntoFolder(page, 'part-1.csv', fixture('part-1.csv'));
  await page.getByTestId('watch-folder').click();
  await expect(page.getByTestId('watch-folder-name')).toHaveText(FOLDER);

  // A file already in the folder is loaded like a drop.
  await expect(entry(page, 'part-1.csv')).toHaveAttribute('data-status', 'loaded');
  await waitReady(page);
  expectSameAnswers(await downloadAnswers(page), expectedAnswers([fixture('part-1.csv')]));
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  // A new file: appended, and the dashboard redraws in place (same document, the first file not read again).
  await writeIntoFolder(page, 'part-2.csv', fixture('part-2.csv'));
  await expect(entry(page, 'part-2.csv')).toHaveAttribute('data-status', 'loaded');
  await expect(page.getByTestId('sources')).toContainText('part-2.csv');
  await waitReady(page);
  expectSameAnswers(
    await downloadAnswers(page),
    expectedAnswers([fixture('part-1.csv'), fixture('part-2.csv')]),
  );
  await expectChartsDrawn(page);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(
    true,
  );
  await expect(entry(page, 'part-1.csv')).toHaveCount(1);

  // The same content under another name is skipped; a file that is not text fails with its reason.
  await writeIntoFolder(page, 'part-2 (copy).csv', fixture('part-2.csv'));
  await expect(entry(page, 'part-2 (copy).csv')).toHaveAttribute('data-status', 'skipped');
  await writeIntoFolder(page, 'not-a-csv.csv', fixture('not-a-csv.csv'));
  await expect(entry(page, 'not-a-csv.csv')).toHaveAttribute('data-status', 'failed');
  await expect(entry(page, 'not-a-csv.csv')).toContainText('not-a-csv.csv');
  await expect(page.getByTestId('watch-figures')).toContainText('4 data files found');
  await expect(page.getByTestId('watch-figures')).toContainText('4 files loaded since watching began');
  await waitReady(page);
  expectSameAnswers(
    await downloadAnswers(page),
    expectedAnswers([fixture('part-1.csv'), fixture('part-2.csv')]),
  );
  await expect(page.getByTestId('history-entry')).toHaveCount(4);

  // Stopped: new files stay where they are.
  await page.getByTestId('watch-stop').click();
  await expect(page.getByTestId('watch-status')).toHaveCount(0);
  await expect(page.getByTestId('watch-folder')).toBeVisible();
  await writeIntoFolder(page, 'ties.csv', fixture('ties.csv'));
  await page.waitForTimeout(5000); // two and a half polls' worth
  await expect(page.getByTestId('history-entry')).toHaveCount(4);
  await expect(dashboard(page)).toHaveAttribute('data-state', 'ready');
});

test('where the browser has no folder access, the button says why and drops still work', async ({ page }) => {
  await page.addInitScript(() => {
    delete (window as unknown as { showDirectoryPicker?: unknown }).showDirectoryPicker;
  });
  await openApp(page);
  const button = page.getByTestId('watch-folder');
  await expect(button).toHaveAttribute('aria-disabled', 'true');
  await button.focus();
  await expect(page.getByTestId('watch-unsupported')).toBeVisible();
  await expect(page.getByTestId('watch-unsupported')).toContainText('File System Access API');
  await page.getByTestId('file-input').setInputFiles([fixture('ties.csv')]);
  await waitReady(page);
  await expect(entry(page, 'ties.csv')).toHaveAttribute('data-status', 'loaded');
});
