import { decodeToUtf8, lineEnd, lineStart, type ReadChunk } from './decode-file';
import type { SourceView } from './ingest';

/**
 * The bytes DuckDB reads for a file, per view: the file itself, its text decoded to UTF-8 (kept for the
 * load's retries), and either with some lines left empty. Blobs are slices of blobs, never copies, except
 * the decoded text.
 */
export class SourceViews {
  private decoded: { key: string; blob: Blob } | null = null;

  constructor(
    private readonly file: Blob,
    private readonly reader: (blob: Blob) => ReadChunk,
    /** Sees the original bytes as they are decoded (to feed the content hash) and may stop between chunks. */
    private readonly onChunk: (at: number, bytes: Uint8Array) => Promise<void>,
  ) {}

  /** null: the file as it is. */
  async blob(view: SourceView): Promise<Blob | null> {
    if (view.decode === null && !view.normalizeNewlines && view.emptied.length === 0) return null;
    const base = view.decode === null && !view.normalizeNewlines ? this.file : await this.decode(view);
    return view.emptied.length === 0 ? base : emptyLines(base, view.emptied, this.reader(base));
  }

  private async decode({ decode, normalizeNewlines }: SourceView): Promise<Blob> {
    const key = `${decode ?? 'utf-8'} ${normalizeNewlines}`;
    if (this.decoded?.key !== key) {
      const read = this.reader(this.file);
      const parts = await decodeToUtf8(
        read,
        this.file.size,
        decode ?? 'utf-8',
        normalizeNewlines,
        this.onChunk,
      );
      this.decoded = { key, blob: new Blob(parts as BlobPart[]) };
    }
    return this.decoded.blob;
  }
}

/** The blob with each line starting at one of `starts` emptied (its line break kept, so line numbers hold). */
async function emptyLines(blob: Blob, starts: readonly number[], read: ReadChunk): Promise<Blob> {
  const parts: Blob[] = [];
  let at = 0;
  const lines = await Promise.all(starts.map((start) => lineStart(read, start)));
  for (const start of [...new Set(lines)].sort((a, b) => a - b)) {
    if (start < at) continue;
    parts.push(blob.slice(at, start));
    at = await lineEnd(read, blob.size, start);
  }
  parts.push(blob.slice(at));
  return new Blob(parts);
}
