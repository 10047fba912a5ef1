/** A File's bytes, read synchronously in the worker. */
// Only workers have FileReaderSync; the DOM lib this project compiles against does not declare it.
declare const FileReaderSync: { new (): { readAsArrayBuffer(blob: Blob): ArrayBuffer } };

export function readHead(file: Blob, bytes = 8192): Uint8Array {
  return readChunk(file)(0, bytes);
}

export function readChunk(file: Blob): (start: number, end: number) => Uint8Array {
  const reader = new FileReaderSync();
  return (start, end) => new Uint8Array(reader.readAsArrayBuffer(file.slice(start, end)));
}
