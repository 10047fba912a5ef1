import { dialectCorpus } from '../../scripts/data/dialect-corpus';
import { downloadAnswers, expect, fixture, openApp, pickFiles, test, waitReady } from './fixtures';

const corpus = dialectCorpus();
const dialects = (name: string) => fixture(`dialects/${name}`);

test('every dialect in the corpus loads the table a person expects; the data loaded first keeps its answers', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openApp(page);
  await pickFiles(page, [fixture('ties.csv')]);
  await waitReady(page);
  const before = await downloadAnswers(page);
  for (const file of corpus.filter((f) => f.columns < 100)) {
    await pickFiles(page, [dialects(file.name)]);
    const entry = page.getByTestId('history-entry').filter({ hasText: file.name }).first();
    await expect(entry, file.name).toHaveAttribute('data-status', 'loaded');
    await expect(entry, file.name).toHaveAttribute('data-rows', String(file.rows));
    await expect(entry, file.name).toHaveAttribute('data-columns', String(file.columns));
    await expect(entry, file.name).toHaveAttribute('data-rejected', String(file.rejected));
    if (file.note) await expect(entry, file.name).toContainText(file.note);
    await waitReady(page);
    // Text decoded right shows as it is written: a value of the first row, in its leaderboard.
    if (file.first.shown) {
      const board = page.locator(`[data-testid="leaderboard"][data-dimension="${file.first.column}"]`);
      await expect(
        board.getByTestId('leaderboard-row').filter({ hasText: file.first.value }),
        file.name,
      ).not.toHaveCount(0);
    }
  }
  await page.getByTestId('dataset-select').selectOption('1');
  await waitReady(page);
  const after = await downloadAnswers(page);
  expect({ ...after, generatedAt: '' }).toEqual({ ...before, generatedAt: '' });
});

test('a file of 2,000 columns loads, and its dashboard and profile are usable', async ({ page }) => {
  test.setTimeout(240_000);
  const wide = corpus.find((f) => f.columns >= 2000);
  if (!wide) throw new Error('the corpus has no wide file');
  await openApp(page);
  await pickFiles(page, [dialects(wide.name)]);
  const entry = page.getByTestId('history-entry').first();
  await expect(entry).toHaveAttribute('data-status', 'loaded', { timeout: 120_000 });
  await expect(entry).toHaveAttribute('data-columns', '2000');
  await expect(entry).toHaveAttribute('data-rows', String(wide.rows));
  await waitReady(page);
  await expect(page.getByTestId('kpi').first()).toBeVisible();
  const profile = page.getByTestId('profile-column');
  await expect(profile.first()).toBeVisible({ timeout: 120_000 });
  expect(await profile.count()).toBeLessThan(400);
  // Every picker offers every column (put on the page a slice a frame): the last one can be chosen.
  await page.getByText('Ask the five questions of this file').click();
  const amount = page.getByTestId('role-amount');
  await expect(amount.locator('option')).toHaveCount(2001);
  const last = (await amount.locator('option').last().getAttribute('value')) ?? '';
  expect(last).not.toBe('');
  await amount.selectOption(last);
  await expect(amount).toHaveValue(last);
  await waitReady(page);
});

test('read options read one file again: a header where none was found, and a failed reading changes nothing', async ({
  page,
}) => {
  await openApp(page);
  await pickFiles(page, [fixture('ties.csv')]);
  await waitReady(page);
  const before = await downloadAnswers(page);
  await pickFiles(page, [dialects('headerless.csv')]);
  await waitReady(page);
  const entries = page.getByTestId('history-entry');
  await expect(entries.first()).toHaveAttribute('data-rows', '40');
  const options = entries.first().getByTestId('read-options');
  await options.locator('summary').click();
  await expect(options.getByTestId('read-header')).not.toBeChecked();

  // Lines to skip past the end of the file: nothing to load, so the file stays as it was read.
  await options.getByTestId('read-skip').fill('500');
  await options.getByTestId('read-options-apply').click();
  await expect(entries.first()).toHaveAttribute('data-status', 'failed');
  await expect(entries.first()).toContainText('headerless.csv');
  await expect(page.getByTestId('dataset-select').locator('option')).toHaveCount(2);

  const stillLoaded = entries.filter({ has: page.getByTestId('read-options') }).first();
  await stillLoaded.getByTestId('read-options').locator('summary').click();
  await stillLoaded.getByTestId('read-skip').fill('0');
  await stillLoaded.getByTestId('read-header').check();
  await stillLoaded.getByTestId('read-options-apply').click();
  await expect(entries.first()).toHaveAttribute('data-status', 'loaded');
  await expect(entries.first()).toHaveAttribute('data-rows', '39');
  await expect(entries.first()).toHaveAttribute('data-columns', '4');
  await waitReady(page);
  // The first reading is gone, not added to: still two datasets, the new one named by the first line.
  const datasets = page.getByTestId('dataset-select').locator('option');
  await expect(datasets).toHaveCount(2);
  await expect(datasets.nth(1)).toContainText('39 rows');
  await expect(page.getByTestId('leaderboard').first()).toHaveAttribute('data-dimension', 'sensor-2');
  await page.getByTestId('dataset-select').selectOption('1');
  await waitReady(page);
  const after = await downloadAnswers(page);
  expect({ ...after, generatedAt: '' }).toEqual({ ...before, generatedAt: '' });
});
