import { DuckDBInstance } from '@duckdb/node-api';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { ingestCsv, inPlace } from '../src/lib/engine/ingest';
import { answersSql, mostRestaurantsSql } from '../src/lib/models/restaurant/build-dashboard-sql';
import { createModelsSql } from '../src/lib/models/restaurant/build-ingest-sql';
import type { Row, SqlRunner } from '../src/lib/engine/sql-runner';

const plain = (v: unknown): unknown =>
  typeof v === 'bigint' ? Number(v) : Array.isArray(v) ? v.map(plain) : v;

/**
 * The reference: native DuckDB in Node on one thread, doing Dropdash's own work on the same file (the same
 * SQL models: load, fact cube, answers), without the content hash.
 */
export async function measureNative(file: string): Promise<{ ms: number }> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
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
  for (const sql of createModelsSql()) await db.exec(sql);
  const head = new Uint8Array(8192);
  const fd = openSync(file, 'r');
  readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const started = performance.now();
  await ingestCsv(db, {
    open: inPlace(file),
    name: file,
    bytes: statSync(file).size,
    head,
    contentHash: async () => 'not hashed',
  });
  await db.rows(answersSql({ dataset: 1, sources: null }));
  await db.rows(mostRestaurantsSql({ dataset: 1, sources: null }));
  const ms = performance.now() - started;
  connection.closeSync();
  instance.closeSync();
  return { ms };
}
