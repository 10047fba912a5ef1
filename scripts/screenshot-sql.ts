// Looks at the SQL console the way a person would, and saves PNGs: a result with its chart, an error,
// a million-row result scrolled to the end, and the query panel added to the dashboard.
// Usage (with `npm start` running): npx tsx scripts/screenshot-sql.ts [baseUrl] [outDir]
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../tests/chromium';

const baseUrl = process.argv[2] ?? 'http://127.0.0.1:4173/';
const outDir = process.argv[3] ?? 'test-results/screens';

const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
page.on('pageerror', (e) => console.log('[pageerror]', e.message));
page.on('console', (m) => {
  if (m.type() === 'error') console.log('[console]', m.text());
});
await page.goto(baseUrl);
await page.getByTestId('engine-status').filter({ hasText: 'Engine ready' }).waitFor({ timeout: 30_000 });
await page.getByTestId('load-sample').click();
await page.locator('[data-testid="dashboard"][data-state="ready"]').waitFor({ timeout: 60_000 });
await page.getByTestId('sql-toggle').click();
const content = page.getByTestId('sql-editor').locator('.cm-content');
await content.waitFor();
await page.getByTestId('sql-schema').locator('summary').first().waitFor();

async function run(sql: string): Promise<void> {
  await content.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(sql);
  const started = Date.now();
  await page.keyboard.press('ControlOrMeta+Enter');
  await page
    .locator('[data-testid="sql-status"], [data-testid="sql-error"]')
    .first()
    .waitFor({ timeout: 60_000 });
  await page.getByTestId('sql-run').and(page.locator(':enabled')).waitFor({ timeout: 60_000 });
  console.log(`${sql.split('\n')[0]}: shown in ${Date.now() - started} ms`);
}
const shoot = (page: Page, name: string) =>
  page.getByTestId('sql-section').screenshot({ path: `${outDir}/${name}.png` });

// The table of the loaded rows, found by its columns (table names belong to the models).
const tables = page.getByTestId('sql-schema').locator('li:has(> details)');
let table = '';
for (const item of await tables.all()) {
  const columns = await item.locator('.columns li').allTextContents();
  if (columns.includes('food_names')) table = (await item.locator('.name').textContent()) ?? '';
}
await run(
  `-- Revenue per dish\nSELECT trim(food_names) AS dish, count(*) AS orders,\n  sum(try_cast(food_cost AS DECIMAL(18, 2))) AS revenue\nFROM "${table}"\nGROUP BY ALL\nORDER BY revenue DESC`,
);
await page.locator('[data-testid="sql-chart"][data-state="ready"] [data-drawn="true"]').waitFor();
await page.getByTestId('sql-chart-y').selectOption('revenue');
await page.locator('[data-testid="sql-chart"][data-state="ready"] [data-drawn="true"]').waitFor();
await shoot(page, 'sql-result');

await page.getByTestId('sql-panel-title').fill('Revenue per dish');
await page.getByTestId('sql-add-to-dashboard').click();
await page.getByTestId('query-panel').locator('[data-drawn="true"]').waitFor();
await page.getByTestId('query-panel').screenshot({ path: `${outDir}/sql-panel.png` });
await page.locator('[data-testid="dashboard"][data-state="ready"]').waitFor();
await page.screenshot({ path: `${outDir}/sql-dashboard.png`, fullPage: true });

// Completion of column and table names from the engine's catalog.
await content.click();
await page.keyboard.press('ControlOrMeta+a');
await page.keyboard.press('Delete');
await page.keyboard.type('SELECT food_n');
await page.locator('.cm-tooltip-autocomplete').waitFor();
await shoot(page, 'sql-completion');

await run('SELECT trim(food_names) AS dish,\n  sum(food_cost) AS revenue\nFROMM orders');
await page.getByTestId('sql-error').waitFor();
await shoot(page, 'sql-error');

await run('SELECT range AS i, range * 2 AS doubled, NULL AS nothing FROM range(1000000)');
const viewport = page.getByTestId('sql-results').locator('[role="table"]');
const started = Date.now();
await viewport.evaluate((v) => v.scrollTo({ top: v.scrollHeight }));
await page.locator('[role="row"][aria-rowindex="1000001"]').waitFor();
console.log(`scrolled to row 1,000,000 in ${Date.now() - started} ms`);
await shoot(page, 'sql-million');
await browser.close();
