import type { Browser, Page } from '@playwright/test';
import { pickOnWarmPage } from './warm-page';

/** The model dashboard on the bench's events file: drop → drawn, then clicks, excludes and a brush. */
export interface EventsFigures {
  rows: number;
  bytes: number;
  date: string;
  dropToDrawnMs: number;
  /** The first interaction on each dimension, on its own (it may build what the next ones read). */
  firstPerDimensionMs: Record<string, number>;
  /** Every interaction after the first on each dimension. */
  interactionMedianMs: number;
  interactionP95Ms: number;
  interactions: number;
  longestTaskMs: number;
}

/** Time until the dashboard next reports ready after `act`, in the page's clock. */
async function timed(page: Page, act: string): Promise<number> {
  return (await page.evaluate(`(async () => {
    const dash = document.querySelector('[data-testid="dashboard"]');
    const t0 = performance.now();
    const done = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (dash.dataset.state === 'ready') { observer.disconnect(); resolve(performance.now()); }
      });
      observer.observe(dash, { attributes: true, attributeFilter: ['data-state'] });
    });
    ${act};
    return (await done) - t0;
  })()`)) as number;
}

const row = (dimension: string, n: number) =>
  `document.querySelectorAll('[data-testid="leaderboard"][data-dimension="${dimension}"] [data-testid="leaderboard-row"]')[${n}].click()`;
const exclude = (dimension: string) =>
  `document.querySelector('[data-testid="leaderboard"][data-dimension="${dimension}"] [data-testid="leaderboard-exclude"]').click()`;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

/**
 * Per dimension: a value picked (its first interaction), a second value OR-ed, "exclude", back to
 * "include", both values taken off; then a measure switch and a brush of the series. 8 dimensions: 50 in all.
 */
export async function measureEvents(
  browser: Browser,
  url: string,
  file: string,
  rows: number,
  bytes: number,
): Promise<EventsFigures> {
  const { context, page, started } = await pickOnWarmPage(browser, url, file);
  await page
    .locator('[data-testid="dashboard"][data-state="ready"] [data-testid="leaderboard"]')
    .first()
    .waitFor({ timeout: 1_200_000 });
  const drawnAt = (await page.evaluate('performance.now()')) as number;
  const dimensions = await page
    .getByTestId('leaderboard')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.dimension ?? ''));
  const firstPerDimensionMs: Record<string, number> = {};
  const later: number[] = [];
  for (const d of dimensions) {
    firstPerDimensionMs[d] = Math.round(await timed(page, row(d, 0)));
    later.push(await timed(page, row(d, 1)));
    later.push(await timed(page, exclude(d)));
    later.push(await timed(page, exclude(d)));
    later.push(await timed(page, row(d, 0)));
    later.push(await timed(page, row(d, 0)));
  }
  later.push(await timed(page, `document.querySelectorAll('[data-testid="kpi"]')[1].click()`));
  const chart = page.locator('[data-chart="timeseries"]');
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  if (box) {
    const brush = page.evaluate(`new Promise((resolve) => {
      const dash = document.querySelector('[data-testid="dashboard"]');
      const t0 = performance.now();
      const observer = new MutationObserver(() => {
        if (dash.dataset.state === 'ready') { observer.disconnect(); resolve(performance.now() - t0); }
      });
      observer.observe(dash, { attributes: true, attributeFilter: ['data-state'] });
    })`) as Promise<number>;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    later.push(await brush);
  }
  const longestTaskMs = (await page.evaluate('window.__longest')) as number;
  await context.close();
  return {
    rows,
    bytes,
    date: new Date().toISOString(),
    dropToDrawnMs: Math.round(drawnAt - started),
    firstPerDimensionMs,
    interactionMedianMs: Math.round(percentile(later, 50)),
    interactionP95Ms: Math.round(percentile(later, 95)),
    interactions: later.length + dimensions.length,
    longestTaskMs: Math.round(longestTaskMs),
  };
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The events figures as Markdown, one row per size. */
export function eventsTable(results: readonly EventsFigures[]): string {
  const lines = [
    '| rows (CSV), date | drop → every panel drawn | first interaction per dimension | later interactions: median / p95 (count) | longest main-thread task |',
    '|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.rows.toLocaleString('en-US')} (${(r.bytes / 1e6).toFixed(0)} MB), ${r.date.slice(0, 10)} | ${s(r.dropToDrawnMs)} | ${Object.entries(
          r.firstPerDimensionMs,
        )
          .map(([d, ms]) => `${d} ${ms} ms`)
          .join(
            ', ',
          )} | ${r.interactionMedianMs} / ${r.interactionP95Ms} ms (${r.interactions}) | ${r.longestTaskMs} ms |`,
    ),
  ];
  return lines.join('\n');
}
