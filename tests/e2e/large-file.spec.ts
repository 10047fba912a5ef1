import { ensureRestaurantCsv } from '../../scripts/data/write-restaurant-csv';
import { downloadAnswers, expect, fixture, openApp, pickFiles, test, waitReady } from './fixtures';

// About 250 MB: long enough to watch the progress and cancel half way on any machine.
const BIG_ROWS = 6_000_000;

declare global {
  interface Window {
    frames_: number;
    longestTask: number;
  }
}

test('a large file shows live progress, the page keeps responding, and Cancel keeps the earlier data', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const big = ensureRestaurantCsv('.cache/e2e/restaurants-6m.csv', BIG_ROWS, 6);
  await openApp(page);
  await pickFiles(page, [fixture('ties.csv')]);
  await waitReady(page);
  const before = await downloadAnswers(page);

  await page.evaluate(() => {
    window.frames_ = 0;
    window.longestTask = 0;
    const tick = () => {
      window.frames_++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        window.longestTask = Math.max(window.longestTask, entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  await pickFiles(page, [big]);
  const progress = page.getByTestId('load-progress');
  await expect(progress).toContainText('restaurants-6m.csv');
  await expect(progress).toContainText(/[1-9][\d.]* MB of 2\d\d MB read/);
  const framesAtProgress = await page.evaluate(() => window.frames_);
  await expect.poll(() => page.evaluate(() => window.frames_)).toBeGreaterThan(framesAtProgress + 5);

  await page.getByTestId('cancel-load').click();
  await expect(page.getByTestId('load-info')).toContainText('"restaurants-6m.csv" not loaded');
  await waitReady(page);
  const after = await downloadAnswers(page);
  expect({ ...after, generatedAt: '' }).toEqual({ ...before, generatedAt: '' });
  const longest = await page.evaluate(() => window.longestTask);
  console.log(`longest main-thread task while loading: ${Math.round(longest)} ms`);
});
