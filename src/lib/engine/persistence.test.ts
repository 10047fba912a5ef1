import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { createModelsSql } from '$lib/models/restaurant/build-ingest-sql';
import { WORK } from '$lib/models/restaurant/build-persist-sql';
import { answersFrom, ingestPath } from '$lib/testing/node-duckdb';
import type { FileResult } from './api';
import { Persistence } from './persistence';
import { applyRoles } from './roles';
import type { Row, SqlRunner } from './sql-runner';
import type { Store } from './store';

const plain = (v: unknown): unknown =>
  typeof v === 'bigint' ? Number(v) : Array.isArray(v) ? v.map(plain) : v;

const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

/** The worker's layout in native DuckDB: a kept database file, working tables in memory. */
async function open(keptPath: string): Promise<SqlRunner> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  closers.push(() => {
    connection.closeSync();
    instance.closeSync();
  });
  const db: SqlRunner = {
    async rows(sql) {
      const result = await connection.runAndReadAll(sql);
      return result
        .getRowObjectsJS()
        .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)])) as Row);
    },
    async exec(sql) {
      await connection.run(sql);
    },
  };
  await db.exec(`ATTACH '${keptPath}' AS kept`);
  await db.exec(`ATTACH ':memory:' AS ${WORK}`);
  await db.exec(`USE ${WORK}`);
  for (const sql of createModelsSql()) await db.exec(sql);
  return db;
}

function mapStore(): Store {
  const files = new Map<string, Uint8Array>();
  return {
    kind: 'opfs',
    write: async (name, bytes) => void files.set(name, bytes.slice()),
    read: async (name) => (files.has(name) ? new File([files.get(name) as BlobPart], name) : null),
    list: async () => [...files].map(([name, bytes]) => ({ name, bytes: bytes.length })),
    remove: async (name) => void files.delete(name),
  };
}

describe('Persistence', () => {
  it('brings back every saved file, with the same answers and history, in a new session', async () => {
    const path = `${mkdtempSync(`${tmpdir()}/dropdash-`)}/kept.duckdb`;
    const store = mapStore();
    const history = [{ status: 'failed', name: 'x.csv', bytes: 1, reason: 'nope', ms: 1 }] as FileResult[];

    const first = await open(path);
    await ingestPath(first, 'tests/fixtures/part-1.csv');
    await ingestPath(first, 'tests/fixtures/ties.csv');
    const saved = await new Persistence(store, first, { name: 'kept' }).save(history);
    expect(saved).toMatchObject({ kind: 'opfs', savedFiles: 2 });
    // DuckDB's own count of what it holds: the two files' tables at least.
    expect(saved.engineMemoryBytes).toBeGreaterThan(0);
    const before = await answersFrom(first);
    closers.splice(0).forEach((close) => close());

    const second = await open(path);
    const report = await new Persistence(store, second, { name: 'kept' }).restore();
    expect(report.restored).toEqual(['part-1.csv', 'ties.csv']);
    expect(report.problems).toEqual([]);
    expect(report.history).toEqual(history);
    expect(await answersFrom(second)).toEqual(before);
  });

  it('leaves out a file whose kept rows do not add up, and says so', async () => {
    const path = `${mkdtempSync(`${tmpdir()}/dropdash-`)}/kept.duckdb`;
    const first = await open(path);
    await ingestPath(first, 'tests/fixtures/ties.csv');
    await new Persistence(mapStore(), first, { name: 'kept' }).save([]);
    await first.exec('DELETE FROM kept.main.ties WHERE rowid % 2 = 0');
    closers.splice(0).forEach((close) => close());

    const second = await open(path);
    const report = await new Persistence(mapStore(), second, { name: 'kept' }).restore();
    expect(report.restored).toEqual([]);
    expect(report.problems).toEqual([
      '"ties.csv" was left out: this browser\'s storage gave back 5 of its 10 rows. Drop the file again to load it.',
    ]);
    expect(await second.rows('SELECT count(*) AS n FROM ties')).toEqual([{ n: 0 }]);
  });

  it('remove all data empties the kept tables and the history', async () => {
    const path = `${mkdtempSync(`${tmpdir()}/dropdash-`)}/kept.duckdb`;
    const store = mapStore();
    const db = await open(path);
    await ingestPath(db, 'tests/fixtures/ties.csv');
    const persistence = new Persistence(store, db, { name: 'kept' });
    await persistence.save([]);
    expect(await persistence.clear()).toMatchObject({ savedFiles: 0 });
    expect(await db.rows('SELECT count(*) AS n FROM kept.main.dd_sources')).toEqual([{ n: 0 }]);
    const tables = await db.rows("SELECT table_name FROM duckdb_tables() WHERE database_name = 'kept'");
    expect(tables.map((t) => t.table_name)).not.toContain('ties');
    expect(await store.list()).toEqual([]);
  });
});

describe('Persistence of datasets', () => {
  it('brings back every dataset with its columns, its roles and the cube built from them', async () => {
    const path = `${mkdtempSync(`${tmpdir()}/dropdash-`)}/kept.duckdb`;
    const store = mapStore();
    const first = await open(path);
    await ingestPath(first, 'tests/fixtures/part-1.csv');
    await ingestPath(first, 'tests/fixtures/sales.csv');
    const persistence = new Persistence(store, first, { name: 'kept' });
    await persistence.save([]);
    // A role changed after the first save: the kept cube is replaced by the rebuilt one.
    const roles = { place: 'channel', item: 'product', customer: 'client', amount: 'unit_price', date: null };
    await applyRoles(first, 2, roles);
    await persistence.save([]);
    const before = [await answersFrom(first, null, 1), await answersFrom(first, null, 2)];
    const datasets = await first.rows('SELECT * FROM dd_datasets ORDER BY dataset_id');
    closers.splice(0).forEach((close) => close());

    const second = await open(path);
    const report = await new Persistence(store, second, { name: 'kept' }).restore();
    expect(report.restored).toEqual(['part-1.csv', 'sales.csv']);
    expect(await second.rows('SELECT * FROM dd_datasets ORDER BY dataset_id')).toEqual(datasets);
    expect([await answersFrom(second, null, 1), await answersFrom(second, null, 2)]).toEqual(before);
    expect(before[1]?.restaurants.map((r) => r.name)).toEqual(['in-store', 'phone', 'web']);
    expect(await second.rows('SELECT count(*) AS n FROM fct_daily')).toEqual([{ n: 0 }]);
  });

  it('drops what an earlier version kept, and says so', async () => {
    const path = `${mkdtempSync(`${tmpdir()}/dropdash-`)}/kept.duckdb`;
    const db = await open(path);
    await db.exec('CREATE TABLE kept.main.raw_visits (source_id INTEGER)');
    await db.exec('CREATE TABLE kept.main.dd_sources (source_id INTEGER)');
    const report = await new Persistence(mapStore(), db, { name: 'kept' }).restore();
    expect(report.problems).toEqual([
      'The data this browser kept was saved by an earlier version of Dropdash and could not be brought back. Drop the files again to load them.',
    ]);
    expect(report.restored).toEqual([]);
  });
});
