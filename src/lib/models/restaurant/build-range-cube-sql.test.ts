import { describe, expect, it } from 'vitest';
import {
  createRangeCubeSql,
  customerDailyFromDateCubeSql,
  rangeCubeTables,
  rangeRowsSql,
} from './build-range-cube-sql';

const roles = { place: 'p', item: 'i', customer: 'c', amount: 'a', date: 'd' };
const hostile = 'x"; DROP TABLE t; --';

describe('range cube SQL', () => {
  it('keys a number column’s cube and daily summary by the quoted column, as a number', () => {
    const tables = rangeCubeTables(3, 7, { kind: 'number', column: hostile }, roles);
    expect(tables).toEqual({
      facts: 'dd_range_3_7',
      groups: 'dd_range_3_7_groups',
      dishes: 'dd_range_3_7_dishes',
      customers: 'dd_range_3_7_customers',
      daily: 'dd_range_3_7_daily',
    });
    const statements = createRangeCubeSql(
      { datasetId: 3, table: 'ds_3', roles },
      { kind: 'number', column: hostile },
      tables,
    );
    const [cube, daily] = [statements[0] ?? '', statements.at(-1) ?? ''];
    expect(daily).toContain('"dd_ranges".main."dd_range_3_7_daily"');
    expect(cube).toContain('"x""; DROP TABLE t; --" AS raw_key');
    expect(cube).toContain('try_cast("raw_key" AS DOUBLE) AS key');
    expect(daily).toContain('day_value(day) AS day');
  });

  it('needs no daily summary of its own for a date key, nor without a date role', () => {
    expect(rangeCubeTables(1, 1, { kind: 'date', column: 'd' }, roles).daily).toBeNull();
    expect(rangeCubeTables(1, 1, { kind: 'number', column: 'a' }, { ...roles, date: null }).daily).toBeNull();
  });

  it('reads a range from the coarse tables or rolls the full grain up, and a customer’s days, values quoted', () => {
    const tables = rangeCubeTables(2, 1, { kind: 'date', column: 'd' }, roles);
    const range = { kind: 'date', column: 'd', name: 'd', from: '2024-03-01', to: "2024-03-31'" } as const;
    expect(() => rangeRowsSql(tables, range, 'dishes')).toThrow(/YYYY-MM-DD/);
    const march = { ...range, to: '2024-03-31' };
    const between = `"key" BETWEEN '2024-03-01'::DATE AND '2024-03-31'::DATE`;
    expect(rangeRowsSql(tables, march, 'dishes')).toContain(
      `FROM "dd_ranges".main."dd_range_2_1_dishes" WHERE ${between}`,
    );
    expect(rangeRowsSql(tables, march, 'customers')).toContain('NULL::VARCHAR AS dish');
    expect(rangeRowsSql(tables, march, 'all')).toContain(
      `FROM "dd_ranges".main."dd_range_2_1" WHERE ${between} GROUP BY g)`,
    );
    expect(customerDailyFromDateCubeSql(2, "O'Brien", tables)).toContain(`WHERE customer = 'O''Brien'`);
  });
});
