/** One top-level record's JSON text and the line it starts on (1-based). */
export interface JsonRecordText {
  text: string;
  line: number;
}

/** JSON that cannot be split into records: what is wrong and on which line. */
export class JsonShapeError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const NEWLINE = 0x0a;
const isSpace = (c: number) => c === 0x20 || c === NEWLINE || c === 0x0d || c === 0x09;

/**
 * Cuts JSON text, as it arrives in chunks, into its records: the elements of a top-level array, or the
 * values of newline-delimited JSON (one after another). It only finds where each record ends, so a file
 * of any size passes through a bounded buffer; each record is then parsed on its own by `JSON.parse`.
 */
export class JsonRecordSplitter {
  private mode: 'unknown' | 'array' | 'values' | 'done' = 'unknown';
  private pending = '';
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Where the record being read starts in `pending`, or -1 between records. */
  private start = -1;
  private startLine = 0;
  /** The depth records sit at: 1 inside a top-level array, 0 for one value after another. */
  private base = 0;
  private line = 1;

  /** The record being read when the text ended, to find what is wrong in it. */
  get unfinished(): JsonRecordText | null {
    return this.start >= 0 ? { text: this.pending, line: this.startLine } : null;
  }

  /** The text is one array whose elements are the records. */
  get isArray(): boolean {
    return this.mode === 'array' || this.mode === 'done';
  }

  /** The records completed by this chunk. */
  push(chunk: string): JsonRecordText[] {
    const records: JsonRecordText[] = [];
    const text = this.pending + chunk;
    let i = this.pending.length;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === NEWLINE) this.line++;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) this.inString = false;
        continue;
      }
      if (this.mode === 'unknown') {
        if (isSpace(c)) continue;
        this.mode = c === OPEN_ARRAY ? 'array' : 'values';
        if (this.mode === 'array') {
          this.depth = 1;
          this.base = 1;
          continue;
        }
      }
      if (this.mode === 'done') {
        if (!isSpace(c)) throw new JsonShapeError('there is more text after the closing bracket', this.line);
        continue;
      }
      if (this.start < 0) {
        if (isSpace(c) || (c === COMMA && this.mode === 'array')) continue;
        if (c === CLOSE_ARRAY && this.mode === 'array') {
          this.mode = 'done';
          continue;
        }
        if (this.mode === 'values' && c !== OPEN_OBJECT && c !== OPEN_ARRAY)
          throw new JsonShapeError('a line holds a value that is not an object', this.line);
        this.start = i;
        this.startLine = this.line;
      }
      if (c === QUOTE) this.inString = true;
      else if (c === OPEN_OBJECT || c === OPEN_ARRAY) this.depth++;
      else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        if (this.depth === this.base) {
          // A scalar element followed by the array's end.
          records.push(this.cut(text, i));
          this.mode = 'done';
          continue;
        }
        this.depth--;
        if (this.depth === this.base) records.push(this.cut(text, i + 1));
        continue;
      }
      if (this.depth === this.base && this.mode === 'array' && c === COMMA) {
        records.push(this.cut(text, i));
        continue;
      }
    }
    const keepFrom = this.start < 0 ? text.length : this.start;
    this.pending = text.slice(keepFrom);
    if (this.start >= 0) this.start = 0;
    return records;
  }

  /** At the end of the text: an array never closed or a record cut short is an error. */
  end(): void {
    if (this.start >= 0 || this.mode === 'array')
      throw new JsonShapeError('the text ends inside a record: the file is cut short', this.line);
  }

  private cut(text: string, end: number): JsonRecordText {
    const record = { text: text.slice(this.start, end), line: this.startLine };
    this.start = -1;
    return record;
  }
}

/**
 * The line a parse error is on: JavaScript engines say where in the record they stopped (a line and column,
 * or a position); without either, the record's first line.
 */
export function errorLine(record: JsonRecordText, message: string): { line: number; exact: boolean } {
  const line = /\bline (\d+)/.exec(message);
  if (line) return { line: record.line + Number(line[1]) - 1, exact: true };
  const position = /\bposition (\d+)/.exec(message);
  if (!position) return { line: record.line, exact: false };
  const before = record.text.slice(0, Number(position[1]));
  return { line: record.line + (before.match(/\n/g)?.length ?? 0), exact: true };
}
