import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '/work/main/tests/chromium';
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
page.on('console', (m) => console.log(`[console.${m.type()}]`, m.text().slice(0, 500)));
page.on('pageerror', (e) => console.log('[pageerror]', e.message));
await page.goto('http://127.0.0.1:4173/');
await page.getByTestId('engine-status').filter({ hasText: 'Engine ready' }).waitFor({ timeout: 30_000 });
await page.getByTestId('load-sample').click();
for (let i = 0; i < 8; i++) {
  await page.waitForTimeout(1000);
  const st = await page
    .locator('[data-testid="dashboard"]')
    .getAttribute('data-state')
    .catch(() => 'none');
  const charts = await page
    .locator('[data-chart]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-chart') + ':' + e.getAttribute('data-drawn')));
  console.log(i, st, charts.join(' '));
}
console.log((await page.locator('main').innerText()).slice(0, 1500));
await page.screenshot({ path: '/work/main/test-results/screens/debug.png', fullPage: true });
await browser.close();
