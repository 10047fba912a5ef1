import { ident } from '$lib/models/sql';

/**
 * What the SQL console accepts: one statement that reads. The engine also runs it in a read-only
 * transaction, so DuckDB itself refuses any write; this check turns away, before anything runs, the
 * statements a transaction cannot undo (SET, ATTACH, INSTALL, COPY … TO, CHECKPOINT, USE, PRAGMA, CALL)
 * and says why in words.
 */

/** Statements that only read: DuckDB parses every one of them into a SELECT. */
export const READ_KEYWORDS = [
  'select',
  'with',
  'values',
  'from',
  'table',
  'describe',
  'show',
  'summarize',
] as const;

export interface Statement {
  /** The statement without its closing semicolon. */
  text: string;
  /** Where it starts in the whole text (UTF-16 index). */
  start: number;
}

export type StatementCheck =
  { ok: true; statement: Statement } | { ok: false; message: string; position: number | null };

/**
 * Splits SQL at the semicolons that end statements: not those inside strings, quoted names, dollar-quoted
 * text or comments. Statements that hold only whitespace and comments are left out.
 */
export function splitStatements(sql: string): Statement[] {
  const statements: Statement[] = [];
  let start = 0;
  let i = 0;
  const push = (end: number) => {
    const text = sql.slice(start, end);
    if (firstWord(text) !== null) statements.push({ text, start });
  };
  while (i < sql.length) {
    const next = skipQuoted(sql, i);
    if (next > i) {
      i = next;
      continue;
    }
    if (sql[i] === ';') {
      push(i);
      start = i + 1;
    }
    i++;
  }
  push(sql.length);
  return statements;
}

/** The index after a comment, string, quoted name or dollar-quoted text starting at i; i when none does. */
function skipQuoted(sql: string, i: number): number {
  const c = sql[i];
  const next = sql[i + 1];
  if (c === '-' && next === '-') {
    const end = sql.indexOf('\n', i);
    return end < 0 ? sql.length : end + 1;
  }
  if (c === '/' && next === '*') {
    const end = sql.indexOf('*/', i + 2);
    return end < 0 ? sql.length : end + 2;
  }
  if (c === "'" || c === '"') {
    const escapes = c === "'" && /[eE]/.test(sql[i - 1] ?? '') && !/\w/.test(sql[i - 2] ?? '');
    let j = i + 1;
    while (j < sql.length) {
      if (escapes && sql[j] === '\\') j += 2;
      else if (sql[j] === c && sql[j + 1] === c) j += 2;
      else if (sql[j] === c) return j + 1;
      else j++;
    }
    return sql.length;
  }
  if (c === '$' && !/\w/.test(sql[i - 1] ?? '')) {
    const tag = /^\$([A-Za-z_]\w*)?\$/.exec(sql.slice(i));
    if (tag) {
      const end = sql.indexOf(tag[0], i + tag[0].length);
      return end < 0 ? sql.length : end + tag[0].length;
    }
  }
  return i;
}

/** The first word of a statement (lower case) and where it is, skipping comments and opening brackets. */
export function firstWord(text: string): { word: string; index: number } | null {
  let i = 0;
  while (i < text.length) {
    const skipped = skipQuoted(text, i);
    const c = text[i] ?? '';
    if (skipped > i && (c === '-' || c === '/')) i = skipped;
    else if (/[\s(]/.test(c)) i++;
    else break;
  }
  const word = /^[A-Za-z_]\w*/.exec(text.slice(i));
  return word ? { word: word[0].toLowerCase(), index: i } : i < text.length ? { word: '', index: i } : null;
}

export function checkStatement(sql: string): StatementCheck {
  const statements = splitStatements(sql);
  const [statement, second] = statements;
  if (!statement) return { ok: false, message: 'Nothing to run: write a query first.', position: null };
  if (second) {
    return {
      ok: false,
      message: `Run one statement at a time: this text holds ${statements.length} (the second starts here).`,
      position: second.start + (firstWord(second.text)?.index ?? 0),
    };
  }
  const first = firstWord(statement.text);
  const word = first?.word ?? '';
  if (!(READ_KEYWORDS as readonly string[]).includes(word)) {
    const shown = word === '' ? 'This statement' : `${word.toUpperCase()} statements`;
    return {
      ok: false,
      message:
        `${shown} cannot run here: the SQL console only reads (SELECT, WITH, VALUES, FROM, TABLE, ` +
        'DESCRIBE, SHOW, SUMMARIZE), so the tables behind the dashboard stay as they are.',
      position: statement.start + (first?.index ?? 0),
    };
  }
  return { ok: true, statement };
}

/** The statement with the named columns read as text: `SELECT * REPLACE (CAST(c AS VARCHAR) AS c) FROM (…)`. */
export function enumsAsTextSql(statement: string, columns: readonly string[]): string {
  const replaced = columns.map((c) => `CAST(${ident(c)} AS VARCHAR) AS ${ident(c)}`).join(', ');
  return `SELECT * REPLACE (${replaced}) FROM (\n${statement}\n) AS dd_query`;
}
