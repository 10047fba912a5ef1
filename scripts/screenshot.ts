// Looks at the built app the way a person would: landing, then the sample dashboard, as PNGs.
// Usage: npx tsx scripts/screenshot.ts [baseUrl] [outDir]   (with `npm run preview` running)
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../tests/chromium';

const baseUrl = process.argv[2] ?? 'http://127.0.0.1:4173/';
const outDir = process.argv[3] ?? 'test-results/screens';

const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
page.on('console', (m) => console.log(`[console.${m.type()}]`, m.text()));
page.on('pageerror', (e) => console.log('[pageerror]', e.message));
await page.goto(baseUrl);
await page.getByTestId('engine-status').filter({ hasText: 'Engine ready' }).waitFor({ timeout: 30_000 });
await page.screenshot({ path: `${outDir}/landing.png`, fullPage: true });
const started = Date.now();
await page.getByTestId('load-sample').click();
await page.locator('[data-testid="dashboard"][data-state="ready"]').waitFor({ timeout: 60_000 });
console.log(`sample ready in ${Date.now() - started} ms`);
await page.screenshot({ path: `${outDir}/dashboard.png`, fullPage: true });
await page.getByTestId('restaurant-filter').selectOption('');
await page.locator('[data-testid="dashboard"][data-state="ready"]').waitFor();
await page.screenshot({ path: `${outDir}/dashboard-all.png`, fullPage: true });
await browser.close();
