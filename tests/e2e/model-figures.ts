import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
  filtered,
  leaderboard,
  measure,
  parseCsv,
  type OracleFilter,
  type OracleRecord,
} from '../support/metrics-oracle';
import { expect, fixture, waitReady } from './fixtures';

/** The model dashboard's figures read from the page, against Papa Parse + TypeScript. */

export const records = (name: string) => parseCsv(readFileSync(fixture(name), 'utf8'));
export const model = (page: Page) => page.getByTestId('model-dashboard');
export const board = (page: Page, column: string) =>
  model(page).locator(`[data-testid="leaderboard"][data-dimension="${column}"]`);

/**
 * Clicks a leaderboard row and waits for the page to settle: a board's rows re-rank as filters change,
 * so a click made mid-redraw could land on another value.
 */
export async function pick(page: Page, column: string, value: string) {
  const row = board(page, column).locator(`[data-testid="leaderboard-row"][data-value="${value}"]`);
  const pressed = await row.getAttribute('aria-pressed');
  await row.click();
  await expect(row).toHaveAttribute('aria-pressed', pressed === 'true' ? 'false' : 'true');
  await waitReady(page);
}

/** Every KPI's exact value and every shown leaderboard row against the oracle under the same filters. */
export async function expectFigures(
  page: Page,
  all: OracleRecord[],
  filters: OracleFilter[],
  measureKey: string,
) {
  // Retried as a whole: a click's redraw may not have begun when the first look is taken.
  await expect(async () => {
    await waitReady(page);
    await compareFigures(page, all, filters, measureKey);
  }).toPass({ timeout: 20_000 });
}

async function compareFigures(page: Page, all: OracleRecord[], filters: OracleFilter[], measureKey: string) {
  const kept = filtered(all, filters);
  const kpis = model(page).getByTestId('kpi');
  const keys = await kpis.evaluateAll((els) => els.map((e) => e.getAttribute('data-measure') ?? ''));
  expect(keys.length).toBeGreaterThan(0);
  for (const key of keys) {
    const shown = await kpis.and(page.locator(`[data-measure="${key}"]`)).getAttribute('data-value');
    const expected = measure(kept, key);
    if (expected === null) expect(shown, key).toBe('');
    else expect(Number(shown), key).toBeCloseTo(expected, 6);
  }
  const boards = model(page).getByTestId('leaderboard');
  for (const column of await boards.evaluateAll((els) => els.map((e) => e.dataset.dimension ?? ''))) {
    await expect(board(page, column)).toHaveAttribute('data-measure', measureKey);
    const rows = await board(page, column)
      .getByTestId('leaderboard-row')
      .evaluateAll((els) =>
        els.map((e) => ({
          value: e.dataset.null === 'true' ? null : (e.dataset.value ?? ''),
          measure: e.dataset.measureValue === '' ? null : Number(e.dataset.measureValue),
        })),
      );
    const expected = leaderboard(all, column, measureKey, filters);
    const top = rows.slice(0, Math.min(10, expected.length));
    expect(
      top.map((r) => r.value),
      column,
    ).toEqual(expected.slice(0, top.length).map((r) => r.value));
    top.forEach((r, i) => expect(r.measure, `${column} #${i}`).toBeCloseTo(expected[i]?.measure ?? NaN, 6));
  }
}
