// Looks at the built app the way a person would, and saves PNGs.
// Usage (with `npm start` running): npx tsx scripts/screenshot.ts [baseUrl] [outDir] [file.csv,...]
// Without files: the landing view, the sample dashboard, and the sample with all restaurants.
// With files: the page after picking them, as files.png.
import { chromium } from '@playwright/test';
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
}
await browser.close();
