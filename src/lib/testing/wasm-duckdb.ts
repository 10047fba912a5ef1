import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';

/** DuckDB-WASM itself (the same wasm build the page runs) with its synchronous Node bindings. For tests. */
export async function openWasmDatabase() {
  const dist = dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
  const bundles = {
    mvp: { mainModule: `${dist}/duckdb-mvp.wasm`, mainWorker: '' },
    eh: { mainModule: `${dist}/duckdb-eh.wasm`, mainWorker: '' },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate(() => undefined);
  db.open({ query: { castBigIntToDouble: false, castDecimalToDouble: true } });
  const connect = () => db.connect().useUnsafe((_, id) => id);
  return { bindings: db, connect };
}
