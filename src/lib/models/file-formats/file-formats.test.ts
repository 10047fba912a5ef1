import { describe, expect, it } from 'vitest';
import { detectFormat, gunzippedName, isDataEntry } from './detect-format';
import { flattenRecord, wrappedRecords } from './flatten-record';
import { JsonRecordSplitter, JsonShapeError } from './json-records';
import { TableColumns } from './table-columns';

const bytes = (...b: number[]) => new Uint8Array(b);
const text = (s: string) => new TextEncoder().encode(s);

describe('detectFormat', () => {
  it('knows a format by its first bytes whatever the name says', () => {
    expect(detectFormat('sales.csv', bytes(0x1f, 0x8b, 8))).toBe('gzip');
    expect(detectFormat('sales.csv', text('PAR1\u0015'))).toBe('parquet');
    expect(detectFormat('x.bin', text('ARROW1\0\0'))).toBe('arrow');
    expect(detectFormat('x.bin', bytes(0xff, 0xff, 0xff, 0xff, 0x10))).toBe('arrow');
    expect(detectFormat('book.xlsx', text('PK\u0003\u0004'))).toBe('excel');
    expect(detectFormat('files.zip', text('PK\u0003\u0004'))).toBe('zip');
  });
  it('tells JSON from CSV by name, else by how the text opens', () => {
    expect(detectFormat('events.ndjson', text('a,b\n'))).toBe('json');
    expect(detectFormat('events', text('  [ {"a": 1}]'))).toBe('json');
    expect(detectFormat('events', text('{"a": 1}\n{"a": 2}'))).toBe('json');
    expect(detectFormat('list.txt', text('{"a": 1}'))).toBe('csv');
    expect(detectFormat('data', text('[id],name\n1,a'))).toBe('csv');
    expect(detectFormat('data', text('id,name\n1,a'))).toBe('csv');
  });
  it('names what a gzip file and an archive hold', () => {
    expect(gunzippedName('sales.csv.gz')).toBe('sales.csv');
    expect(gunzippedName('Sales.TSV.GZ')).toBe('Sales.TSV');
    expect(isDataEntry('2024/sales.csv')).toBe(true);
    expect(isDataEntry('__MACOSX/2024/._sales.csv')).toBe(false);
    expect(isDataEntry('2024/')).toBe(false);
    expect(isDataEntry('readme.pdf')).toBe(false);
  });
});

const split = (chunks: string[]) => {
  const splitter = new JsonRecordSplitter();
  const records = chunks.flatMap((chunk) => splitter.push(chunk));
  splitter.end();
  return records;
};

describe('JsonRecordSplitter', () => {
  it('cuts an array of objects into its elements, across chunk boundaries', () => {
    const json = '[\n {"a": "x,}]", "b": [1, {"c": 2}]},\n {"a": "\\"q\\""}\n]\n';
    for (let at = 0; at <= json.length; at++) {
      const records = split([json.slice(0, at), json.slice(at)]);
      expect(records.map((r) => JSON.parse(r.text))).toEqual([{ a: 'x,}]', b: [1, { c: 2 }] }, { a: '"q"' }]);
      expect(records.map((r) => r.line)).toEqual([2, 3]);
    }
  });
  it('reads newline-delimited JSON and scalars inside an array', () => {
    expect(split(['{"a":1}\n{"a":2}\r\n', '\n{"a":3}']).map((r) => r.text)).toEqual([
      '{"a":1}',
      '{"a":2}',
      '{"a":3}',
    ]);
    expect(split(['[1, "two" , null]']).map((r) => r.text)).toEqual(['1', '"two" ', 'null']);
    expect(split(['[]', '  '])).toEqual([]);
  });
  it('names the line of a record cut short or text after the end', () => {
    expect(() => split(['{"a":1}\n{"a":'])).toThrow(JsonShapeError);
    expect(() => split(['[{"a":1},\n{"a":2}'])).toThrow(/cut short/);
    expect(() => split(['[{"a":1}]\n{"b":2}'])).toThrow(/after the closing bracket/);
    try {
      split(['{"a":1}\n\n42\n']);
    } catch (error) {
      expect(error).toBeInstanceOf(JsonShapeError);
      expect((error as JsonShapeError).line).toBe(3);
    }
    expect.assertions(5);
  });
});

describe('flattenRecord', () => {
  it('gives nested fields dotted names and keeps values as text', () => {
    const flat = flattenRecord({
      id: 7,
      user: { name: 'Ann', geo: { lat: 1.5 } },
      tags: ['a'],
      ok: false,
      n: null,
      e: {},
    });
    expect([...flat]).toEqual([
      ['id', '7'],
      ['user.name', 'Ann'],
      ['user.geo.lat', '1.5'],
      ['tags', '["a"]'],
      ['ok', 'false'],
      ['n', null],
      ['e', null],
    ]);
    expect([...flattenRecord(3)]).toEqual([['value', '3']]);
  });
  it('finds the records an API wraps in an object', () => {
    const doc = { meta: { count: 2 }, data: { items: [{ a: 1 }, { a: 2 }] }, tags: [{ t: 1 }] };
    expect(wrappedRecords(doc)).toEqual({ path: 'data.items', records: [{ a: 1 }, { a: 2 }] });
    expect(wrappedRecords({ a: 1 })).toBeNull();
  });
});

describe('TableColumns', () => {
  it('gives each field one column, in the order met, names unique ignoring case', () => {
    const columns = new TableColumns();
    expect(['id', 'Name', 'name', 'id', '', 'NAME'].map((f) => columns.column(f))).toEqual([
      'id',
      'Name',
      'name_1',
      'id',
      'column4',
      'NAME_2',
    ]);
    expect(columns.names).toEqual(['id', 'Name', 'name_1', 'column4', 'NAME_2']);
  });
});

describe('stagedRowsSql', () => {
  it('reads a staged batch as text, a column the batch lacks as no value', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const { stagedRowsSql } = await import('./staged-rows-sql');
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    await connection.run(`CREATE TABLE s AS SELECT 1.5::DOUBLE AS "a b", DATE '2024-03-01' AS d, true AS ok,
      TIMESTAMP '2024-03-01 10:15:00' AS t, 12345678901234::BIGINT AS n`);
    const reader = await connection.runAndReadAll(
      `SELECT * FROM ${stagedRowsSql('s', ['a b', 'd', 'ok', 't', 'n'], ['a b', 'd', 'ok', 't', 'n', 'x"y'])}`,
    );
    expect(reader.getRowObjectsJS()).toEqual([
      {
        'a b': '1.5',
        d: '2024-03-01',
        ok: 'true',
        t: '2024-03-01 10:15:00',
        n: '12345678901234',
        'x"y': null,
      },
    ]);
  });
});

describe('errorLine', () => {
  it('finds the line of a parse error from what the engine says, else the record’s first line', async () => {
    const { errorLine } = await import('./json-records');
    const record = { text: '{\n "a": 1,\n "b": x\n}', line: 40 };
    expect(errorLine(record, 'Unexpected token in JSON at position 17')).toEqual({ line: 42, exact: true });
    expect(errorLine(record, "Expected ',' (line 3 column 7)")).toEqual({ line: 42, exact: true });
    expect(errorLine(record, "Unexpected token 'x'")).toEqual({ line: 40, exact: false });
  });
});
