import { describe, expect, it } from 'vitest';
import { delimiterName, sniffDialect } from './dialect';

const rows = (n: number, row: (i: number) => string) => Array.from({ length: n }, (_, i) => row(i + 1));
const sniff = (lines: string[], complete = true) => sniffDialect(lines.join('\n') + '\n', complete);

describe('sniffDialect', () => {
  it('reads a plain file: comma, RFC 4180 quotes, a header', () => {
    const dialect = sniff(['id,name,amount', ...rows(20, (i) => `${i},"item, ${i}",${i}.5`)]);
    expect(dialect).toMatchObject({ delimiter: ',', quote: '"', escape: '"', header: true, skip: 0 });
    expect(dialect.columns).toEqual(['id', 'name', 'amount']);
  });

  it('picks the delimiter most lines agree on, not the one the first line has most of', () => {
    const lines = ['name;note', ...rows(20, (i) => `n${i};a, b and c, ${i}`)];
    expect(sniff(lines).delimiter).toBe(';');
  });

  it('finds no header above typed columns', () => {
    const dialect = sniff(
      rows(30, (i) => `2024-01-${String(i).padStart(2, '0')} 10:00:00,sensor-${i % 3},${i}.25`),
    );
    expect(dialect.header).toBe(false);
    expect(dialect.columns).toEqual(['column1', 'column2', 'column3']);
  });

  it('reads lines starting with # inside the data as comments, unless a value holds a #', () => {
    const data = rows(20, (i) => `${i},item ${i},${i}.5`);
    const lines = [
      '# exported 2024-03-01',
      'id,name,amount',
      ...data.slice(0, 10),
      '  # checked',
      ...data.slice(10),
    ];
    const dialect = sniff(lines);
    expect(dialect).toMatchObject({ header: true, skip: 1 });
    expect(dialect.comments).toEqual({ lines: [{ line: 13, text: '  # checked' }], skipped: 1 });
    expect(sniff(lines.map((l, i) => (i === 5 ? '4,flat #5,4.5' : l))).comments).toBeNull();
    expect(sniff(['id,name,amount', ...data]).comments).toBeNull();
  });

  it('skips title lines and blank lines before the header', () => {
    const lines = [
      'Sales report',
      'Generated 2024-03-01',
      '',
      'id,name,amount',
      ...rows(10, (i) => `${i},x${i},${i}`),
    ];
    const dialect = sniff(lines);
    expect(dialect).toMatchObject({ skip: 3, header: true, columns: ['id', 'name', 'amount'] });
    expect(dialect.skipped).toEqual(['Sales report', 'Generated 2024-03-01', '']);
  });

  it('leaves out the empty field after a delimiter that ends every row', () => {
    const both = sniff(['a,b,c,', ...rows(10, (i) => `${i},x,${i},`)]);
    expect(both).toMatchObject({ trailingDelimiter: true, columns: ['a', 'b', 'c'] });
    const rowsOnly = sniff(['a,b,c', ...rows(10, (i) => `${i},x,${i},`)]);
    expect(rowsOnly).toMatchObject({ trailingDelimiter: true, columns: ['a', 'b', 'c'], shortRows: false });
  });

  it('pads rows that are one field shorter than the header', () => {
    const dialect = sniff(['a,b,c,d', ...rows(10, (i) => `${i},x,${i}`)]);
    expect(dialect).toMatchObject({ shortRows: true, columns: ['a', 'b', 'c', 'd'] });
  });

  it('takes a backslash as the escape when quotes are escaped with one', () => {
    const dialect = sniff(['id,quote', ...rows(10, (i) => `${i},"he said \\"hi, ${i}\\" and left"`)]);
    expect(dialect).toMatchObject({ delimiter: ',', quote: '"', escape: '\\' });
  });

  it('reads values quoted with single quotes, and keeps an apostrophe inside a word as text', () => {
    const single = sniff(['id,name', ...rows(10, (i) => `${i},'Smith, J${i}'`)]);
    expect(single).toMatchObject({ quote: "'", escape: "'" });
    const apostrophes = sniff(['id,name', ...rows(10, (i) => `${i},O'Brien ${i}`)]);
    expect(apostrophes).toMatchObject({ quote: '"', columns: ['id', 'name'] });
  });

  it('notices records ending with different line breaks', () => {
    const text = 'a,b\r\n1,2\n3,4\r\n5,6\n';
    expect(sniffDialect(text, true).mixedNewlines).toBe(true);
    expect(sniffDialect('a,b\r\n1,"x\ny"\r\n', true).mixedNewlines).toBe(false);
  });

  it('reads a file of one column whole', () => {
    expect(sniff(['name', 'Ann', 'Bo, Jr.', 'Cy'])).toMatchObject({ delimiter: null, columns: ['name'] });
  });

  it('renames empty and repeated header names as DuckDB does', () => {
    expect(sniff(['notes,,Notes,x', '1,2,3,4', '5,6,7,8']).columns).toEqual([
      'notes',
      'column2',
      'Notes_1',
      'x',
    ]);
  });

  it("takes Excel's `sep=` line for the delimiter and skips it", () => {
    const dialect = sniff(['sep=;', 'a;b', ...rows(5, (i) => `${i};x,${i}`)]);
    expect(dialect).toMatchObject({ delimiter: ';', skip: 1, columns: ['a', 'b'] });
  });

  it('keeps what the user chose and decides the rest', () => {
    const lines = ['2024,sensor,21', ...rows(10, (i) => `${2024 + i},s${i},${i}`)];
    expect(sniff(lines).header).toBe(false);
    expect(sniffDialect(lines.join('\n'), true, { header: true })).toMatchObject({
      header: true,
      columns: ['2024', 'sensor', '21'],
    });
    expect(sniffDialect(lines.join('\n'), true, { skip: 2 })).toMatchObject({ skip: 2 });
  });
});

describe('delimiterName', () => {
  it('names delimiters for people', () => {
    expect(delimiterName('\t')).toBe('tab');
    expect(delimiterName(null)).toBe('single-column');
  });
});
