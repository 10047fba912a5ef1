import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import type { AnswersDocument } from '../../src/lib/report/answers';
import { oracleAnswers, parseRestaurantCsv, type OracleAnswers } from '../support/restaurant-oracle';
import { mappedAnswers, type OracleRoles } from '../support/sales-oracle';

export { expect };

/** Every test (auto) also checks that no request left the origin, no CSP rule was broken, no script failed. */
export const test = base.extend<{ guard: void }>({
  guard: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1/').origin;
      const offOrigin: string[] = [];
      const errors: string[] = [];
      page.on('request', (request) => {
        const url = request.url();
        if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'))
          offOrigin.push(url);
      });
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) {
          errors.push(`CSP: ${message.text()}`);
        }
      });
      page.on('dialog', (dialog) => {
        if (dialog.type() !== 'confirm')
          errors.push(`unexpected ${dialog.type()} dialog: ${dialog.message()}`);
        void dialog.accept();
      });
      await use();
      expect(offOrigin, 'requests that left the page origin').toEqual([]);
      expect(errors, 'page errors, CSP violations and unexpected dialogs').toEqual([]);
    },
    { auto: true },
  ],
});

export const fixture = (name: string) => `tests/fixtures/${name}`;
export const SAMPLE = 'build/sample/restaurants.csv';

export async function openApp(page: Page): Promise<void> {
  await page.goto('./');
  await expect(page.getByTestId('engine-status')).toContainText('Engine ready', { timeout: 30_000 });
}

export const dashboard = (page: Page) => page.getByTestId('dashboard');

export async function waitReady(page: Page): Promise<void> {
  await expect(dashboard(page)).toHaveAttribute('data-state', 'ready', { timeout: 45_000 });
}

export async function pickFiles(page: Page, paths: string[]): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(paths);
}

/** A real drop: a DataTransfer built in the page carries the files, and the drop event lands on the page. */
export async function dropFiles(page: Page, paths: string[]): Promise<void> {
  const files = paths.map((path) => ({
    name: basename(path),
    base64: readFileSync(path).toString('base64'),
  }));
  const transfer = await page.evaluateHandle((items) => {
    const data = new DataTransfer();
    for (const { name, base64 } of items) {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      data.items.add(new File([bytes], name, { type: 'text/csv' }));
    }
    return data;
  }, files);
  const target = page.locator('main');
  await target.dispatchEvent('dragenter', { dataTransfer: transfer });
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await target.dispatchEvent('drop', { dataTransfer: transfer });
}

export async function downloadAnswers(page: Page): Promise<AnswersDocument> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-answers').click(),
  ]);
  expect(download.suggestedFilename()).toBe('answers.json');
  const path = await download.path();
  return JSON.parse(readFileSync(path, 'utf8')) as AnswersDocument;
}

export function expectedAnswers(
  paths: string[],
  delimiter = '',
  encoding: BufferEncoding = 'utf8',
): OracleAnswers {
  return oracleAnswers(paths.flatMap((path) => parseRestaurantCsv(readFileSync(path, encoding), delimiter)));
}

export function expectSameAnswers(actual: AnswersDocument, expected: OracleAnswers): void {
  expect(actual.schema).toBe('dropdash.answers/1');
  expect(actual.totalRows).toBe(expected.totalRows);
  expect(actual.restaurants).toEqual(expected.restaurants);
  expect(actual.mostRestaurantsVisited).toEqual(expected.mostRestaurantsVisited);
}

/** Every chart on the page has drawn, and drawn something: its canvas has marks on it. */
export async function expectChartsDrawn(page: Page): Promise<void> {
  const charts = page.locator('[data-chart]');
  expect(await charts.count()).toBeGreaterThan(0);
  for (const chart of await charts.all()) {
    await expect(chart).toHaveAttribute('data-drawn', 'true');
    // ECharts may paint on several stacked canvases (a heat map uses an incremental layer): count them all.
    const inked = await chart.evaluate((element) => {
      let painted = 0;
      let area = 0;
      for (const canvas of element.querySelectorAll('canvas')) {
        const context = canvas.getContext('2d');
        if (!context || canvas.width === 0 || canvas.height === 0) continue;
        const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
        for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) painted++;
        area = Math.max(area, canvas.width * canvas.height);
      }
      return area === 0 ? 0 : painted / area;
    });
    expect(inked, `ink on chart ${await chart.getAttribute('data-chart')}`).toBeGreaterThan(0.01);
  }
}

/** The oracle's answers for any file, given which of its columns play which role. */
export function expectedMappedAnswers(paths: string[], roles: OracleRoles): OracleAnswers {
  return mappedAnswers(
    paths.flatMap((path) => parseRestaurantCsv(readFileSync(path, 'utf8'))),
    roles,
  );
}

export const ROLE_IDS = ['place', 'item', 'customer', 'amount', 'date'] as const;

export async function roleValues(page: Page): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  for (const role of ROLE_IDS) values[role] = await page.getByTestId(`role-${role}`).inputValue();
  return values;
}
