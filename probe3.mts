import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './tests/chromium';
const [url, file] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
await page.goto(url);
await page.getByTestId('file-input').setInputFiles(file);
await page.locator('[data-testid="number-range"][data-column="food_cost"]').waitFor({ state: 'attached', timeout: 600_000 });
await page.waitForTimeout(3000);
const names = await page.locator('[data-testid="restaurant-filter"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
for (let i = 0; i < 10; i++) {
  const name = names[(i + 1) % names.length];
  const r = await page.evaluate(`(async () => {
    const dash = document.querySelector('[data-testid="dashboard"]');
    const done = new Promise((resolve) => { const o = new MutationObserver(() => { if (dash.dataset.state === 'ready') { o.disconnect(); resolve(performance.now()); } }); o.observe(dash, { attributes: true, attributeFilter: ['data-state'] }); });
    const select = document.querySelector('[data-testid="restaurant-filter"]');
    performance.clearMarks();
    const t0 = performance.now();
    select.value = ${JSON.stringify(name)};
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const end = await done;
    const m = (n) => (performance.getEntriesByName('dropdash:' + n)[0]?.startTime ?? NaN) - t0;
    return { total: Math.round(end - t0), queried: Math.round(m('scope-queried')) };
  })()`);
  console.log(JSON.stringify(r));
}
await browser.close();
