// Looks at the built app the way a person would, and saves PNGs.
// Usage (with `npm start` running): npx tsx scripts/screenshot.ts [baseUrl] [outDir] [file.csv,...]
// Without files: the landing view, the sample dashboard, the sample with all restaurants, and its
// snapshots: the share link re-opened, the HTML report opened from disk offline, and its print view.
// With files: the page after picking them, as files.png.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../tests/chromium';

const baseUrl = process.argv[2] ?? 'http://127.0.0.1:4173/';
const outDir = process.argv[3] ?? 'test-results/screens';
const files = process.argv[4]?.split(',');

const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
page.on('pageerror', (e) => console.log('[pageerror]', e.message));
await page.goto(baseUrl);
await page.getByTestId('engine-status').filter({ hasText: 'Engine ready' }).waitFor({ timeout: 30_000 });
const settled = page.locator('[data-testid="dashboard"]:not([data-state="loading"])');

if (files) {
  await page.getByTestId('file-input').setInputFiles(files);
  await settled.waitFor({ timeout: 60_000 });
  await page.screenshot({ path: `${outDir}/files.png`, fullPage: true });
} else {
  await page.screenshot({ path: `${outDir}/landing.png`, fullPage: true });
  const started = Date.now();
  await page.getByTestId('load-sample').click();
  await page.locator('[data-testid="dashboard"][data-state="ready"]').waitFor({ timeout: 60_000 });
  console.log(`sample ready in ${Date.now() - started} ms`);
  await page.screenshot({ path: `${outDir}/dashboard.png`, fullPage: true });
  await page.getByTestId('restaurant-filter').selectOption('');
  await page.locator('[data-testid="dashboard"][data-state="ready"]').waitFor();
  await page.screenshot({ path: `${outDir}/dashboard-all.png`, fullPage: true });
  await screenshotSnapshots(page);
}
await browser.close();

async function screenshotSnapshots(app: Page): Promise<void> {
  const field = app.locator('[data-testid="share-link"][data-status="ready"]');
  await field.waitFor({ timeout: 30_000 });
  const link = await field.inputValue();
  const [download] = await Promise.all([
    app.waitForEvent('download'),
    app.getByTestId('export-html').click(),
  ]);
  const report = resolve(outDir, 'snapshot-report.html');
  await download.saveAs(report);
  console.log(`share link: ${link.length} characters; HTML report: ${statSync(report).size} bytes`);
  const ready = (p: Page) =>
    p.locator('[data-testid="dashboard"][data-state="ready"]').waitFor({ timeout: 30_000 });
  const linked = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  await linked.goto(link);
  await ready(linked);
  await linked.screenshot({ path: `${outDir}/snapshot-link.png` });
  const offline = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  await offline.route('**', (route) =>
    route.request().url().startsWith('file:') ? route.continue() : route.abort(),
  );
  const file = await offline.newPage();
  await file.goto(`file://${report}`);
  await ready(file);
  await file.screenshot({ path: `${outDir}/snapshot-report.png`, fullPage: true });
  await file.emulateMedia({ media: 'print' });
  await file.screenshot({ path: `${outDir}/snapshot-print.png`, fullPage: true });
  await file.pdf({ path: `${outDir}/snapshot-report.pdf`, printBackground: true, preferCSSPageSize: true });
}
