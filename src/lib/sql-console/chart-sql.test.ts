import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '$lib/testing/node-duckdb';
import { chartDataFromRows, chartDataSql, rowCountSql, type ChartSpec } from './chart-sql';

let db: Awaited<ReturnType<typeof openTestDatabase>>;

beforeAll(async () => {
  db = await openTestDatabase();
  await db.exec(`CREATE TABLE sales AS SELECT 'dish ' || (i % 60) AS dish, i AS n, (i % 60) * 1.5 AS revenue,
    DATE '2024-01-01' + CAST(i % 400 AS INTEGER) AS day FROM range(6000) t(i)`);
});
afterAll(() => db.close());

const chart = async (query: string, spec: ChartSpec) =>
  chartDataFromRows(spec, await db.rows(chartDataSql(query, spec)));

describe('chartDataSql on DuckDB', () => {
  it('bars: one per x in the order they first appear, summed', async () => {
    const query =
      'SELECT dish, sum(revenue) AS revenue FROM sales WHERE n % 60 < 3 GROUP BY dish ORDER BY revenue DESC;';
    const data = await chart(query, { type: 'bar', x: 'dish', xKind: 'text', y: 'revenue' });
    expect(data.points).toEqual([
      { x: 'dish 2', y: 300 },
      { x: 'dish 1', y: 150 },
      { x: 'dish 0', y: 0 },
    ]);
    expect(data.note).toBeNull();
  });

  it('bars: the 50 largest of more x values, and a note saying so', async () => {
    const data = await chart('SELECT * FROM sales', { type: 'bar', x: 'dish', xKind: 'text', y: 'revenue' });
    expect(data.points).toHaveLength(50);
    expect(data.total).toBe(60);
    expect(data.points.map((p) => p.x)).not.toContain('dish 5');
    expect(data.points.find((p) => p.x === 'dish 59')?.y).toBe(100 * 59 * 1.5);
    expect(data.note).toBe('The 50 largest of 60 dish values.');
  });

  it('bars can count rows', async () => {
    const data = await chart('FROM sales', { type: 'bar', x: 'dish', xKind: 'text', y: null });
    expect(data.points.every((p) => p.y === 100)).toBe(true);
  });

  it('pies: the 9 largest slices and one for the rest', async () => {
    const data = await chart('FROM sales', { type: 'pie', x: 'dish', xKind: 'text', y: 'revenue' });
    expect(data.points).toHaveLength(10);
    expect(data.points[0]).toEqual({ x: 'dish 59', y: 100 * 59 * 1.5 });
    const other = data.points.at(-1);
    expect(other?.other).toBe(true);
    // dish 1 … dish 50: the zero slice (dish 0) is left out
    expect(other?.y).toBe(Array.from({ length: 50 }, (_, i) => 100 * (i + 1) * 1.5).reduce((a, b) => a + b));
    expect(data.total).toBe(59);
  });

  it('lines: ordered by x and averaged into buckets past 2,000 rows', async () => {
    const small = await chart('SELECT n, revenue FROM sales WHERE n < 5 ORDER BY n DESC', {
      type: 'line',
      x: 'n',
      xKind: 'number',
      y: 'revenue',
    });
    expect(small.points).toEqual([0, 1, 2, 3, 4].map((n) => ({ x: n, y: n * 1.5 })));
    const big = await chart('FROM sales', { type: 'line', x: 'n', xKind: 'number', y: 'n' });
    expect(big.points).toHaveLength(2000);
    expect(big.points[0]).toEqual({ x: 0, y: 1 });
    expect(big.note).toBe('6,000 rows averaged into 2,000 points of consecutive n.');
  });

  it('lines over dates use epoch milliseconds', async () => {
    const data = await chart('SELECT day, count(*) AS orders FROM sales GROUP BY day', {
      type: 'line',
      x: 'day',
      xKind: 'temporal',
      y: 'orders',
    });
    expect(data.points[0]).toEqual({ x: Date.UTC(2024, 0, 1), y: 15 });
    expect(data.points).toHaveLength(400);
  });

  it('scatters: a repeatable sample of 5,000 points', async () => {
    const spec: ChartSpec = { type: 'scatter', x: 'n', xKind: 'number', y: 'revenue' };
    const data = await chart('FROM sales', spec);
    expect(data.points).toHaveLength(5000);
    expect(data.total).toBe(6000);
    expect(data.points.every((p) => typeof p.x === 'number' && p.y === ((p.x as number) % 60) * 1.5)).toBe(
      true,
    );
    expect((await chart('FROM sales', spec)).points).toEqual(data.points);
  });

  it('quotes column names: a name is only ever a name', async () => {
    const query = `SELECT 'a' AS "x""); DROP TABLE sales; --", 2 AS "y y"`;
    const data = await chart(query, { type: 'bar', x: 'x"); DROP TABLE sales; --', xKind: 'text', y: 'y y' });
    expect(data.points).toEqual([{ x: 'a', y: 2 }]);
    expect((await db.rows('SELECT count(*) AS n FROM sales'))[0]?.n).toBe(6000);
  });
});

describe('rowCountSql on DuckDB', () => {
  it('counts what a query returns, whatever its semicolon and trailing comment', async () => {
    const [row] = await db.rows(rowCountSql('SELECT * FROM sales WHERE n < 1234; -- first ones'));
    expect(row?.dd_rows).toBe(1234);
  });
});
