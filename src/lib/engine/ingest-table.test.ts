import { tableFromArrays, tableFromIPC, tableToIPC } from 'apache-arrow';
import { beforeEach, describe, expect, it } from 'vitest';
import { createModelsSql } from '$lib/models/restaurant/build-ingest-sql';
import { openWasmDatabase } from '$lib/testing/wasm-duckdb';
import { IngestCancelled } from './ingest-errors';
import { ingestTable, type TableBatch, type TableRunner, type TableSource } from './ingest-table';

type Row = Record<string, unknown>;
let db: TableRunner;

beforeEach(async () => {
  const { bindings, connect } = await openWasmDatabase();
  const conn = connect();
  const plain = (value: unknown) => (typeof value === 'bigint' ? Number(value) : value);
  db = {
    rows: async (sql: string): Promise<Row[]> =>
      tableFromIPC(bindings.runQuery(conn, sql))
        .toArray()
        .map((row: Row) => Object.fromEntries(Object.entries({ ...row }).map(([k, v]) => [k, plain(v)]))),
    exec: async (sql: string) => void bindings.runQuery(conn, sql),
    insertArrow: async (table: string, ipc: Uint8Array) =>
      bindings.insertArrowFromIPCStream(conn, ipc, { name: table, create: true }),
  };
  for (const sql of createModelsSql()) await db.exec(sql);
});

/** Rows of a shop's sales, `count` of them from row `from`, as one Arrow batch (typed as a reader gives them). */
function batch(from: number, count: number): TableBatch {
  const shop: string[] = [];
  const amount: number[] = [];
  for (let i = from; i < from + count; i++) {
    shop.push(`shop ${i % 37} on a street with a long name`);
    amount.push(i / 4);
  }
  return {
    ipc: tableToIPC(tableFromArrays({ shop, amount }), 'stream'),
    rows: count,
    columns: ['shop', 'amount'],
  };
}

function source(name: string, batches: TableBatch[]): TableSource {
  return {
    name,
    bytes: 1000,
    contentHash: async () => `test:${name}`,
    columns: ['shop', 'amount'],
    batches: async function* () {
      yield* batches;
    },
    format: () => 'Test batches',
    notes: () => [],
  };
}

const memoryMb = async () =>
  Number((await db.rows('SELECT sum(memory_usage_bytes)::BIGINT AS m FROM duckdb_memory()'))[0]?.m) / 1e6;
const scratchTables = async () =>
  (await db.rows("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'dd\\_%\\_%' ESCAPE '\\'"))
    .map((r) => String(r.table_name))
    .filter((name) => /^dd_(stage|load)_/.test(name));

describe('ingestTable', () => {
  it('stores every batch as text with lineage, and a second file of the same columns joins the dataset', async () => {
    const go = async () => 'continue' as const;
    const first = await ingestTable(db, source('a.parquet', [batch(0, 3), batch(3, 2)]), go, {}, null);
    expect(first).toMatchObject({ rows: 5, newDataset: true, columns: 2, format: 'Test batches' });
    const second = await ingestTable(db, source('b.parquet', [batch(100, 2)]), go, {}, null);
    expect(second).toMatchObject({ rows: 2, newDataset: false, datasetId: first.datasetId });
    const [{ table_name: table }] = (await db.rows('SELECT table_name FROM dd_datasets')) as [Row];
    const rows = await db.rows(`SELECT * FROM "${String(table)}" ORDER BY dd_row_id`);
    expect(rows.map((r) => [r.dd_source_id, r.dd_row_id, r.shop, r.amount])).toEqual([
      [1, 1, 'shop 0 on a street with a long name', '0.0'],
      [1, 2, 'shop 1 on a street with a long name', '0.25'],
      [1, 3, 'shop 2 on a street with a long name', '0.5'],
      [1, 4, 'shop 3 on a street with a long name', '0.75'],
      [1, 5, 'shop 4 on a street with a long name', '1.0'],
      [2, 6, 'shop 26 on a street with a long name', '25.0'],
      [2, 7, 'shop 27 on a street with a long name', '25.25'],
    ]);
    expect(await scratchTables()).toEqual([]);
  });

  it('leaves nothing behind when cancelled between batches', async () => {
    let calls = 0;
    const cancelThird = async () => (++calls === 3 ? ('cancel' as const) : ('continue' as const));
    const loading = ingestTable(
      db,
      source('c.parquet', [batch(0, 10), batch(10, 10), batch(20, 10)]),
      cancelThird,
      {},
      null,
    );
    await expect(loading).rejects.toBeInstanceOf(IngestCancelled);
    expect(await db.rows('SELECT * FROM dd_datasets')).toEqual([]);
    expect(await db.rows('SELECT * FROM dd_sources')).toEqual([]);
    expect(await scratchTables()).toEqual([]);
  });

  it('holds no more memory while loading than the rows it keeps after', async () => {
    const rows = 131_072;
    const batches = Array.from({ length: 8 }, (_, i) => batch(i * rows, rows));
    let peak = 0;
    const measure = async () => {
      peak = Math.max(peak, await memoryMb());
      return 'continue' as const;
    };
    const before = await memoryMb();
    await ingestTable(db, source('big.parquet', batches), measure, {}, null);
    const kept = (await memoryMb()) - before;
    // Staged batches dropped inside the file's transaction stayed in memory until its end: 2-3x the kept rows.
    expect(peak - before).toBeLessThan(kept * 1.25 + 8);
  }, 60_000);
});
