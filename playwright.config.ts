import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './tests/chromium';

// A port of its own: `npm start` serves the app on 4173 and may still be running while the tests run.
const port = Number(process.env.TEST_PORT ?? 4180);

export default defineConfig({
  testDir: 'tests/e2e',
  // Its own folder: Playwright empties it at start, and Vitest's report sits beside it.
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
    acceptDownloads: true,
    viewport: { width: 1360, height: 900 },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    // Never another server's build: a server already on this port is an error, not something to test.
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
