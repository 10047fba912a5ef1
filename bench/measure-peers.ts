import type { Browser } from '@playwright/test';
import type { OracleAnswers } from '../tests/support/restaurant-oracle';
import type { PeerName } from './harness/main';

export interface PeerFigures {
  ms: number;
  answers: OracleAnswers | null;
  error?: string;
}

/** Runs one peer on the harness page, in the same browser, on the same file. */
export async function measurePeer(
  browser: Browser,
  url: string,
  file: string,
  peer: PeerName,
): Promise<PeerFigures> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.locator('#file').setInputFiles(file);
    return (await page.evaluate(`window.runPeer(${JSON.stringify(peer)})`)) as PeerFigures;
  } catch (error) {
    return { ms: NaN, answers: null, error: (error as Error).message.split('\n')[0] };
  } finally {
    await context.close();
  }
}
