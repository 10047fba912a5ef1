import type { Browser, BrowserContext, Page } from '@playwright/test';

/**
 * A page of the app in a fresh context, its engine warmed up, watching main-thread tasks
 * (`window.__longest`), then the file picked: returns the page and the pick's time in the page's clock.
 */
export async function pickOnWarmPage(
  browser: Browser,
  url: string,
  file: string,
): Promise<{ context: BrowserContext; page: Page; started: number }> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page
    .locator('[data-testid="engine-status"]:not([data-warm-up="running"])')
    .waitFor({ timeout: 120_000 });
  await page.evaluate(
    `window.__longest = 0; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); }).observe({ type: 'longtask' })`,
  );
  const started = (await page.evaluate('performance.now()')) as number;
  await page.getByTestId('file-input').setInputFiles(file);
  return { context, page, started };
}
