import { describe, expect, it } from 'vitest';
import {
  createRangeCubeSql,
  customerDailyFromDateCubeSql,
  factsFromRangeCubeSql,
  rangeCubeTables,
} from './build-range-cube-sql';

const roles = { place: 'p', item: 'i', customer: 'c', amount: 'a', date: 'd' };
const hostile = 'x"; DROP TABLE t; --';

describe('range cube SQL', () => {
  it('keys a number column’s cube and daily summary by the quoted column, as a number', () => {
    const tables = rangeCubeTables(3, 7, { kind: 'number', column: hostile }, roles);
    expect(tables).toEqual({
      facts: 'dd_range_3_7',
      groups: 'dd_range_3_7_groups',
      daily: 'dd_range_3_7_daily',
    });
    const [cube, , , , daily] = createRangeCubeSql(
      { datasetId: 3, table: 'ds_3', roles },
      { kind: 'number', column: hostile },
      tables,
    );
    expect(cube).toContain('"x""; DROP TABLE t; --" AS raw_key');
    expect(cube).toContain('try_cast("raw_key" AS DOUBLE) AS key');
    expect(daily).toContain('day_value(day) AS day');
  });

  it('needs no daily summary of its own for a date key, nor without a date role', () => {
    expect(rangeCubeTables(1, 1, { kind: 'date', column: 'd' }, roles).daily).toBeNull();
    expect(rangeCubeTables(1, 1, { kind: 'number', column: 'a' }, { ...roles, date: null }).daily).toBeNull();
  });

  it('rolls a range up by group number, and a customer’s days up from the date’s cube, values quoted', () => {
    const tables = { facts: 'dd_range_2_1', groups: 'dd_range_2_1_groups', daily: null };
    const range = { kind: 'date', column: 'd', name: 'd', from: '2024-03-01', to: '2024-03-31' } as const;
    expect(factsFromRangeCubeSql(2, range, tables)).toContain(
      `FROM "dd_range_2_1" WHERE "key" BETWEEN '2024-03-01'::DATE AND '2024-03-31'::DATE GROUP BY g)`,
    );
    expect(customerDailyFromDateCubeSql(2, "O'Brien", tables)).toContain(`WHERE customer = 'O''Brien'`);
  });
});
