import type { Browser } from '@playwright/test';
import { statSync } from 'node:fs';
import { launchedBrowserPid, sampleMemory } from './memory';

/** One file of the restaurant rows, dropped on a fresh page: its load, its dashboard, the browser's memory. */
export interface FileFigures {
  bytes: number;
  /** The load itself, as the history entry reports it. */
  loadMs: number;
  /** From the pick until the dashboard reports every panel drawn. */
  dropToDrawnMs: number;
  /** The browser's resident memory at its peak, from the drop until the data is kept (as for the CSV sizes). */
  peakMemoryBytes: number;
  /** The tab's own growth (its renderer process, where the page and its workers run) over the same span. */
  tabGrowthBytes?: number;
}

/** The same rows as Parquet and as CSV, each dropped on a page of its own. */
export interface ParquetFigures {
  rows: number;
  date: string;
  parquet: FileFigures;
  csv: FileFigures;
}

/** In the page: the time the dashboard is ready, or the reason the file failed (whichever comes first). */
const UNTIL_DRAWN = `new Promise((resolve) => {
  const done = () => {
    const failed = document.querySelector('[data-testid="history-entry"][data-status="failed"]');
    const ready = document.querySelector('[data-testid="dashboard"][data-state="ready"]');
    if (failed || ready) resolve({ at: performance.now(), failed: failed ? failed.textContent.trim() : null });
    return Boolean(failed || ready);
  };
  if (done()) return;
  const observer = new MutationObserver(() => { if (done()) observer.disconnect(); });
  observer.observe(document.body, {
    subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'data-status'],
  });
})`;

async function measureFile(browser: Browser, url: string, file: string, rows: number): Promise<FileFigures> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  // As for the CSV sizes: the engine warmed up and the service worker's cache written before the drop.
  await page
    .locator('[data-testid="engine-status"]:not([data-warm-up="running"])')
    .waitFor({ timeout: 120_000 });
  await page
    .locator('[data-testid="offline-status"]:not([data-state="preparing"])')
    .waitFor({ timeout: 60_000 });
  const pid = launchedBrowserPid();
  const memory = pid ? sampleMemory(pid) : null;
  const started = (await page.evaluate('performance.now()')) as number;
  const drawn = page.evaluate(UNTIL_DRAWN) as Promise<{ at: number; failed: string | null }>;
  await page.getByTestId('file-input').setInputFiles(file);
  const { at, failed } = await drawn;
  if (failed !== null) {
    memory?.stop();
    await context.close();
    throw new Error(`${file} did not load: ${failed}`);
  }
  const entry = page.getByTestId('history-entry').first();
  const loadMs = Number(await entry.getAttribute('data-ms'));
  const loadedRows = Number(await entry.getAttribute('data-rows'));
  if (loadedRows !== rows) console.warn(`  ${file}: ${loadedRows} rows loaded, ${rows} expected`);
  await page
    .getByTestId('storage-status')
    .filter({ hasText: /Kept in this browser|Not kept/ })
    .waitFor({ timeout: 300_000 });
  const measured = memory?.stop();
  await context.close();
  return {
    bytes: statSync(file).size,
    loadMs: Math.round(loadMs),
    dropToDrawnMs: Math.round(at - started),
    peakMemoryBytes: measured?.peakBytes ?? NaN,
    tabGrowthBytes: measured?.tabGrowthBytes ?? NaN,
  };
}

export async function measureParquet(
  browser: Browser,
  url: string,
  files: { rows: number; parquet: string; csv: string },
): Promise<ParquetFigures> {
  const parquet = await measureFile(browser, url, files.parquet, files.rows);
  const csv = await measureFile(browser, url, files.csv, files.rows);
  return { rows: files.rows, date: new Date().toISOString().slice(0, 10), parquet, csv };
}

export function parquetTable(figures: readonly ParquetFigures[]): string {
  const mb = (bytes: number | undefined) =>
    bytes !== undefined && Number.isFinite(bytes) ? `${(bytes / 1e6).toFixed(0)} MB` : '—';
  const line = (rows: number, format: string, f: FileFigures, date: string) =>
    `| ${rows.toLocaleString('en-US')} | ${format} | ${(f.bytes / 1e6).toFixed(1)} MB | ` +
    `${(f.loadMs / 1000).toFixed(2)} s | ${(f.dropToDrawnMs / 1000).toFixed(2)} s | ` +
    `${mb(f.peakMemoryBytes)} | ${mb(f.tabGrowthBytes)} | ${date} |`;
  return [
    '| rows | file | size | load | drop → drawn | browser memory peak | tab growth | measured |',
    '|---|---|---|---|---|---|---|---|',
    ...figures.flatMap((f) => [
      line(f.rows, 'Parquet', f.parquet, f.date),
      line(f.rows, 'CSV', f.csv, f.date),
    ]),
  ].join('\n');
}

/** The new sizes replace those of the same rows; other sizes keep their latest run. */
export function mergeParquet(previous: ParquetFigures[], latest: ParquetFigures[]): ParquetFigures[] {
  const sizes = new Set(latest.map((p) => p.rows));
  return [...previous.filter((p) => !sizes.has(p.rows)), ...latest].sort((a, b) => a.rows - b.rows);
}

/** The section of docs/benchmarks.md, with the command that measures its sizes; empty with none. */
export function parquetSection(figures: readonly ParquetFigures[]): string {
  if (figures.length === 0) return '';
  const command = `npm run bench -- --sizes '' --events '' --wide '' --parquet ${figures.map((f) => f.rows).join(',')}`;
  return (
    `\n\n## Parquet next to CSV\n\nThe restaurant rows written as Parquet by native DuckDB (snappy, its default ` +
    `row groups; food_cost a double, the rest text), then the Parquet file and the CSV of the same rows, each ` +
    `dropped on a page of its own: the load (as the history entry reports it), the drop until every panel is ` +
    `drawn, and the browser's memory peak from the drop until the data is kept. \`${command}\`\n\n` +
    parquetTable(figures) +
    `\n\nWhere a Parquet load goes (3 million rows, timing marks put around each step of \`ingestTable\` for one ` +
    `run, 2026-12-07): DuckDB-WASM taking the Arrow batches (\`insertArrowFromIPCStream\`) ~1.8 s, moving them ` +
    `into the dataset table as text ~1.3 s, waiting for the reader ~0.25 s (parquet-wasm decodes the next batch ` +
    `in its own worker meanwhile; 2.3 s for the whole file when measured alone). Batches of 262,144 rows ` +
    `instead of 65,536 took it from 5.2 s to 4.6 s in one A/B. The Parquet file is 14× smaller than the CSV, ` +
    `but its load is slower: the rows cross from Arrow to DuckDB's table and again to text. ` +
    `The load took 5.2 s before the change below and 5.9 s and 8.3 s after it, in three runs of one day (±40 % here). Its memory peak was above the CSV's (1881 vs 1685 MB, 2026-12-08) until the batches were ` +
    `gathered outside the file's transaction: DuckDB-WASM 1.4.3 holds a table created and dropped inside a ` +
    `transaction until it ends, so every staged batch stayed (measured with \`duckdb_memory()\` in Node, 3M ` +
    `rows of three text columns: 524 MB held at the last batch inside a transaction, 90 MB outside). Now the ` +
    `rows go into a load table batch by batch, and the transaction only renames it into the dataset ` +
    `(\`src/lib/engine/ingest-table.ts\`, its test fails on the old way).`
  );
}
