import { createXXHash128 } from 'hash-wasm';

const CHUNK = 8 * 1024 * 1024;

/**
 * The file's content hash, read in chunks so a large file is never held whole. xxHash128: fast enough
 * to run before every load, and checkable outside the browser with `xxhsum -H2`.
 */
export async function contentHash(
  readChunk: (start: number, end: number) => Uint8Array,
  size: number,
  onProgress: (bytesHashed: number) => Promise<void> = async () => undefined,
): Promise<string> {
  const hasher = await createXXHash128();
  hasher.init();
  for (let start = 0; start < size; start += CHUNK) {
    const end = Math.min(size, start + CHUNK);
    hasher.update(readChunk(start, end));
    await onProgress(end);
  }
  return `xxh128:${hasher.digest('hex')}`;
}
