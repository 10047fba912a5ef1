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
});
