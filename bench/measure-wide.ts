import type { Browser } from '@playwright/test';
import { pickOnWarmPage } from './warm-page';

/** A wide file (thousands of columns) dropped on the page: its load, its dashboard, its profile. */
export interface WideFigures {
  columns: number;
  rows: number;
  bytes: number;
  date: string;
  /** The load itself, as the history entry reports it (decide the dialect, read, guess roles, commit). */
  loadMs: number;
  dropToDrawnMs: number;
  /** Until the column profile is listed (it runs after the dashboard is drawn). */
  dropToProfileMs: number;
  longestTaskMs: number;
}

export async function measureWide(
  browser: Browser,
  url: string,
  file: string,
  shape: { columns: number; rows: number; bytes: number },
): Promise<WideFigures> {
  const { context, page, started } = await pickOnWarmPage(browser, url, file);
  await page.locator('[data-testid="dashboard"][data-state="ready"] [data-testid="kpi"]').first().waitFor({
    timeout: 1_200_000,
  });
  const drawnAt = (await page.evaluate('performance.now()')) as number;
  await page.getByTestId('profile-column').first().waitFor({ timeout: 1_200_000 });
  const profiledAt = (await page.evaluate('performance.now()')) as number;
  const loadMs = Number(await page.getByTestId('history-entry').first().getAttribute('data-ms'));
  const longestTaskMs = Math.round((await page.evaluate('window.__longest')) as number);
  await context.close();
  return {
    ...shape,
    date: new Date().toISOString().slice(0, 10),
    loadMs,
    dropToDrawnMs: Math.round(drawnAt - started),
    dropToProfileMs: Math.round(profiledAt - started),
    longestTaskMs,
  };
}

export function wideTable(figures: readonly WideFigures[]): string {
  const rows = figures.map(
    (f) =>
      `| ${f.columns.toLocaleString('en-US')} × ${f.rows.toLocaleString('en-US')} | ${(f.bytes / 1e6).toFixed(1)} MB | ` +
      `${(f.loadMs / 1000).toFixed(2)} s | ${(f.dropToDrawnMs / 1000).toFixed(2)} s | ` +
      `${(f.dropToProfileMs / 1000).toFixed(2)} s | ${f.longestTaskMs} ms | ${f.date} |`,
  );
  return [
    '| columns × rows | CSV | load | drop → drawn | drop → profile listed | longest main-thread task | measured |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
