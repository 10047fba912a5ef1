import type { Server } from 'node:http';
import { serveSite } from '../support/static-site';
import {
  downloadAnswers,
  dropFiles,
  expect,
  expectChartsDrawn,
  expectedAnswers,
  expectSameAnswers,
  fixture,
  openApp,
  SAMPLE,
  test as base,
  waitReady,
} from './fixtures';

// The site as GitHub Pages serves a project: under /dropdash/, built by `npm run build:base-path`, and
// served with the headers of its own `_headers` file (as Netlify or Cloudflare Pages would send them).
const BASE = '/dropdash';
const DIR = '.cache/build-base-path';
const port = Number(process.env.TEST_PORT ?? 4180) + 10;

const test = base.extend<object, { site: Server }>({
  site: [
    // Playwright reads a fixture's dependencies from its first parameter, so it must be a pattern.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await serveSite({ dir: DIR, base: BASE, port }).catch((error: unknown) => {
        throw new Error(`${String(error)} (npm run build:base-path writes ${DIR})`);
      });
      await use(server);
      await new Promise((resolve) => server.close(resolve));
    },
    { scope: 'worker', auto: true },
  ],
});
test.use({ baseURL: `http://127.0.0.1:${port}${BASE}/` });

test('under a base path: the sample gives the answers, and a reload with no network still works', async ({
  page,
  context,
}) => {
  const outsideBase: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (/^https?:$/.test(url.protocol) && !url.pathname.startsWith(`${BASE}/`)) outsideBase.push(url.href);
  });
  const response = await page.goto('./');
  // The header policy is the page's own (both are enforced; the guard fixture fails on any violation).
  const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
  expect(response?.headers()['content-security-policy']).toBe(`${csp}; frame-ancestors 'none'`);
  await openApp(page);

  await page.getByTestId('load-sample').click();
  await waitReady(page);
  expectSameAnswers(await downloadAnswers(page), expectedAnswers([SAMPLE]));
  await expectChartsDrawn(page);

  await expect(page.getByTestId('offline-status')).toHaveAttribute('data-state', 'ready');
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(`http://127.0.0.1:${port}${BASE}/`);
  await context.setOffline(true);
  await page.reload();
  await openApp(page);
  await waitReady(page);
  await dropFiles(page, [fixture('part-2.csv')]);
  await expect(page.getByTestId('sources')).toContainText('part-2.csv');
  await waitReady(page);
  expectSameAnswers(await downloadAnswers(page), expectedAnswers([SAMPLE, fixture('part-2.csv')]));
  expect(outsideBase, 'requests outside the base path').toEqual([]);
});
