import { readFileSync } from 'node:fs';
import {
  dashboard,
  downloadAnswers,
  expect,
  expectedAnswers,
  expectSameAnswers,
  fixture,
  openApp,
  pickFiles,
  test,
  waitReady,
} from './fixtures';

const BAD: [string, RegExp][] = [
  ['empty.csv', /"empty\.csv" is empty \(0 bytes\)/],
  ['header-only.csv', /"header-only\.csv" has a header but no records/],
  ['not-a-csv.csv', /"not-a-csv\.csv" is a PNG image, not CSV text/],
];

test('a bad first file gets a specific message and no dashboard', async ({ page }) => {
  await openApp(page);
  await pickFiles(page, [fixture('not-a-csv.csv')]);
  await expect(dashboard(page)).toHaveAttribute('data-state', 'error');
  await expect(page.getByTestId('error')).toContainText('"not-a-csv.csv" is a PNG image, not CSV text');
  await expect(page.getByTestId('load-sample')).toBeVisible();
  const entry = page.getByTestId('history-entry');
  await expect(entry).toHaveAttribute('data-status', 'failed');
  await expect(entry).toContainText('Export it as CSV');
});

test('after each bad file the data already loaded stays, with the same answers', async ({ page }) => {
  await openApp(page);
  await pickFiles(page, [fixture('ties.csv')]);
  await waitReady(page);
  const before = await downloadAnswers(page);
  for (const [name, message] of BAD) {
    await pickFiles(page, [fixture(name)]);
    await expect(page.getByTestId('error')).toContainText(message);
    await waitReady(page);
    const latest = page.getByTestId('history-entry').first();
    await expect(latest).toHaveAttribute('data-status', 'failed');
    await expect(latest).toContainText(message);
    const after = await downloadAnswers(page);
    expect({ ...after, generatedAt: '' }).toEqual({ ...before, generatedAt: '' });
  }
});

test('malformed records are rejected and counted, the rest loads', async ({ page }) => {
  await openApp(page);
  await pickFiles(page, [fixture('malformed-rows.csv')]);
  await waitReady(page);
  const answers = await downloadAnswers(page);
  expect(answers.totalRows).toBe(2);
  const row = page.getByTestId('sources').locator('tbody tr');
  await expect(row).toContainText('malformed-rows.csv');
  await expect(row.locator('td').nth(3)).toHaveText('2');
  const entry = page.getByTestId('history-entry');
  await expect(entry).toHaveAttribute('data-status', 'loaded');
  await expect(entry).toContainText('2 malformed records rejected');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    entry.getByRole('button', { name: 'Download rejected records (CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('malformed-rows-rejected.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.split('\n')[0]).toBe('line,error_type,message,record');
  expect(csv).toContain('3,MISSING COLUMNS');
  expect(csv).toContain('alpha,chips,Cy,2.0,extra');
});

test('values from the file stay text: no markup runs, no SQL is injected', async ({ page }) => {
  await openApp(page);
  await pickFiles(page, [fixture('hostile-values.csv')]);
  await waitReady(page);
  await expect(page.getByTestId('answers-table')).toContainText('<img src=x onerror=alert(1)>');
  await expect(page.getByTestId('answers-table')).toContainText('"; DROP TABLE raw_visits; --');
  await expect(page.getByTestId('answers-table')).toContainText('{{constructor}}');
  expect(await page.locator('main img, main script, main svg[onload]').count()).toBe(0);
  const answers = await downloadAnswers(page);
  expect(answers.restaurants.map((r) => r.name)).toEqual([
    '<img src=x onerror=alert(1)>',
    "O'Brien's <b>diner</b>",
  ]);
  expect(answers.totalRows).toBe(3);
});

test('a file whose content is already loaded is skipped, whatever its name', async ({ page }) => {
  const { copyFileSync, mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const copy = `${mkdtempSync(`${tmpdir()}/dropdash-`)}/same-content.csv`;
  copyFileSync(fixture('part-1.csv'), copy);
  await openApp(page);
  await pickFiles(page, [fixture('part-1.csv')]);
  await waitReady(page);
  const before = await downloadAnswers(page);
  await pickFiles(page, [copy]);
  await expect(page.getByTestId('load-info')).toContainText(
    '"same-content.csv" has the same content as "part-1.csv", which is already loaded',
  );
  await waitReady(page);
  const entry = page.getByTestId('history-entry').first();
  await expect(entry).toHaveAttribute('data-status', 'skipped');
  await expect(entry).toContainText('skipped, so no row counts twice');
  const after = await downloadAnswers(page);
  expect({ ...after, generatedAt: '' }).toEqual({ ...before, generatedAt: '' });
});

test('a record with a 3 MB value loads, and its answers are right', async ({ page }) => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = `${mkdtempSync(`${tmpdir()}/dropdash-`)}/long-value.csv`;
  const rows = Array.from({ length: 40 }, (_, i) => `r${i % 3},tea,Ann${i % 4},1.5`);
  writeFileSync(
    path,
    [
      'restaurant_names,food_names,first_name,food_cost',
      ...rows,
      `r1,${'y'.repeat(3_000_000)},Bob,2.0`,
      ...rows,
    ].join('\n') + '\n',
  );
  await openApp(page);
  await pickFiles(page, [path]);
  await waitReady(page);
  expectSameAnswers(await downloadAnswers(page), expectedAnswers([path]));
});
