import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answersFrom, ingestPath, openTestDatabase } from '$lib/testing/node-duckdb';
import { IngestError, IngestSkipped } from './ingest-errors';
import { inPlace } from './ingest';

const fixture = (name: string) => `tests/fixtures/${name}`;
let db: Awaited<ReturnType<typeof openTestDatabase>>;

beforeEach(async () => {
  db = await openTestDatabase();
});
afterEach(() => db.close());

async function failure(name: string): Promise<IngestError> {
  const error = await ingestPath(db, fixture(name)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IngestError);
  return error as IngestError;
}

describe('ingestCsv', () => {
  it('reports rows, rejects, delimiter and encoding of a loaded file', async () => {
    const outcome = await ingestPath(db, fixture('semicolon.csv'));
    expect(outcome).toMatchObject({
      sourceId: 1,
      name: 'semicolon.csv',
      rows: 2000,
      rejected: 0,
      delimiter: ';',
      encoding: 'utf-8',
    });
  });

  it('rejects malformed records with their line numbers instead of guessing, and keeps the rest', async () => {
    const outcome = await ingestPath(db, fixture('malformed-rows.csv'));
    expect(outcome).toMatchObject({ rows: 2, rejected: 2 });
    const rejects = await db.rows('SELECT line, error_type FROM dd_rejects ORDER BY line');
    expect(rejects).toEqual([
      { line: 3, error_type: 'MISSING COLUMNS' },
      { line: 4, error_type: 'TOO MANY COLUMNS' },
    ]);
  });

  it('reads text that is not UTF-8 as Latin-1 (Windows-1252)', async () => {
    const outcome = await ingestPath(db, fixture('latin1.csv'));
    expect(outcome.encoding).toBe('windows-1252');
    const answers = await answersFrom(db);
    expect(answers.restaurants[0]?.name).toBe('café-bistro');
    expect(answers.restaurants[0]?.mostProfitable.dishes).toEqual(['crème brûlée']);
  });

  it.each([
    ['empty.csv', /"empty\.csv" is empty \(0 bytes\)/],
    ['header-only.csv', /"header-only\.csv" has a header but no records/],
    ['not-a-csv.csv', /"not-a-csv\.csv" is a PNG image, not CSV text\. Export it as CSV/],
  ])('refuses %s with a message naming the file and what to do', async (name, message) => {
    const error = await failure(name);
    expect(error.fileName).toBe(name);
    expect(error.message).toMatch(message);
  });

  it('rejects a record whose quote is never closed, with its line, and loads the rest', async () => {
    const outcome = await ingestPath(db, fixture('unclosed-quote.csv'));
    expect(outcome).toMatchObject({ rows: 2, rejected: 1 });
    expect(outcome.notes[0]).toMatch(/line 3 opens a quote that is never closed; that record was rejected/);
    expect(await db.rows('SELECT line, error_type, csv_line FROM dd_rejects')).toEqual([
      { line: 3, error_type: 'UNCLOSED QUOTE', csv_line: 'alpha,"chips,Bob,2.0' },
    ]);
  });

  it('reads a file whose line endings change past the sample it was decided from', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { SAMPLE_BYTES } = await import('./ingest');
    const path = `${mkdtempSync(`${tmpdir()}/dropdash-`)}/late-newlines.csv`;
    const row = (i: number) => `r${i % 7},dish ${i % 11},guest ${i},${(i % 13) + 0.5}`;
    const count = Math.ceil(SAMPLE_BYTES / 25) + 1000;
    const lines = Array.from({ length: count }, (_, i) => row(i) + (i < count - 500 ? '\r\n' : '\n'));
    writeFileSync(path, 'restaurant_names,food_names,first_name,food_cost\r\n' + lines.join(''));
    expect(await ingestPath(db, path)).toMatchObject({ rows: count, rejected: 0 });
    const [{ n }] = (await db.rows(
      `SELECT count(*) AS n FROM late_newlines WHERE food_cost LIKE '%\r%'`,
    )) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('leaves every table exactly as it was when a file fails', async () => {
    await ingestPath(db, fixture('ties.csv'));
    const before = await answersFrom(db);
    for (const bad of ['empty.csv', 'header-only.csv', 'not-a-csv.csv']) await failure(bad);
    expect(await answersFrom(db)).toEqual(before);
    expect(await db.rows('SELECT count(*) AS n FROM ties')).toEqual([{ n: 10 }]);
  });

  it('rolls back a load that fails half way, then takes the next file under the next id', async () => {
    await ingestPath(db, fixture('ties.csv'));
    const failing = {
      ...db,
      exec: async (sql: string) =>
        sql.startsWith('INSERT INTO fct_visit_cube')
          ? Promise.reject(new Error('Out of Memory Error: could not allocate'))
          : db.exec(sql),
    };
    const { ingestCsv } = await import('./ingest');
    const error = await ingestCsv(failing, {
      open: inPlace(fixture('part-1.csv')),
      name: 'part-1.csv',
      bytes: 10,
      head: new Uint8Array([65]),
      contentHash: async () => 'xxh128:test',
    }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/"part-1\.csv" is too large for this browser's memory/);
    expect(await db.rows('SELECT count(*) AS n FROM ties')).toEqual([{ n: 10 }]);
    const next = await ingestPath(db, fixture('part-2.csv'));
    expect(next.sourceId).toBe(2);
  });
});

describe('duplicates', () => {
  it('skips a file whose content is already loaded, whatever its name', async () => {
    const { copyFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const copy = `${mkdtempSync(`${tmpdir()}/dropdash-`)}/renamed.csv`;
    copyFileSync(fixture('ties.csv'), copy);
    await ingestPath(db, fixture('ties.csv'));
    const before = await answersFrom(db);
    const error = await ingestPath(db, copy).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestSkipped);
    expect((error as Error).message).toBe(
      '"renamed.csv" has the same content as "ties.csv", which is already loaded: skipped, so no row counts twice.',
    );
    expect(await answersFrom(db)).toEqual(before);
  });

  it('waits for the hash before loading only when a loaded file has the same size', async () => {
    const { readFileSync, writeFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { ingestCsv } = await import('./ingest');
    const { contentHash } = await import('./content-hash');
    await ingestPath(db, fixture('ties.csv'));
    const log: string[] = [];
    const logged = {
      ...db,
      exec: (sql: string) => (log.push(sql.trim().split(/\s+/).slice(0, 3).join(' ')), db.exec(sql)),
    };
    const load = async (bytes: Uint8Array, name: string) => {
      const path = `${mkdtempSync(`${tmpdir()}/dropdash-`)}/${name}`;
      writeFileSync(path, bytes);
      log.length = 0;
      const hash = async () => (log.push('hash'), contentHash((a, b) => bytes.subarray(a, b), bytes.length));
      return ingestCsv(logged, {
        open: inPlace(path),
        name,
        bytes: bytes.length,
        head: bytes.subarray(0, 8192),
        contentHash: hash,
      });
    };
    const ties = new Uint8Array(readFileSync(fixture('ties.csv')));
    const sameSize = ties.slice();
    const at = sameSize.lastIndexOf(0x30); // a digit near the end, changed to another digit
    sameSize[at] = 0x31;
    expect(await load(sameSize, 'same-size.csv')).toMatchObject({ rows: 10 });
    expect(log[0]).toBe('hash');
    const other = new Uint8Array(readFileSync(fixture('part-1.csv')));
    expect(other.length).not.toBe(ties.length);
    expect((await load(other, 'part-1.csv')).rows).toBeGreaterThan(0);
    expect(log.indexOf('hash')).toBeGreaterThan(log.findIndex((sql) => sql.startsWith('INSERT INTO')));
  });

  it('loads records longer than the sample the dialect is decided from', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { SAMPLE_BYTES } = await import('./ingest');
    const path = `${mkdtempSync(`${tmpdir()}/dropdash-`)}/long.csv`;
    const long = `r1,${'y'.repeat(SAMPLE_BYTES + 10)},Bob,2.0`;
    const lines = [
      'restaurant_names,food_names,first_name,food_cost',
      'r1,tea,Ann,1.5',
      long,
      'r2,cake,Bob,2',
    ];
    writeFileSync(path, lines.join('\n') + '\n');
    expect(await ingestPath(db, path)).toMatchObject({ rows: 3, rejected: 0, columns: 4 });
    const [{ n }] = (await db.rows(`SELECT count(*)::INT AS n FROM dd_columns WHERE name = 'food_cost'`)) as [
      { n: number },
    ];
    expect(n).toBe(1);
  });
});
