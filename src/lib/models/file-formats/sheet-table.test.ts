import { describe, expect, it } from 'vitest';
import { cellText, findSheetTable } from './sheet-table';

const d = (iso: string) => new Date(iso);

describe('findSheetTable', () => {
  it('skips title rows and takes the first full row of text as the header', () => {
    const rows = [
      ['Quarterly sales'],
      [],
      ['store', 'sold', 'day'],
      ['Lisbon', 3, d('2024-01-02T00:00:00Z')],
      ['Porto', 4.5, d('2024-01-03T00:00:00Z')],
    ];
    expect(findSheetTable(rows)).toEqual({
      skip: 2,
      header: true,
      columns: ['store', 'sold', 'day'],
      firstRow: 3,
      width: 3,
      grouped: false,
    });
  });
  it('does not take a title right above the header for a group', () => {
    const table = findSheetTable([['Sales 2024'], ['store', 'sold'], ['Lisbon', 3]]);
    expect(table).toMatchObject({ skip: 1, columns: ['store', 'sold'], firstRow: 2 });
  });
  it('reads a first row of values as data', () => {
    const table = findSheetTable([
      ['a', 1],
      ['b', 2],
    ]);
    expect(table).toMatchObject({ header: false, columns: ['column1', 'column2'], firstRow: 0 });
  });
  it('names columns under a merged group cell after the group', () => {
    const table = findSheetTable([
      ['', 'Sales', null, 'Costs'],
      ['store', 'Q1', 'Q2', 'Q1'],
      ['Lisbon', 1, 2, 3],
    ]);
    expect(table.columns).toEqual(['store', 'Sales Q1', 'Sales Q2', 'Costs Q1']);
    expect(table).toMatchObject({ skip: 1, grouped: true });
  });
});

describe('cellText', () => {
  it('writes cells as a CSV holds them', () => {
    expect(cellText(d('2024-03-01T00:00:00Z'))).toBe('2024-03-01');
    expect(cellText(d('2024-03-01T10:15:30Z'))).toBe('2024-03-01 10:15:30');
    expect(cellText(1.5)).toBe('1.5');
    expect(cellText(true)).toBe('true');
    expect(cellText('  ')).toBeNull();
  });
});
