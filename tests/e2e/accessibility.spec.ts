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

test('on a phone (390 px wide) nothing runs off the right edge: landing, two dashboards, a share link', async ({
  browser,
}) => {
  let page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  /** Elements that stick out past the viewport and are not inside a box that scrolls them. */
  const overflowing = () =>
    page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const out: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('body *')) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.right <= width + 1) continue;
        let scrolled = false;
        for (let p = el.parentElement; p && !scrolled; p = p.parentElement)
          scrolled =
            getComputedStyle(p).overflowX !== 'visible' && p.getBoundingClientRect().right <= width + 1;
        if (!scrolled) out.push(`${el.tagName.toLowerCase()} ${el.dataset.testid ?? el.className}`);
      }
      return { scrollWidth: document.documentElement.scrollWidth, out: out.slice(0, 8) };
    });
  const expectFits = async (what: string) =>
    expect(await overflowing(), what).toEqual({ scrollWidth: 390, out: [] });

  await openApp(page);
  await expectFits('landing view');
  await page.getByTestId('load-sample').click();
  await waitReady(page);
  await expectFits('the sample dashboard');
  await pickFiles(page, [fixture('incidents.csv')]);
  await waitReady(page);
  await expectFits('the incident log dashboard');
  await expect(page.getByTestId('share-link')).toHaveAttribute('data-status', 'ready');
  const link = await page.getByTestId('share-link').inputValue();
  // Opened where no data is kept, as a colleague would open it.
  page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await page.goto(link);
  await waitReady(page);
  await expectFits('the incident log snapshot');
});
