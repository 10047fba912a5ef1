import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';
import { isDataEntry, isWorkbookEntry } from '$lib/models/file-formats/detect-format';
import { IngestError, KEEP } from '../ingest-errors';

/** Gathers decompressed bytes into a Blob a few megabytes at a time, so no single copy holds them all. */
export class BlobSink {
  private readonly parts: Blob[] = [];
  private chunks: Uint8Array[] = [];
  private pending = 0;
  size = 0;

  push(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.pending += chunk.length;
    this.size += chunk.length;
    if (this.pending >= 16 * 1024 * 1024) this.flush();
  }

  file(name: string): File {
    this.flush();
    return new File(this.parts, name);
  }

  private flush(): void {
    if (this.chunks.length > 0) this.parts.push(new Blob(this.chunks as BlobPart[]));
    this.chunks = [];
    this.pending = 0;
  }
}

/** Reads a file in order, telling `onBytes` how far it got; `onBytes` may throw to stop (cancel). */
async function eachChunk(
  file: Blob,
  onChunk: (chunk: Uint8Array) => void | Promise<void>,
  onBytes: (read: number) => Promise<void>,
) {
  const reader = file.stream().getReader();
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    await onChunk(value);
    read += value.length;
    await onBytes(read);
  }
}

/** A gzip file's content, decompressed by the browser as it is read. */
export async function gunzip(
  file: File,
  innerName: string,
  onBytes: (read: number) => Promise<void>,
): Promise<File> {
  const sink = new BlobSink();
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const drained = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      sink.push(value);
    }
  })();
  try {
    await eachChunk(file, (chunk) => writer.write(chunk as BufferSource), onBytes);
    await writer.close();
    await drained;
  } catch (error) {
    await writer.abort().catch(() => undefined);
    await drained.catch(() => undefined);
    if (error instanceof Error && error.name === 'IngestCancelled') throw error;
    throw new IngestError(
      file.name,
      `"${file.name}" could not be decompressed: it is not a complete gzip file (${errorText(error)}). ` +
        `It may have been cut off while downloading or copying: get it again, or drop the file it was ` +
        `made from. ${KEEP}`,
    );
  }
  return sink.file(innerName);
}

export interface ZipEntry {
  /** The entry's path inside the archive. */
  path: string;
  file: File;
}

/**
 * The data files inside a ZIP archive, decompressed as the archive is read. Folders, macOS's resource
 * forks and files that are not data are passed over; a workbook is reported as such.
 */
export async function unzipEntries(
  file: File,
  onBytes: (read: number) => Promise<void>,
): Promise<{ entries: ZipEntry[]; skipped: string[]; workbook: boolean }> {
  const entries: ZipEntry[] = [];
  const skipped: string[] = [];
  const open = new Set<string>();
  let workbook = false;
  let failure: string | null = null;
  const unzip = new Unzip((entry) => {
    if (isWorkbookEntry(entry.name)) workbook = true;
    if (!isDataEntry(entry.name)) {
      if (!entry.name.endsWith('/') && !entry.name.includes('__MACOSX')) skipped.push(entry.name);
      return;
    }
    const sink = new BlobSink();
    open.add(entry.name);
    entry.ondata = (error, data, final) => {
      if (error) {
        failure ??= `"${entry.name}" inside it could not be decompressed (${error.message})`;
        return;
      }
      sink.push(data);
      if (final) {
        open.delete(entry.name);
        const name = entry.name.split('/').at(-1) ?? entry.name;
        entries.push({ path: entry.name, file: sink.file(name) });
      }
    };
    try {
      entry.start();
    } catch (error) {
      failure ??= `"${entry.name}" inside it is compressed in a way this reader does not know (${errorText(error)})`;
    }
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    await eachChunk(file, (chunk) => unzip.push(chunk), onBytes);
    unzip.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof Error && error.name === 'IngestCancelled') throw error;
    failure ??= errorText(error);
  }
  if (!failure && open.size > 0) failure = `"${[...open][0]}" inside it is cut short`;
  if (failure) {
    throw new IngestError(
      file.name,
      `"${file.name}" is not a complete ZIP archive: ${failure}. It may have been cut off while ` +
        `downloading or copying: get it again, or drop the files inside it. ${KEEP}`,
    );
  }
  return { entries, skipped, workbook };
}

/** The cause without the browser's prefix ("Failed to execute 'close' on 'WritableStreamDefaultWriter': …"). */
const errorText = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).replace(/^Failed to execute .*?: /, '');
