import { AsyncDuckDB, DuckDBDataProtocol, VoidLogger, type AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import type { OracleAnswers } from '../../tests/support/restaurant-oracle';

type Row = Record<string, unknown>;

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const TEXT = (column: string) => `nullif(trim(${column}), '')`;

interface Bare {
  db: AsyncDuckDB;
  conn: AsyncDuckDBConnection;
}

/** The engine alone: the EH bundle on one thread in its own worker, as DuckDB-WASM's docs start it. */
let started: Promise<Bare> | null = null;
function startBareDuckDB(): Promise<Bare> {
  started ??= (async () => {
    const db = new AsyncDuckDB(new VoidLogger(), new Worker(ehWorker));
    await db.instantiate(ehWasm);
    await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
    return { db, conn: await db.connect() };
  })();
  return started;
}

async function rows(conn: AsyncDuckDBConnection, sql: string): Promise<Row[]> {
  return (await conn.query(sql)).toArray().map((r) => r.toJSON() as Row);
}

/** Per restaurant, the names that share the top value (ties kept), sorted as the other peers sort them. */
function leaders(found: Row[], name: string, value: string) {
  const out = new Map<string, { top: number; names: string[] }>();
  for (const r of found) {
    const key = String(r.restaurant);
    const entry = out.get(key) ?? { top: Number(r[value]), names: [] };
    entry.names.push(String(r[name]));
    out.set(key, entry);
  }
  for (const entry of out.values()) entry.names.sort(byName);
  return out;
}

/**
 * Bare DuckDB-WASM, the floor of what the engine allows here: the file read lazily through a file handle
 * into one table of text columns (no lineage, no hash, no cube), then five queries, one per question (and
 * a row count).
 */
export async function bareDuckDBAnswers(file: File): Promise<OracleAnswers> {
  const { db, conn } = await startBareDuckDB();
  await db.registerFileHandle('bench.csv', file, DuckDBDataProtocol.BROWSER_FILEREADER, true);
  await conn.query(`CREATE OR REPLACE TABLE bench_rows AS SELECT ${TEXT('restaurant_names')} AS restaurant,
      ${TEXT('food_names')} AS dish, ${TEXT('first_name')} AS customer,
      coalesce(try_cast(trim(food_cost) AS DECIMAL(18, 2)), 0) AS cost
    FROM read_csv('bench.csv', all_varchar = true, header = true)`);
  const top = (grouped: string, by: string, within = 'PARTITION BY restaurant') =>
    rows(conn, `SELECT * FROM (${grouped}) QUALIFY rank() OVER (${within} ORDER BY ${by} DESC) = 1`);
  const dishes = `SELECT restaurant, dish, count(*) AS orders, sum(cost) AS revenue FROM bench_rows
    WHERE restaurant IS NOT NULL AND dish IS NOT NULL GROUP BY restaurant, dish`;
  const named = 'restaurant IS NOT NULL AND customer IS NOT NULL';
  const [{ n: totalRows } = { n: 0 }] = await rows(conn, 'SELECT count(*) AS n FROM bench_rows');
  const perRestaurant = await rows(
    conn,
    `SELECT restaurant, count(*) AS visits, count(DISTINCT customer) AS customers, sum(cost) AS revenue
    FROM bench_rows WHERE restaurant IS NOT NULL GROUP BY restaurant`,
  );
  const popular = await top(dishes, 'orders');
  const profitable = await top(dishes, 'revenue');
  const visitors = await top(
    `SELECT restaurant, customer, count(*) AS visits FROM bench_rows WHERE ${named} GROUP BY restaurant, customer`,
    'visits',
  );
  const most = await top(
    `SELECT '' AS restaurant, customer, count(DISTINCT restaurant) AS restaurants FROM bench_rows
    WHERE ${named} GROUP BY customer`,
    'restaurants',
    '',
  );
  const [orders, revenue, visits, reach] = [
    leaders(popular, 'dish', 'orders'),
    leaders(profitable, 'dish', 'revenue'),
    leaders(visitors, 'customer', 'visits'),
    leaders(most, 'customer', 'restaurants').get(''),
  ];
  await conn.query('DROP TABLE bench_rows');
  await db.dropFile('bench.csv');
  return {
    totalRows: Number(totalRows),
    restaurants: perRestaurant
      .map((r) => String(r.restaurant))
      .sort(byName)
      .map((name) => {
        const r = perRestaurant.find((x) => x.restaurant === name) ?? {};
        const top = (m: typeof orders) => m.get(name) ?? { top: 0, names: [] };
        return {
          name,
          visits: Number(r.visits),
          uniqueCustomers: Number(r.customers),
          revenue: Number(r.revenue),
          mostPopular: { orders: top(orders).top, dishes: top(orders).names },
          mostProfitable: { revenue: top(revenue).top, dishes: top(revenue).names },
          topVisitors: { visits: top(visits).top, customers: top(visits).names },
        };
      }),
    mostRestaurantsVisited: { restaurants: reach?.top ?? 0, customers: reach?.names ?? [] },
  };
}
