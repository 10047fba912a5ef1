import { describe, expect, it } from 'vitest';
import { checkStatement, firstWord, splitStatements } from './statement';

describe('splitStatements', () => {
  it('splits at semicolons outside strings, quoted names, dollar quotes and comments', () => {
    const sql = `SELECT 'a;b', "c;d", $$e;f$$, E'g\\';h' -- i;j\n/* k;l */ FROM t; SELECT 2;;  -- end`;
    const parts = splitStatements(sql);
    expect(parts.map((p) => p.text.trim())).toEqual([
      `SELECT 'a;b', "c;d", $$e;f$$, E'g\\';h' -- i;j\n/* k;l */ FROM t`,
      'SELECT 2',
    ]);
    expect(parts[1]?.start).toBe(sql.indexOf(' SELECT 2'));
  });

  it('keeps a statement whose string is left open whole', () => {
    expect(splitStatements("SELECT 'open; still open")).toHaveLength(1);
  });
});

describe('firstWord', () => {
  it('skips comments and brackets', () => {
    expect(firstWord('  -- note\n /* x */ ((select 1))')).toEqual({ word: 'select', index: 21 });
    expect(firstWord('-- only a comment')).toBeNull();
  });
});

describe('checkStatement', () => {
  it.each([
    'SELECT 1',
    'select 1;',
    'WITH x AS (SELECT 1) SELECT * FROM x',
    'FROM orders',
    'VALUES (1)',
    'DESCRIBE orders',
    'SUMMARIZE orders',
    'SHOW TABLES',
    '(SELECT 1) UNION (SELECT 2)',
    '-- revenue\nSELECT 1 -- trailing',
  ])('accepts the read %j', (sql) => {
    expect(checkStatement(sql).ok).toBe(true);
  });

  it.each([
    'DROP TABLE t',
    'insert into t values (1)',
    'SET threads = 1',
    "ATTACH 'x.db'",
    'COPY t TO x',
    'PRAGMA version',
    'CALL checkpoint()',
    'EXPLAIN SELECT 1',
  ])('refuses %j at its first word', (sql) => {
    const check = checkStatement(`  ${sql}`);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.message).toMatch(/only reads/);
      expect(check.position).toBe(2);
    }
  });

  it('asks for one statement at a time, pointing at the second', () => {
    const check = checkStatement('SELECT 1;\nDROP TABLE t');
    expect(check).toEqual({
      ok: false,
      message: expect.stringMatching(/one statement at a time/),
      position: 10,
    });
  });

  it('says when there is nothing to run', () => {
    expect(checkStatement('  -- nothing\n ;')).toMatchObject({ ok: false, position: null });
  });
});
