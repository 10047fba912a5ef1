import { describe, expect, it } from 'vitest';
import { defaultTable, type SchemaTable } from './schema';

const table = (name: string, rows: number, columns: string[]): SchemaTable => ({
  schema: 'main',
  name,
  kind: 'table',
  columns,
  rows,
});

describe('the table a first query reads', () => {
  it('is the largest loaded dataset, not a bigger summary table of the engine', () => {
    const tables = [
      table('fct_daily', 5000, ['dataset_id', 'day', 'visits']),
      table('weather', 1461, ['dd_source_id', 'dd_row_id', 'date', 'weather']),
      table('sales', 900, ['dd_source_id', 'dd_row_id', 'sold_at']),
    ];
    expect(defaultTable(tables)?.name).toBe('weather');
  });

  it('is the largest table when no dataset is loaded', () => {
    expect(defaultTable([table('a', 1, ['x']), table('b', 2, ['y'])])?.name).toBe('b');
    expect(defaultTable([])).toBeNull();
  });
});
