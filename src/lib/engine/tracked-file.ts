/**
 * A File that remembers how far DuckDB has read it. DuckDB's browser runtime reads registered files
 * through `slice()` and FileReaderSync, so the furthest slice end is the bytes read so far.
 * `new File([file])` references the same bytes; nothing is copied.
 */
export class TrackedFile extends File {
  bytesRead = 0;

  constructor(source: File) {
    super([source], source.name, { type: source.type, lastModified: source.lastModified });
  }

  override slice(start?: number, end?: number, contentType?: string): Blob {
    const reached = Math.min(end ?? this.size, this.size);
    if (reached > this.bytesRead) this.bytesRead = reached;
    return super.slice(start, end, contentType);
  }
}

// Only workers have FileReaderSync; the DOM lib this project compiles against does not declare it.
declare const FileReaderSync: { new (): { readAsArrayBuffer(blob: Blob): ArrayBuffer } };

export function readHead(file: Blob, bytes = 8192): Uint8Array {
  return readChunk(file)(0, bytes);
}

export function readChunk(file: Blob): (start: number, end: number) => Uint8Array {
  const reader = new FileReaderSync();
  return (start, end) => new Uint8Array(reader.readAsArrayBuffer(file.slice(start, end)));
}
