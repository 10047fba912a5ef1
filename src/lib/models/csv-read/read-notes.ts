import type { Dialect } from './dialect';
import { ENCODING_NAMES, type Encoding } from './encoding';

const quoted = (text: string) => `“${text.length > 60 ? `${text.slice(0, 57)}…` : text}”`;
const lines = (n: number) => (n === 1 ? '1 line' : `${n.toLocaleString('en-US')} lines`);

/** What was decided about reading a file that a person would not assume, one sentence each. */
export function readNotes(
  fileName: string,
  dialect: Dialect,
  encoding: Encoding,
  emptied: readonly { line: number }[],
): string[] {
  const file = `"${fileName}"`;
  const notes: string[] = [];
  if (encoding === 'windows-1252') {
    notes.push(
      `${file} is not UTF-8: it was read as ${ENCODING_NAMES[encoding]} text. If its letters look wrong, ` +
        `choose its encoding in its read options.`,
    );
  } else if (encoding !== 'utf-8') notes.push(`${file} was read as ${ENCODING_NAMES[encoding]} text.`);
  if (dialect.skip > 0) {
    const shown = dialect.skipped
      .filter((l) => l.trim() !== '')
      .slice(0, 2)
      .map(quoted);
    notes.push(
      `${file}: ${lines(dialect.skip)} before the ${dialect.header ? 'header' : 'first record'} skipped` +
        (shown.length > 0 ? ` (${shown.join(', ')}).` : '.'),
    );
  }
  if (!dialect.header) {
    const last = dialect.columns.length;
    notes.push(
      `${file} has no header row: its columns are named column1${last > 1 ? `…column${last}` : ''}. ` +
        `If its first line is a header, say so in its read options.`,
    );
  }
  if (dialect.comments) {
    const [first] = dialect.comments.lines;
    const count = dialect.comments.lines.length;
    notes.push(
      `${file}: lines starting with # inside the data are comments and were skipped` +
        (first
          ? ` (line ${first.line.toLocaleString('en-US')} ${quoted(first.text)}` +
            `${count > 1 ? ` and ${count - 1} more in the first part read` : ''}).`
          : '.') +
        ' A # inside a value would end it: if values hold one, turn comments off in its read options.',
    );
  }
  if (dialect.trailingDelimiter)
    notes.push(`${file}: a delimiter ends every row; the empty field after it is ignored.`);
  if (dialect.shortRows) {
    const last = dialect.columns[dialect.columns.length - 1] ?? '';
    notes.push(`${file}: every row has one field less than the header, so "${last}" is empty.`);
  }
  if (dialect.escape === '\\')
    notes.push(`${file}: quotes inside values are escaped with a backslash (\\").`);
  if (dialect.mixedNewlines) notes.push(`${file} mixes line endings (\\r\\n and \\n): both end a record.`);
  if (dialect.anotherTable) {
    const { line, columns } = dialect.anotherTable;
    notes.push(
      `${file}: line ${line.toLocaleString('en-US')} starts another table (${columns} columns). Only the ` +
        `first table was loaded; the other's lines are rejected. Save each table as a file of its own.`,
    );
  }
  for (const { line } of emptied.slice(0, 3)) {
    notes.push(
      `${file}: line ${line.toLocaleString('en-US')} opens a quote that is never closed; that record was ` +
        `rejected and the rest loaded.`,
    );
  }
  if (emptied.length > 3)
    notes.push(`${file}: ${emptied.length - 3} more records with a quote never closed were rejected.`);
  return notes;
}
