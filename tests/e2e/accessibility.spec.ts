import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, fixture, openApp, pickFiles, SAMPLE, test, waitReady } from './fixtures';

/** axe-core over what a user meets: no serious or critical violation on the landing view or a dashboard. */
async function expectAccessible(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ') ?? ''} ${v.nodes[0]?.failureSummary ?? ''}`,
    );
  expect(serious, `${what}: serious or critical axe violations`).toEqual([]);
}

test('the landing view', async ({ page }) => {
  await openApp(page);
  await expectAccessible(page, 'landing view');
});

for (const name of ['weather.csv', 'incidents.csv', 'events.csv', 'readings.csv', 'trees.csv']) {
  test(`the dashboard of ${name}, with a filter`, async ({ page }) => {
    await openApp(page);
    await pickFiles(page, [fixture(name)]);
    await waitReady(page);
    const row = page.getByTestId('leaderboard-row').first();
    if ((await row.count()) > 0) {
      await row.click();
      await waitReady(page);
    }
    await expectAccessible(page, name);
  });
}

test('the sample dashboard, a place selected and every column open', async ({ page }) => {
  await openApp(page);
  await pickFiles(page, [SAMPLE]);
  await waitReady(page);
  await page.getByTestId('restaurant-filter').selectOption({ index: 1 });
  await page.getByTestId('every-column').click();
  await waitReady(page);
  await expectAccessible(page, 'sample');
});

test('leaderboards, chips and the model panel work from the keyboard', async ({ page }) => {
  await openApp(page);
  await pickFiles(page, [fixture('weather.csv')]);
  await waitReady(page);
  const rain = page.locator('[data-testid="leaderboard-row"][data-value="rain"]');
  await rain.focus();
  await page.keyboard.press('Enter');
  const chip = page.locator('[data-testid="filter-chip"][data-column="weather"]');
  await expect(chip).toContainText('rain');
  await waitReady(page);
  await page.keyboard.press('Space');
  await expect(chip).toHaveCount(0);
  await waitReady(page);
  // Add a measure with the keyboard only: a select, another select, a button.
  await page.getByTestId('model-measure-column').focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid="kpi"][data-measure="distinct:weather"]')).toHaveCount(1);
});
