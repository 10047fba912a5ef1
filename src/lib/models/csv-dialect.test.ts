import { describe, expect, it } from 'vitest';
import { delimiterName, detectDelimiter, headerFields } from './csv-dialect';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('detectDelimiter', () => {
  it.each([
    ['a,b,c\n1,2,3', ','],
    ['a;b;c\r\n1,5;2;3', ';'],
    ['a\tb\tc\n', '\t'],
    ['a|b|c', '|'],
    ['\uFEFF"x,y";b;c\n', ';'],
  ])('finds the delimiter of %j', (text, expected) => {
    expect(detectDelimiter(bytes(text))).toBe(expected);
  });

  it('returns null for a one-column header', () => {
    expect(detectDelimiter(bytes('name\nAnn\n'))).toBeNull();
  });

  it('names delimiters for people', () => {
    expect(delimiterName('\t')).toBe('tab');
    expect(delimiterName(null)).toBe('single-column');
  });
});

describe('headerFields', () => {
  it('splits the header line, with quoted delimiters and doubled quotes', () => {
    expect(headerFields(bytes('a,"b,c","say ""hi""",\nx,y'), ',')).toEqual(['a', 'b,c', 'say "hi"', '']);
    expect(headerFields(bytes('\uFEFFnotes;notes\r\n1;2'), ';')).toEqual(['notes', 'notes']);
  });
});
