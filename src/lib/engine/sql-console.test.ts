import { readdirSync, rmSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWasmDatabase } from '$lib/testing/wasm-duckdb';
import { cell, cellText, queryResult } from '$lib/sql-console/result-table';
import { SqlConsole, SqlConsoleError } from './sql-console';

let bindings: Awaited<ReturnType<typeof openWasmDatabase>>['bindings'];
let connect: () => number;

beforeAll(async () => {
  ({ bindings, connect } = await openWasmDatabase());
  const conn = connect();
  bindings.runQuery(conn, 'CREATE TABLE orders (dish VARCHAR, cost DOUBLE)');
  bindings.runQuery(conn, "INSERT INTO orders VALUES ('soup', 4.5), ('pie', 6), ('soup', 5.5)");
  bindings.runQuery(conn, 'CREATE VIEW dishes AS SELECT DISTINCT dish FROM orders');
});

// DuckDB-WASM in Node writes COPY's files to the working folder.
afterAll(() => {
  for (const name of readdirSync('.')) if (/^(tmp_)?dd_console_\d+\.csv$/.test(name)) rmSync(name);
});

const error = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (e) {
    return e as SqlConsoleError;
  }
  throw new Error('expected the query to fail');
};

describe('the SQL console on DuckDB-WASM', () => {
  it('runs a query and returns its rows as Arrow', async () => {
    const sql = new SqlConsole(bindings, connect());
    const result = await sql.run(
      'SELECT dish, sum(cost) AS revenue FROM orders GROUP BY dish ORDER BY dish;',
    );
    expect(result.rows).toBe(2);
    expect(result.truncated).toBe(false);
    const table = tableFromIPC(result.arrow);
    expect(table.toArray().map((r) => r.toJSON())).toEqual([
      { dish: 'pie', revenue: 6 },
      { dish: 'soup', revenue: 10 },
    ]);
  });

  it('streams a million rows and stops at the row limit', async () => {
    const sql = new SqlConsole(bindings, connect());
    const all = await sql.run('SELECT * FROM range(1000000) r(i)');
    expect(all.rows).toBe(1_000_000);
    expect(tableFromIPC(all.arrow).getChild('i')?.get(999_999)).toBe(999_999n);
    const capped = await sql.run('SELECT * FROM range(1000000) r(i)', { maxRows: 10_000, maxBytes: 1e9 });
    expect(capped.truncated).toBe(true);
    expect(capped.rows).toBeGreaterThanOrEqual(10_000);
    expect(capped.rows).toBeLessThan(10_000 + 2048);
    expect(tableFromIPC(capped.arrow).numRows).toBe(capped.rows);
  });

  it('refuses statements that write or change settings, and the tables stay', async () => {
    const sql = new SqlConsole(bindings, connect());
    for (const statement of [
      'DROP TABLE orders',
      'SET memory_limit = 1',
      "ATTACH ':memory:' AS x",
      'INSTALL json',
    ]) {
      const e = await error(sql.run(statement));
      expect(e.message).toMatch(/only reads/);
      expect(e.position?.offset).toBe(0);
    }
    const e = await error(sql.run('WITH x AS (SELECT 1) DELETE FROM orders'));
    expect(e.message).toMatch(/read-only/);
    expect((await sql.run('SELECT count(*) FROM orders')).rows).toBe(1);
    expect(tableFromIPC((await sql.run('SELECT count(*) AS n FROM orders')).arrow).get(0)?.n).toBe(3n);
  });

  it('reports a syntax error with DuckDB message and position', async () => {
    const sql = new SqlConsole(bindings, connect());
    const query = 'SELECT dish,\n  cost FROMM orders';
    const e = await error(sql.run(query));
    expect(e.name).toBe('SqlError');
    expect(e.message).toMatch(/^Parser Error: syntax error at or near "orders"/);
    expect(e.position).toEqual({ offset: query.indexOf('orders'), line: 2, column: 14 });
  });

  it('reports a binder error at the column it names', async () => {
    const sql = new SqlConsole(bindings, connect());
    const query = 'SELECT dish, price FROM orders';
    const e = await error(sql.run(query));
    expect(e.message).toMatch(/^Binder Error: Referenced column "price" not found/);
    expect(e.position?.offset).toBe(query.indexOf('price'));
  });

  it('cancels a long query between steps and keeps working', async () => {
    const sql = new SqlConsole(bindings, connect());
    const long = sql.run('SELECT sum(a.range * b.range) FROM range(100000) a, range(100000) b');
    setTimeout(() => sql.cancel(), 300);
    const started = performance.now();
    const e = await error(long);
    expect(e.name).toBe('SqlCancelled');
    expect(performance.now() - started).toBeLessThan(5000);
    expect((await sql.run('SELECT 42 AS answer')).rows).toBe(1);
  });

  it('shows every kind of DuckDB value as text, ENUMs and INTERVALs included', async () => {
    const sql = new SqlConsole(bindings, connect());
    const query = `SELECT 'b'::ENUM('a', 'b') AS e, INTERVAL 1 DAY + INTERVAL 14 MONTH + INTERVAL '3.5 seconds' AS iv,
      TIME '12:34:56.25' AS t, TIMESTAMPTZ '2024-01-02 03:04:05+00' AS tz, DATE '2024-05-06' AS d,
      [1, 2] AS l, {'a': 1, 'b': 'x'} AS s, 'ab'::BLOB AS b, 18446744073709551615::UBIGINT AS ub, 12.5::DECIMAL(9, 2) AS dec,
      uuid() IS NOT NULL AS ok, NULL AS n`;
    const run = await sql.run(query);
    const result = await queryResult(query, run.arrow, 10, run.truncated, run.ms);
    const texts = Object.fromEntries(result.columns.map((c, i) => [c.name, cellText(cell(result, 0, i), c)]));
    expect(texts).toEqual({
      e: 'b',
      iv: '1 year 2 months 1 day 00:00:03.5',
      t: '12:34:56.25',
      tz: '2024-01-02 03:04:05+00',
      d: '2024-05-06',
      l: '[1,2]',
      s: '{"a": 1, "b": "x"}',
      b: '\\x6162',
      ub: '18,446,744,073,709,551,615',
      dec: '12.5',
      ok: 'true',
      n: null,
    });
  });

  it('answers a schema request that comes while a query streams, after it', async () => {
    const sql = new SqlConsole(bindings, connect());
    const running = sql.run('SELECT * FROM range(3000000)');
    await new Promise((resolve) => setTimeout(resolve, 60));
    const tables = sql.schema();
    const result = await running;
    expect(result.truncated).toBe(true);
    expect(result.rows).toBeGreaterThanOrEqual(1_000_000);
    expect(tableFromIPC(result.arrow).numRows).toBe(result.rows);
    expect((await tables).map((t) => t.name)).toContain('orders');
  });

  it('cancels a query by its id, waiting or running, and leaves the others be', async () => {
    const sql = new SqlConsole(bindings, connect());
    const first = sql.run('SELECT count(*) AS n FROM range(3000000)', undefined, 1);
    const second = sql.run('SELECT 2 AS two', undefined, 2);
    const third = sql.run(
      'SELECT sum(a.range * b.range) FROM range(100000) a, range(100000) b',
      undefined,
      3,
    );
    sql.cancel(2);
    expect((await first).rows).toBe(1);
    expect((await error(second)).name).toBe('SqlCancelled');
    setTimeout(() => sql.cancel(3), 200);
    expect((await error(third)).name).toBe('SqlCancelled');
    expect((await sql.run('SELECT 4', undefined, 4)).rows).toBe(1);
  });

  it('lists tables and views with their columns, without internal, temporary or load scratch ones', async () => {
    const conn = connect();
    bindings.runQuery(conn, 'CREATE TEMP TABLE scratch (a INT)');
    bindings.runQuery(conn, 'CREATE TABLE dd_load_7 (a INT)');
    bindings.runQuery(conn, 'CREATE TABLE dd_stage_7_0 (a INT)');
    const tables = await new SqlConsole(bindings, conn).schema();
    bindings.runQuery(conn, 'DROP TABLE dd_load_7; DROP TABLE dd_stage_7_0');
    expect(tables.map((t) => [t.kind, t.name, t.columns])).toEqual([
      ['table', 'orders', ['dish', 'cost']],
      ['view', 'dishes', ['dish']],
    ]);
  });

  it('downloads every row as CSV written by DuckDB, past the limits the page gets', async () => {
    const sql = new SqlConsole(bindings, connect());
    const file = await sql.download(
      `SELECT range AS i, CASE WHEN range = 1 THEN 'a "quoted", value' END AS note FROM range(1500000) -- all`,
      'csv',
    );
    expect(file.rows).toBe(1_500_000);
    const lines = new TextDecoder().decode(file.bytes).trimEnd().split('\n');
    expect(lines.length).toBe(1_500_001);
    expect(lines.slice(0, 3)).toEqual(['i,note', '0,', '1,"a ""quoted"", value"']);
    expect(lines.at(-1)).toBe('1499999,');
  });

  it('downloads every row as Arrow, with ENUM columns as their text, and checks the statement first', async () => {
    const conn = connect();
    bindings.runQuery(conn, "CREATE TYPE IF NOT EXISTS course AS ENUM ('starter', 'main')");
    bindings.runQuery(conn, "CREATE TABLE IF NOT EXISTS courses AS SELECT 'main'::course AS course, 2 AS n");
    const sql = new SqlConsole(bindings, conn);
    const file = await sql.download('SELECT * FROM courses', 'arrow');
    expect(file.rows).toBe(1);
    expect(
      tableFromIPC(file.bytes)
        .toArray()
        .map((r) => r.toJSON()),
    ).toEqual([{ course: 'main', n: 2 }]);
    const refused = await error(sql.download('DROP TABLE orders', 'csv'));
    expect(refused.message).toContain('only reads');
    const cancelled = sql.download('SELECT * FROM range(100000) a, range(100000) b', 'csv', 7);
    setTimeout(() => sql.cancel(7), 200);
    expect((await error(cancelled)).name).toBe('SqlCancelled');
    expect((await sql.run('SELECT count(*) FROM orders')).rows).toBe(1);
  });
});
