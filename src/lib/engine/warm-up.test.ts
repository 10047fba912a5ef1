import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '$lib/testing/node-duckdb';
import { IngestCancelled } from './ingest-errors';
import { inPlace } from './ingest';
import { WARM_UP_CATALOG, warmUp, warmUpCsv } from './warm-up';

let db: Awaited<ReturnType<typeof openTestDatabase>>;
beforeEach(async () => {
  db = await openTestDatabase();
});
afterEach(() => db.close());

async function warmUpFile(rows: number) {
  const bytes = warmUpCsv(rows);
  const path = join(mkdtempSync(join(tmpdir(), 'dd-warm-')), 'warm.csv');
  writeFileSync(path, bytes);
  await db.exec(`ATTACH ':memory:' AS ${WARM_UP_CATALOG}`);
  await db.exec(`USE ${WARM_UP_CATALOG}`);
  return {
    open: inPlace(path),
    name: 'warm.csv',
    bytes: bytes.length,
    head: bytes,
    contentHash: async () => 'x',
  };
}

describe('warmUp', () => {
  it('stops with IngestCancelled when its step says cancel, before it writes anything', async () => {
    const source = await warmUpFile(100);
    await expect(warmUp(db, source, async () => 'cancel')).rejects.toBeInstanceOf(IngestCancelled);
    expect(
      await db.rows('SELECT count(*) AS n FROM duckdb_tables() WHERE database_name = current_database()'),
    ).toEqual([{ n: 0 }]);
  });

  it('loads its CSV with every role and a date in a catalog of its own, and writes nothing elsewhere', async () => {
    const bytes = warmUpCsv(2_000);
    const path = join(mkdtempSync(join(tmpdir(), 'dd-warm-')), 'warm.csv');
    writeFileSync(path, bytes);
    await db.exec(`ATTACH ':memory:' AS ${WARM_UP_CATALOG}`);
    await db.exec(`USE ${WARM_UP_CATALOG}`);
    await warmUp(db, {
      open: inPlace(path),
      name: 'warm.csv',
      bytes: bytes.length,
      head: bytes,
      contentHash: async () => 'x',
    });

    const [dataset] = await db.rows('SELECT * FROM dd_datasets');
    expect(dataset).toMatchObject({
      role_place: 'restaurant_names',
      role_item: 'food_names',
      role_customer: 'first_name',
      role_amount: 'food_cost',
      role_date: 'visit_date',
    });
    const [cube] = await db.rows(
      'SELECT sum(visits) AS visits, count(DISTINCT restaurant) AS places FROM fct_visit_cube',
    );
    expect(cube).toEqual({ visits: 2000, places: 4 });
    const [daily] = await db.rows('SELECT sum(visits) AS visits FROM fct_daily');
    expect(daily).toEqual({ visits: 2000 });

    await db.exec('USE memory');
    expect(await db.rows('SELECT count(*) AS n FROM dd_datasets')).toEqual([{ n: 0 }]);
    expect(await db.rows('SELECT count(*) AS n FROM fct_visit_cube')).toEqual([{ n: 0 }]);
  });
});
