import { describe, expect, it } from 'vitest';
import type { ColumnType } from '../profile/column-type';
import { datasetColumns, tableNameFor } from './columns';
import { guessRoles, rolesFromKeys, rolesToKeys } from './roles';

const typed = (entries: [string, ColumnType][]) =>
  datasetColumns(entries.map(([name]) => name)).map((c, i) => ({ ...c, type: entries[i]?.[1] ?? 'text' }));

describe('guessRoles', () => {
  it('maps the assignment columns to their roles', () => {
    const columns = typed([
      ['restaurant_names', 'text'],
      ['food_names', 'text'],
      ['first_name', 'text'],
      ['food_cost', 'decimal'],
    ]);
    expect(guessRoles(columns)).toEqual({
      place: 'restaurant_names',
      item: 'food_names',
      customer: 'first_name',
      amount: 'food_cost',
      date: null,
    });
  });

  it('finds synonyms inside longer names, and checks the type suits the role', () => {
    const columns = typed([
      ['Order ID', 'integer'],
      ['Shop Location', 'text'],
      ['SKU', 'text'],
      ['buyer_email', 'text'],
      ['total_price', 'text'], // not numbers: not an amount
      ['net_sales', 'decimal'],
      ['created_at', 'timestamp'],
    ]);
    expect(guessRoles(columns)).toEqual({
      place: 'Shop Location',
      item: 'SKU',
      customer: 'buyer_email',
      amount: 'net_sales',
      date: 'created_at',
    });
  });

  it('gives a column one role at most, and leaves a role without a candidate empty', () => {
    const columns = typed([
      ['name', 'text'],
      ['value', 'integer'],
    ]);
    expect(guessRoles(columns)).toEqual({
      place: null,
      item: null,
      customer: 'name',
      amount: 'value',
      date: null,
    });
  });

  it('remembers roles by column key, so another file with those columns gets them', () => {
    const columns = datasetColumns(['Store', 'Product', 'dd_row_id']);
    const roles = { place: 'Product', item: 'Store', customer: null, amount: null, date: 'dd_row_id_2' };
    const keys = rolesToKeys(roles, columns);
    expect(keys).toEqual({ place: 'product', item: 'store', date: 'dd_row_id' });
    expect(rolesFromKeys(keys, datasetColumns([' store', 'PRODUCT', 'dd_row_id']))).toEqual({
      place: 'PRODUCT',
      item: 'store',
      customer: null,
      amount: null,
      date: 'dd_row_id_2',
    });
  });
});

describe('dataset tables and columns', () => {
  it('names a table after its file, safely and uniquely', () => {
    expect(tableNameFor('Sales 2024 (Q1).csv', [])).toBe('sales_2024_q1');
    expect(tableNameFor('sales.csv', ['sales'])).toBe('sales_2');
    expect(tableNameFor('dd_sources.csv', [])).toBe('data_dd_sources');
    expect(tableNameFor('2024.csv', [])).toBe('data_2024');
    expect(tableNameFor('"; DROP TABLE x; --.csv', [])).toBe('drop_table_x');
    expect(tableNameFor('Café.tsv', [])).toBe('cafe');
    expect(tableNameFor('.csv', [])).toBe('data');
  });

  it('keeps CSV names as column names unless they clash with lineage or each other', () => {
    expect(datasetColumns(['a', 'DD_SOURCE_ID', 'b']).map((c) => c.column)).toEqual([
      'a',
      'DD_SOURCE_ID_2',
      'b',
    ]);
  });
});
