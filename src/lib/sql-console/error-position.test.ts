import { describe, expect, it } from 'vitest';
import { offsetFromBytes, offsetFromContext, positionAt, readDuckdbError } from './error-position';

describe('readDuckdbError', () => {
  it('reads the JSON of a parser error, its byte offset made an editor offset', () => {
    const sql = "SELECT 'é' FROMM orders";
    const raw = JSON.stringify({
      exception_type: 'Parser',
      exception_message: `syntax error at or near "orders"\n\nLINE 1: ${sql}\n                        ^`,
      position: String(new TextEncoder().encode("SELECT 'é' FROMM ").length),
    });
    const error = readDuckdbError(raw, sql);
    expect(error.message).toMatch(/^Parser Error: syntax error at or near "orders"\n\nLINE 1/);
    expect(error.position).toEqual({
      offset: sql.indexOf('orders'),
      line: 1,
      column: sql.indexOf('orders') + 1,
    });
  });

  it('reads the caret under LINE n of a binder error', () => {
    const sql = 'SELECT a\nFROM t\nWHERE zzz = 1';
    const raw = `Binder Error: Referenced column "zzz" not found in FROM clause!\nCandidate bindings: "a"\n\nLINE 3: WHERE zzz = 1\n              ^`;
    expect(readDuckdbError(raw, sql)).toEqual({
      message: raw,
      position: { offset: sql.indexOf('zzz'), line: 3, column: 7 },
    });
  });

  it('finds the spot in a long line DuckDB cut with "..."', () => {
    const long = `SELECT a FROM t WHERE a = 'x' + 1 and b = 1 and ${'a'.repeat(80)} = 2`;
    const raw = `Binder Error: no\n\nLINE 1: ...and b = 1 and ${'a'.repeat(20)}...\n                      ^`;
    const caretAt = '                      ^'.length - 1 - 'LINE 1: ...'.length;
    expect(offsetFromContext(raw, long)).toBe(long.indexOf('and b = 1') + caretAt);
  });

  it('has no position when DuckDB gives none', () => {
    expect(readDuckdbError('Out of Memory Error: failed to allocate', 'SELECT 1').position).toBeNull();
  });
});

describe('offsets', () => {
  it('turns UTF-8 byte offsets into UTF-16 offsets', () => {
    expect(offsetFromBytes('é😀x', 2)).toBe(1);
    expect(offsetFromBytes('é😀x', 6)).toBe(3);
  });

  it('gives line and column from an offset', () => {
    expect(positionAt('ab\ncd', 4)).toEqual({ offset: 4, line: 2, column: 2 });
  });
});
