// What offline use costs and saves, measured in the real page: the service worker's caches after a first
// visit, the first visit's time to "Works offline", and an offline reload's time to "Engine ready".
// Usage (with the site served, e.g. `npm start`): npx tsx scripts/measure-offline.ts [url]
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../tests/chromium';

const url = process.argv[2] ?? 'http://127.0.0.1:4173/';
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
const context = await browser.newContext();
const page = await context.newPage();
const responses: { url: string; fromServiceWorker: boolean }[] = [];
page.on('response', (r) => responses.push({ url: r.url(), fromServiceWorker: r.fromServiceWorker() }));

const ready = (testid: string, text: string) =>
  page.getByTestId(testid).filter({ hasText: text }).waitFor({ timeout: 120_000 });

let started = Date.now();
await page.goto(url);
await ready('engine-status', 'Engine ready');
const firstEngine = Date.now() - started;
await ready('offline-status', 'Works offline');
const firstOffline = Date.now() - started;

const caches = await page.evaluate(async () => {
  const out: Record<string, { files: number; bytes: number }> = {};
  for (const name of await globalThis.caches.keys()) {
    const cache = await globalThis.caches.open(name);
    let bytes = 0;
    const keys = await cache.keys();
    for (const request of keys) bytes += (await (await cache.match(request))?.blob())?.size ?? 0;
    out[name.replace(/-\d+$/, '')] = { files: keys.length, bytes };
  }
  return out;
});

await context.setOffline(true);
responses.length = 0;
started = Date.now();
await page.reload();
await ready('engine-status', 'Engine ready');
const offlineEngine = Date.now() - started;
const notFromWorker = responses.filter((r) => /^https?:/.test(r.url) && !r.fromServiceWorker);

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
for (const [name, { files, bytes }] of Object.entries(caches))
  console.log(`${name}: ${files} files, ${mb(bytes)}`);
console.log(`first visit: engine ready ${firstEngine} ms, works offline ${firstOffline} ms`);
console.log(
  `offline reload: engine ready ${offlineEngine} ms, ${responses.length} responses, ` +
    `${notFromWorker.length} not from the service worker`,
);
for (const r of responses) console.log(`  ${r.fromServiceWorker ? 'sw ' : 'net'} ${r.url.replace(url, '/')}`);
await browser.close();
