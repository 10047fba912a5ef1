import { describe, expect, it } from 'vitest';
import { checkRange, narrowedId, rangeLabel, rangePredicateSql, type RangeFilter } from './range';

const dates = (from: string, to: string): RangeFilter => ({ kind: 'date', column: 'd', name: 'd', from, to });
const numbers = (from: number, to: number): RangeFilter => ({
  kind: 'number',
  column: 'n',
  name: 'n',
  from,
  to,
});

describe('range filters', () => {
  it('put their ends in order and refuse ends that are not what their kind says', () => {
    expect(checkRange(dates('2024-03-31', '2024-03-01'))).toMatchObject({
      from: '2024-03-01',
      to: '2024-03-31',
    });
    expect(checkRange(numbers(9, -1))).toMatchObject({ from: -1, to: 9 });
    expect(() => checkRange(dates("2024-01-01' OR 1=1 --", '2024-02-01'))).toThrow(
      /A date range needs YYYY-MM-DD ends, got 2024-01-01' OR 1=1 -- and 2024-02-01/,
    );
    expect(() => checkRange(numbers(Number.NaN, 1))).toThrow(/finite ends, got NaN and 1/);
  });

  it('read the column as the cube does, its name quoted as an identifier', () => {
    const hostile: RangeFilter = { ...numbers(1, 2.5), column: 'a"; DROP TABLE t; --' };
    expect(rangePredicateSql(hostile)).toBe(
      'try_cast("a""; DROP TABLE t; --" AS DOUBLE) BETWEEN 1::DOUBLE AND 2.5::DOUBLE',
    );
    expect(rangePredicateSql(dates('2024-03-01', '2024-03-31'))).toBe(
      `day_value("d") BETWEEN '2024-03-01'::DATE AND '2024-03-31'::DATE`,
    );
  });

  it('are written under an id no dataset has, and labelled for a chip', () => {
    expect(narrowedId(3)).toBe(-3);
    expect(rangeLabel(numbers(1200, 3450.456))).toBe('1,200 – 3,450.46');
    expect(rangeLabel(dates('2024-03-01', '2024-03-31'))).toBe('2024-03-01 – 2024-03-31');
  });
});
