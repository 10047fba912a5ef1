import { windows1252Extras, type Encoding } from '$lib/models/csv-read/encoding';

/** Reads bytes of a file: synchronously in the worker (FileReaderSync), asynchronously in Node. */
export type ReadChunk = (start: number, end: number) => Uint8Array | Promise<Uint8Array>;

const CHUNK = 8 * 1024 * 1024;

/**
 * A file's text as UTF-8, read in chunks: for encodings DuckDB cannot read in place, and to make every line
 * break `\n` when a file mixes them (DuckDB's reader takes one kind per file). `onChunk` sees the original
 * bytes (the content hash is fed from them) and may stop the work between chunks.
 */
export async function decodeToUtf8(
  read: ReadChunk,
  size: number,
  encoding: Encoding,
  normalizeNewlines: boolean,
  onChunk: (at: number, bytes: Uint8Array) => Promise<void> = async () => undefined,
): Promise<Uint8Array[]> {
  const decoder = new TextDecoder(encoding);
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let carriedReturn = false;
  for (let at = 0; at < size || at === 0; at += CHUNK) {
    const bytes = await read(at, Math.min(size, at + CHUNK));
    let text = (carriedReturn ? '\r' : '') + decoder.decode(bytes, { stream: at + CHUNK < size });
    carriedReturn = false;
    if (encoding === 'windows-1252') text = windows1252Extras(text);
    if (normalizeNewlines) {
      // A `\r` at a chunk's end may be the first half of `\r\n`: it waits for the next chunk.
      if (text.endsWith('\r') && at + CHUNK < size) {
        text = text.slice(0, -1);
        carriedReturn = true;
      }
      text = text.replace(/\r\n?/g, '\n');
    }
    parts.push(encoder.encode(text));
    await onChunk(at, bytes);
    if (size === 0) break;
  }
  if (carriedReturn) parts.push(encoder.encode('\n'));
  return parts;
}

/** Where the line that starts at `start` ends (its line break, or the end of the bytes). */
export async function lineEnd(read: ReadChunk, size: number, start: number): Promise<number> {
  for (let at = start; at < size; at += 65536) {
    const bytes = await read(at, Math.min(size, at + 65536));
    const i = bytes.findIndex((b) => b === 0x0a || b === 0x0d);
    if (i >= 0) return at + i;
  }
  return size;
}

/** The start of the line holding byte `at` (DuckDB's reported positions are not always a line's first byte). */
export async function lineStart(read: ReadChunk, at: number): Promise<number> {
  for (let end = at; end > 0; end -= 65536) {
    const from = Math.max(0, end - 65536);
    const bytes = await read(from, end);
    for (let i = bytes.length - 1; i >= 0; i--)
      if (bytes[i] === 0x0a || bytes[i] === 0x0d) return from + i + 1;
  }
  return 0;
}
