import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Browser, Page } from '@playwright/test';
import type { AnswersDocument } from '../../src/lib/report/answers';
import type { Snapshot } from '../../src/lib/report/snapshot-schema';
import { expect } from './fixtures';

/** What a page outside the guard fixture did that it must not: requests, script errors, CSP refusals, dialogs. */
export interface Watched {
  page: Page;
  requests: string[];
  problems: string[];
}

export function watch(page: Page, allowed: (url: string) => boolean): Watched {
  const watched: Watched = { page, requests: [], problems: [] };
  page.on('request', (request) => {
    if (!allowed(request.url())) watched.requests.push(request.url());
  });
  page.on('pageerror', (error) => watched.problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') watched.problems.push(`console: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    watched.problems.push(`${dialog.type()} dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return watched;
}

export function expectClean(watched: Watched): void {
  expect(watched.requests, 'requests that should not have been made').toEqual([]);
  expect(watched.problems, 'page errors, CSP refusals and dialogs').toEqual([]);
}

/** Opens a saved report from disk in a fresh context where every request but the file itself fails. */
export async function openOffline(browser: Browser, path: string): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, acceptDownloads: true });
  await context.route('**', (route) =>
    route.request().url().startsWith('file:') ? route.continue() : route.abort('internetdisconnected'),
  );
  const page = await context.newPage();
  const url = `file://${path}`;
  const watched = watch(page, (request) => request === url);
  await page.goto(url);
  return watched;
}

export async function shareLink(page: Page): Promise<string> {
  // The link is rebuilt whenever the dashboard changes (the column profile drawing after the panels, too):
  // status and value are read together, so a rebuild between two reads cannot mix them up.
  const ready = await page.waitForFunction(
    () => {
      const field = document.querySelector<HTMLInputElement>('[data-testid="share-link"]');
      return field?.dataset.status === 'ready' ? field.value : null;
    },
    undefined,
    { timeout: 30_000 },
  );
  return (await ready.jsonValue()) as string;
}

/** Clicks a download button and keeps the file under its own name, as a browser would save it. */
export async function download(page: Page, testid: string): Promise<{ path: string; name: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const name = file.suggestedFilename();
  const path = `${mkdtempSync(`${tmpdir()}/dropdash-download-`)}/${name}`;
  await file.saveAs(path);
  return { path, name };
}

/** The snapshot inside an exported report, read the way the report's own viewer reads it. */
export function embeddedSnapshot(html: string): Snapshot {
  const block = /<script type="application\/json" id="dropdash-snapshot">([^<]*)<\/script>/.exec(html);
  expect(block, 'the snapshot block').not.toBeNull();
  return JSON.parse(block?.[1] ?? 'null') as Snapshot;
}

/** answers.json without its timestamp: two exports of one state differ only there. */
export const withoutTime = ({ generatedAt: _, ...rest }: AnswersDocument) => rest;

export function readAnswers(path: string): AnswersDocument {
  return JSON.parse(readFileSync(path, 'utf8')) as AnswersDocument;
}

/** Share of an image's pixels that differ from its top-left (background) pixel, decoded in the page. */
export async function imageInk(
  page: Page,
  path: string,
): Promise<{ width: number; height: number; ink: number; background: number[] }> {
  const base64 = readFileSync(path).toString('base64');
  return page.evaluate(async (data) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
    context.drawImage(bitmap, 0, 0);
    const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const background = [pixels[0] ?? 0, pixels[1] ?? 0, pixels[2] ?? 0, pixels[3] ?? 0];
    let ink = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      const differs =
        Math.abs((pixels[i] ?? 0) - (background[0] ?? 0)) +
          Math.abs((pixels[i + 1] ?? 0) - (background[1] ?? 0)) +
          Math.abs((pixels[i + 2] ?? 0) - (background[2] ?? 0)) >
        30;
      if (differs) ink++;
    }
    return { width: bitmap.width, height: bitmap.height, ink: ink / (pixels.length / 4), background };
  }, base64);
}
