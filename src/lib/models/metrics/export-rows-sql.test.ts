import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '$lib/testing/node-duckdb';
import { exportFileName, exportRowsSql } from './export-rows-sql';
import type { MetricsModel, ModelColumn } from './metrics-model';

const column = (name: string, type: ModelColumn['type'], timeFormat: string | null = null): ModelColumn => ({
  name,
  column: name.replace(/\W/g, '_'),
  type,
  timeFormat,
  sampleDistinct: 3,
  scale: 0,
});

const model: MetricsModel = {
  columns: [column('store name', 'text'), column('qty', 'integer'), column('sold', 'time', '%m/%d/%Y')],
  dimensions: ['store name'],
  measures: [],
  time: null,
  rows: 3,
};

async function rowsOf(format: 'csv' | 'csv-excel' | 'parquet', filters: Parameters<typeof exportRowsSql>[2]) {
  const db = await openTestDatabase();
  await db.exec(
    `CREATE TABLE t (dd_source_id INTEGER, dd_row_id INTEGER, store_name VARCHAR, qty VARCHAR, sold VARCHAR)`,
  );
  await db.exec(`INSERT INTO t VALUES (1, 2, '=HYPERLINK("x")', '-5', '01/31/2024'),
    (1, 1, 'Lisbon', '3', '02/01/2024'), (2, 1, '@sum', '+7', NULL)`);
  const rows = await db.rows(exportRowsSql('t', model, filters, null, format));
  db.close();
  return rows;
}

describe('exportRowsSql', () => {
  it('gives the rows as loaded, in load order, under their own names', async () => {
    expect(await rowsOf('csv', [])).toEqual([
      { 'store name': 'Lisbon', qty: '3', sold: '02/01/2024' },
      { 'store name': '=HYPERLINK("x")', qty: '-5', sold: '01/31/2024' },
      { 'store name': '@sum', qty: '+7', sold: null },
    ]);
  });
  it('for a spreadsheet, makes a value that would run as a formula text, and leaves numbers alone', async () => {
    const rows = await rowsOf('csv-excel', []);
    expect(rows.map((r) => r['store name'])).toEqual(['Lisbon', `'=HYPERLINK("x")`, `'@sum`]);
    expect(rows.map((r) => r.qty)).toEqual(['3', '-5', '+7']);
  });
  it('for Parquet, types the columns as the model reads them, under the filters', async () => {
    const rows = await rowsOf('parquet', [
      { kind: 'values', column: 'store name', values: ['Lisbon'], exclude: true },
    ]);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.qty).toBe(-5);
    expect(rows[0]?.sold).toEqual(new Date('2024-01-31T00:00:00Z'));
  });
  it('names the file for what it holds', () => {
    expect(exportFileName('sales.csv', false, 'csv')).toBe('sales.csv');
    expect(exportFileName('parts.zip › nested/sales.csv.gz', true, 'parquet')).toBe('sales.filtered.parquet');
    expect(exportFileName('book.xlsx › Orders', true, 'csv-excel')).toBe('Orders.filtered.excel.csv');
  });
});
