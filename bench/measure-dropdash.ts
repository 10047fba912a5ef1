import type { Browser, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { AnswersDocument } from '../src/lib/report/answers';
import { launchedBrowserPid, sampleMemory } from './memory';

export interface DropdashFigures {
  /** First contentful paint of the landing view, cold cache (a new browser context). */
  firstPaintMs: number;
  /** Script URLs the landing view fetched before any interaction. */
  landingScripts: string[];
  engineStartMs: number;
  /** From the engine's start to the end of its warm-up load (before it, the first drop runs cold code). */
  warmUpMs?: number;
  ingestMs: number;
  dropToDrawnMs: number;
  /** Dashboard queries after the load (all in the worker), then the first render until every chart is drawn. */
  queriesMs: number;
  drawMs: number;
  keepMs: number;
  filterMedianMs: number;
  filterP95Ms: number;
  /**
   * The first number range of the amount (the profile's inputs), until drawn: it waits for the amount's
   * range cube, built once the profile is done.
   */
  rangeFirstMs?: number;
  /** The ranges after it: every narrowed panel read from the range cube (its rows held in the worker), then drawn. */
  rangeMedianMs?: number;
  rangeP95Ms?: number;
  /** Every range's time, the first included, in order. */
  rangeTimesMs?: number[];
  /** The longest main-thread task from the drop until the dashboard is drawn. */
  longestTaskMs: number;
  /** The longest main-thread task while the file loads (from the drop until the engine has it), apart from drawing. */
  longestLoadTaskMs?: number;
  peakMemoryBytes: number;
  /** The tab's renderer process: its growth from before the drop to its peak (absent from older runs). */
  tabGrowthBytes?: number;
  /** What DuckDB holds once the data is kept, by its own count (`duckdb_memory()`). */
  engineMemoryBytes?: number;
  answers: AnswersDocument;
}

const LONG_TASKS = `(() => {
  window.__longest = 0;
  window.__tasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__longest = Math.max(window.__longest, e.duration);
      window.__tasks.push([e.startTime, e.duration]);
    }
  }).observe({ type: 'longtask', buffered: true });
})()`;

/** Time, in the page's clock, until the dashboard next reports data-state="ready" after `act`. */
const untilReady = `new Promise((resolve) => {
  const dash = document.querySelector('[data-testid="dashboard"]');
  const observer = new MutationObserver(() => {
    if (dash.dataset.state === 'ready') { observer.disconnect(); resolve(performance.now()); }
  });
  observer.observe(dash, { attributes: true, attributeFilter: ['data-state'] });
})`;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

/** Drives the built app as a user would: open, pick the file, wait for every panel, change the filter. */
export async function measureDropdash(browser: Browser, url: string, file: string): Promise<DropdashFigures> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(LONG_TASKS);
  const landingScripts: string[] = [];
  const onResponse = (response: { url(): string }) => {
    if (response.url().endsWith('.js')) landingScripts.push(new URL(response.url()).pathname);
  };
  page.on('response', onResponse);
  await page.goto(url);
  const engineStartMs = (await page
    .waitForFunction(
      () =>
        document.querySelector('[data-testid="engine-status"]')?.textContent?.includes('Engine ready') &&
        performance.now(),
      null,
      { polling: 'raf', timeout: 60_000 },
    )
    .then((h) => h.jsonValue())) as number;
  page.off('response', onResponse);
  // Once the engine runs, it warms up and the service worker stores its bundle (a 34 MB cache write): let
  // both finish, as they would while a visitor looks at the page, so the figures measure the load alone.
  const warmedAt = (await page
    .waitForFunction(
      () =>
        document.querySelector('[data-testid="engine-status"]:not([data-warm-up="running"])') &&
        performance.now(),
      null,
      { polling: 100, timeout: 60_000 },
    )
    .then((h) => h.jsonValue())) as number;
  await page
    .locator('[data-testid="offline-status"]:not([data-state="preparing"])')
    .waitFor({ timeout: 60_000 });
  const firstPaintMs = (await page.evaluate(
    `performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN`,
  )) as number;

  const pid = launchedBrowserPid();
  const memory = pid ? sampleMemory(pid) : null;
  await page.evaluate('window.__longest = 0; window.__tasks = []');
  const started = (await page.evaluate('performance.now()')) as number;
  const ready = page.evaluate(`(async () => { await new Promise((r) => {
    const wait = () => document.querySelector('[data-testid="dashboard"]') ? r() : requestAnimationFrame(wait); wait(); });
    return ${untilReady}; })()`) as Promise<number>;
  await page.getByTestId('file-input').setInputFiles(file);
  const drawnAt = await ready;
  const longestTaskMs = (await page.evaluate('window.__longest')) as number;
  const ingestMs = Number(await page.getByTestId('history-entry').first().getAttribute('data-ms'));
  const marks = (await page.evaluate(`Object.fromEntries(performance.getEntriesByType('mark')
    .filter((m) => m.name.startsWith('dropdash:')).map((m) => [m.name.slice(9), m.startTime]))`)) as Record<
    string,
    number
  >;
  const queriesMs = (marks.queried ?? NaN) - (marks.ingested ?? NaN);
  const tasks = (await page.evaluate('window.__tasks')) as [number, number][];
  const longestLoadTaskMs = Math.max(
    0,
    ...tasks.filter(([start]) => start < (marks.ingested ?? Infinity)).map(([, ms]) => ms),
  );
  const drawMs = drawnAt - (marks.queried ?? NaN);

  const keepStarted = Date.now();
  await page
    .getByTestId('storage-status')
    .filter({ hasText: 'Kept in this browser' })
    .waitFor({ timeout: 300_000 });
  const keepMs = Date.now() - keepStarted;
  const sampled = memory?.stop();
  const peakMemoryBytes = sampled?.peakBytes ?? NaN;
  const tabGrowthBytes = sampled?.tabGrowthBytes ?? NaN;
  const engineMemoryBytes = Number(
    await page.getByTestId('storage-status').getAttribute('data-engine-bytes'),
  );

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-answers').click(),
  ]);
  const answers = JSON.parse(readFileSync(await download.path(), 'utf8')) as AnswersDocument;

  const names = ['', ...answers.restaurants.map((r) => r.name)];
  const filterTimes: number[] = [];
  for (let i = 0; i < 20; i++) {
    const name = names[(i + 1) % names.length] as string;
    const ms = (await page.evaluate(`(async () => {
      const select = document.querySelector('[data-testid="restaurant-filter"]');
      const t0 = performance.now();
      const done = ${untilReady};
      select.value = ${JSON.stringify(name)};
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return (await done) - t0;
    })()`)) as number;
    filterTimes.push(ms);
  }
  const rangeTimes = await measureRanges(page);
  await context.close();
  return {
    firstPaintMs,
    landingScripts,
    engineStartMs,
    warmUpMs: warmedAt - engineStartMs,
    ingestMs,
    dropToDrawnMs: drawnAt - started,
    queriesMs,
    drawMs,
    keepMs,
    filterMedianMs: percentile(filterTimes, 50),
    filterP95Ms: percentile(filterTimes, 95),
    rangeFirstMs: rangeTimes[0],
    rangeMedianMs: percentile(rangeTimes.slice(1), 50),
    rangeP95Ms: percentile(rangeTimes.slice(1), 95),
    rangeTimesMs: rangeTimes.map((ms) => Math.round(ms)),
    longestTaskMs,
    longestLoadTaskMs,
    peakMemoryBytes,
    tabGrowthBytes,
    engineMemoryBytes,
    answers,
  };
}

/** Ranges of the amount typed into the profile's inputs (as a brush would set them), each until drawn. */
async function measureRanges(page: Page): Promise<number[]> {
  const form = page.locator('[data-testid="number-range"][data-column="food_cost"]');
  await form.waitFor({ state: 'attached', timeout: 600_000 });
  const [min, max] = (await form.evaluate((el) =>
    [...el.querySelectorAll('input')].map((i) => Number(i.value)),
  )) as [number, number];
  const times: number[] = [];
  // The first, then 20 as the filter's 20 changes: a p95 of fewer would be their maximum.
  for (let i = 0; i < 21; i++) {
    const [a, b] = i % 2 === 0 ? [0.25, 0.75] : [0.1, 0.5];
    const from = min + (max - min) * a;
    const to = min + (max - min) * b;
    const ms = (await page.evaluate(`(async () => {
      const form = document.querySelector('[data-testid="number-range"][data-column="food_cost"] form');
      const [from, to] = form.querySelectorAll('input');
      for (const [input, value] of [[from, ${from}], [to, ${to}]]) {
        input.value = String(value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
      const t0 = performance.now();
      const done = ${untilReady};
      form.requestSubmit();
      return (await done) - t0;
    })()`)) as number;
    times.push(ms);
  }
  return times;
}
