import { tableToIPC, vectorFromArray, DateDay, TimestampMillisecond, Table } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { cellText, decodeInSlices, kindOf, plainRows, queryResult } from './result-table';

describe('decodeInSlices', () => {
  it('reads every batch of a stream, and an empty result keeps its columns', async () => {
    const batches = Array.from(
      { length: 5 },
      (_, b) => new Table({ n: vectorFromArray([b * 2, b * 2 + 1]) }).batches[0]!,
    );
    const table = await decodeInSlices(tableToIPC(new Table(batches), 'stream'), 0);
    expect(table.numRows).toBe(10);
    expect(table.getChild('n')?.get(9)).toBe(9);
    const empty = await decodeInSlices(
      tableToIPC(new Table({ n: vectorFromArray([1]) }).slice(0, 0), 'stream'),
    );
    expect(empty.schema.fields.map((f) => f.name)).toEqual(['n']);
    expect(empty.numRows).toBe(0);
  });
});

describe('result cells', () => {
  const table = new Table({
    n: vectorFromArray([1234567.125, null]),
    big: vectorFromArray([2n ** 60n, 3n]),
    text: vectorFromArray(['<b>x</b>', 'y']),
    day: vectorFromArray([new Date(Date.UTC(2024, 1, 3)), null], new DateDay()),
    at: vectorFromArray([Date.UTC(2024, 1, 3, 4, 5, 6, 7), Date.UTC(2024, 1, 3)], new TimestampMillisecond()),
    ok: vectorFromArray([true, false]),
  });
  let result: Awaited<ReturnType<typeof queryResult>>;
  beforeAll(async () => {
    result = await queryResult('SELECT …', tableToIPC(table, 'stream'), 1, true, 12);
  });

  it('reads the Arrow columns with their kinds, and shows no more rows than the limit', () => {
    expect(result.columns.map((c) => [c.name, c.kind])).toEqual([
      ['n', 'number'],
      ['big', 'number'],
      ['text', 'text'],
      ['day', 'temporal'],
      ['at', 'temporal'],
      ['ok', 'boolean'],
    ]);
    expect(result.rows).toBe(1);
    expect(kindOf(table.schema.fields[2]!.type)).toBe('text');
  });

  it('formats numbers, dates and booleans as text; null stays null; markup stays text', () => {
    const texts = result.columns.map((column, c) => cellText(result.table.getChildAt(c)?.get(0), column));
    expect(texts).toEqual([
      '1,234,567.125',
      '1,152,921,504,606,846,976',
      '<b>x</b>',
      '2024-02-03',
      '2024-02-03 04:05:06.007',
      'true',
    ]);
    expect(cellText(null, result.columns[0]!)).toBeNull();
  });

  it('gives plain JSON rows for panels: big integers past 2^53 as text', () => {
    expect(plainRows(result, 5)).toEqual([
      [1234567.125, '1152921504606846976', '<b>x</b>', '2024-02-03', '2024-02-03 04:05:06.007', true],
    ]);
    expect(JSON.parse(JSON.stringify(plainRows(result, 5)))).toEqual(plainRows(result, 5));
  });

  it('shows lists and binary values', async () => {
    const nested = await queryResult(
      'x',
      tableToIPC(new Table({ list: vectorFromArray([[1, 2]]) }), 'stream'),
      10,
      false,
      1,
    );
    expect(cellText(nested.table.getChildAt(0)?.get(0), nested.columns[0]!)).toBe('[1,2]');
    expect(cellText(new Uint8Array([1, 255]), { name: 'b', type: 'Binary', kind: 'other' })).toBe('\\x01ff');
  });
});
