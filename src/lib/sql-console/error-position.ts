/**
 * Where in the query DuckDB says an error is. Its parser errors (from a pending query) come as JSON with a
 * byte offset; binder and runtime errors come as text ending in "LINE n: <excerpt>" and a caret under the
 * spot, the excerpt cut to about 80 characters with "..." when the line is longer.
 */

export interface SqlPosition {
  /** UTF-16 index into the query, as an editor counts. */
  offset: number;
  /** 1-based. */
  line: number;
  column: number;
}

export interface DuckdbError {
  message: string;
  position: SqlPosition | null;
}

const encoder = new TextEncoder();

/** DuckDB counts positions in UTF-8 bytes. */
export function offsetFromBytes(sql: string, bytes: number): number {
  let seen = 0;
  let index = 0;
  for (const char of sql) {
    if (seen >= bytes) break;
    seen += encoder.encode(char).length;
    index += char.length;
  }
  return index;
}

export function positionAt(sql: string, offset: number): SqlPosition {
  const clamped = Math.max(0, Math.min(offset, sql.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < clamped; i++) {
    if (sql[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset: clamped, line, column: clamped - lineStart + 1 };
}

const LINE_CONTEXT = /\n\nLINE (\d+): (.*)\n( *)\^\s*$/;

/** The offset of the caret in "LINE n: <excerpt>\n    ^", or null when the message has none. */
export function offsetFromContext(message: string, sql: string): number | null {
  const match = LINE_CONTEXT.exec(message);
  if (!match) return null;
  const lineNumber = Number(match[1]);
  let excerpt = match[2] ?? '';
  let caret = (match[3] ?? '').length - `LINE ${lineNumber}: `.length;
  if (excerpt.startsWith('...')) {
    excerpt = excerpt.slice(3);
    caret -= 3;
  }
  if (excerpt.endsWith('...')) excerpt = excerpt.slice(0, -3);
  // DuckDB starts a new line at every \n and every \r.
  const lines = sql.split(/\n|\r/);
  const line = lines[lineNumber - 1];
  if (line === undefined || caret < 0) return null;
  const lineStart = lines.slice(0, lineNumber - 1).reduce((sum, l) => sum + l.length + 1, 0);
  const found = line.indexOf(excerpt);
  const excerptStart = found < 0 ? 0 : found;
  // The caret counts characters (code points), not UTF-16 units.
  const chars = [...line.slice(excerptStart)].slice(0, caret).join('').length;
  return lineStart + excerptStart + chars;
}

/** DuckDB's own words (with its excerpt and caret) and the position they point at. */
export function readDuckdbError(raw: string, sql: string): DuckdbError {
  const json = parseJson(raw);
  if (json) {
    const type = typeof json.exception_type === 'string' ? json.exception_type : 'Error';
    const text = typeof json.exception_message === 'string' ? json.exception_message : raw;
    const bytes = Number(json.position);
    const fromContext = offsetFromContext(text, sql);
    const offset =
      Number.isFinite(bytes) && json.position !== undefined ? offsetFromBytes(sql, bytes) : fromContext;
    return {
      message: `${type} Error: ${text}`,
      position: offset === null ? null : positionAt(sql, offset),
    };
  }
  const offset = offsetFromContext(raw, sql);
  return { message: raw, position: offset === null ? null : positionAt(sql, offset) };
}

function parseJson(raw: string): Record<string, unknown> | null {
  if (!raw.trimStart().startsWith('{')) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
