import { describe, expect, it } from 'vitest';
import { ident, integer, literal } from './sql';

describe('SQL quoting', () => {
  it('quotes identifiers so a hostile column name stays a name', () => {
    expect(ident('food_cost')).toBe('"food_cost"');
    expect(ident('a"; DROP TABLE x; --')).toBe('"a""; DROP TABLE x; --"');
  });

  it('quotes literals so a value never becomes SQL', () => {
    expect(literal("O'Brien")).toBe("'O''Brien'");
    expect(literal("'); DROP TABLE raw_visits; --")).toBe("'''); DROP TABLE raw_visits; --'");
  });

  it('refuses a non-integer where an integer goes', () => {
    expect(integer(42)).toBe('42');
    expect(() => integer(1.5)).toThrow('Expected an integer for SQL, got 1.5');
    expect(() => integer(Number.NaN)).toThrow(/NaN/);
  });
});
