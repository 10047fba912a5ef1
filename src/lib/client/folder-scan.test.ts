import { describe, expect, it } from 'vitest';
import { FolderScan, isDataFile } from './folder-scan';

const file = (name: string, content: string, lastModified = 1000) =>
  new File([content], name, { lastModified });
const names = (files: File[]) => files.map((f) => f.name);

describe('scanning a watched folder', () => {
  it('hands a file over once it is unchanged across two polls, and only once', () => {
    const scan = new FolderScan();
    const a = file('a.csv', 'x,y\n1,2\n');
    expect(scan.next([a])).toEqual({ ready: [], waiting: 1, found: 1 });
    const second = scan.next([a]);
    expect(names(second.ready)).toEqual(['a.csv']);
    scan.take(second.ready);
    expect(scan.next([a])).toEqual({ ready: [], waiting: 0, found: 1 });
  });

  it('waits while a file is still being written', () => {
    const scan = new FolderScan();
    scan.next([file('a.csv', 'x,y\n', 1000)]);
    expect(scan.next([file('a.csv', 'x,y\n1,2\n', 2000)]).waiting).toBe(1);
    expect(names(scan.next([file('a.csv', 'x,y\n1,2\n', 2000)]).ready)).toEqual(['a.csv']);
  });

  it('offers a ready file again until the loader took it', () => {
    const scan = new FolderScan();
    const a = file('a.csv', 'x\n1\n');
    scan.next([a]);
    expect(names(scan.next([a]).ready)).toEqual(['a.csv']);
    expect(names(scan.next([a]).ready)).toEqual(['a.csv']);
  });

  it('treats a rewritten file as new, and an empty one as not ready', () => {
    const scan = new FolderScan();
    const v1 = file('a.csv', 'x\n1\n', 1000);
    scan.next([v1, file('b.csv', '')]);
    const first = scan.next([v1, file('b.csv', '')]);
    expect(names(first.ready)).toEqual(['a.csv']);
    expect(first.waiting).toBe(1);
    scan.take(first.ready);
    const v2 = file('a.csv', 'x\n1\n2\n', 5000);
    scan.next([v2]);
    expect(names(scan.next([v2]).ready)).toEqual(['a.csv']);
  });

  it('hands files over oldest first and ignores what is not data', () => {
    const scan = new FolderScan();
    const listing = [
      file('new.csv', 'a', 3000),
      file('old.tsv', 'a', 1000),
      file('.hidden.csv', 'a'),
      file('notes.md', 'a'),
    ];
    scan.next(listing);
    const result = scan.next(listing);
    expect(names(result.ready)).toEqual(['old.tsv', 'new.csv']);
    expect(result.found).toBe(2);
  });

  it('knows data files by their extension', () => {
    expect(['a.csv', 'B.CSV', 'c.tsv', 'd.psv', 'e.txt'].every(isDataFile)).toBe(true);
    expect(['.a.csv', 'a.csv.crswap', 'a.xlsx', 'csv'].some(isDataFile)).toBe(false);
  });
});
