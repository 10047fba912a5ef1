import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestPath, openTestDatabase } from '$lib/testing/node-duckdb';
import { profileDataset } from './profile';

let db: Awaited<ReturnType<typeof openTestDatabase>>;
beforeEach(async () => {
  db = await openTestDatabase();
});
afterEach(() => db.close());

const columns = (names: string[]) => names.map((name) => ({ name, key: name, column: name }));

describe('profileDataset (native DuckDB)', () => {
  it('types every column over all its values and profiles it', async () => {
    await ingestPath(db, 'tests/fixtures/sales.csv');
    const profiles = await profileDataset(
      db,
      'sales',
      columns(['order_id', 'store', 'product', 'client', 'unit_price', 'order_date', 'channel']),
    );
    expect(profiles.map((p) => [p.name, p.type])).toEqual([
      ['order_id', 'integer'],
      ['store', 'text'],
      ['product', 'text'],
      ['client', 'text'],
      ['unit_price', 'decimal'],
      ['order_date', 'date'],
      ['channel', 'text'],
    ]);
    const [id, store, , client, price, date, channel] = profiles;
    expect(id).toMatchObject({ rows: 3000, nonNull: 3000, unparsed: 0, distribution: { kind: 'bins' } });
    expect(id?.range).toEqual({ kind: 'number', min: 100_000, max: 102_999 });
    expect(store?.distribution).toMatchObject({ kind: 'values', others: 0 });
    expect(store?.distinct).toBe(5);
    expect(client?.nonNull).toBeLessThan(3000);
    expect(price?.unparsed).toBeGreaterThan(0);
    expect(date?.range?.kind).toBe('time');
    const bins = date?.distribution.kind === 'bins' ? date.distribution.bins : [];
    expect(bins.reduce((sum, b) => sum + b.count, 0)).toBe(date?.nonNull);
    expect(
      channel?.distribution.kind === 'values' && channel.distribution.values.map((v) => v.value),
    ).toEqual(['in-store', 'web', 'phone']);
  });

  it('profiles a wide table (its columns unpivoted) exactly as it profiles each column on its own', async () => {
    await ingestPath(db, 'tests/fixtures/sales.csv');
    const names = ['order_id', 'store', 'product', 'client', 'unit_price', 'order_date', 'channel'];
    await db.exec(`CREATE TABLE narrow AS SELECT ${names.join(', ')}, NULL::VARCHAR AS nothing FROM sales`);
    const copies = Array.from({ length: 6 }, (_, copy) => [...names, 'nothing'].map((n) => `${n}_${copy}`));
    const select = copies.flatMap((copy) => copy.map((name) => `${name.replace(/_\d+$/, '')} AS ${name}`));
    await db.exec(`CREATE TABLE wide AS SELECT ${select.join(', ')} FROM narrow`);
    const narrow = await profileDataset(db, 'narrow', columns([...names, 'nothing']));
    const wide = await profileDataset(db, 'wide', columns(copies.flat()));
    expect(wide.length).toBeGreaterThan(40);
    for (const [i, profile] of wide.entries()) {
      const { name, column, ...figures } = profile;
      const { name: alone, column: aloneColumn, ...expected } = narrow[i % narrow.length]!;
      expect([name.replace(/_\d+$/, ''), column.replace(/_\d+$/, '')]).toEqual([alone, aloneColumn]);
      expect(figures).toEqual(expected);
    }
  });
});
