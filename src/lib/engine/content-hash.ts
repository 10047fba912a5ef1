import { createXXHash128, type IHasher } from 'hash-wasm';

const CHUNK = 8 * 1024 * 1024;

type ReadChunk = (start: number, end: number) => Uint8Array;

/**
 * A file's content hash, fed the bytes DuckDB reads as it loads the file, so a large file is read once:
 * xxHash128, checkable outside the browser with `xxhsum -H2`. Bytes that do not continue the bytes
 * hashed so far (a re-read, a jump ahead) are ignored; `finish` reads whatever was not fed, in chunks.
 */
export class StreamingContentHash {
  private hashedTo = 0;
  private digest: Promise<string> | null = null;

  private constructor(
    private readonly hasher: IHasher,
    readonly size: number,
  ) {}

  static async create(size: number): Promise<StreamingContentHash> {
    const hasher = await createXXHash128();
    hasher.init();
    return new StreamingContentHash(hasher, size);
  }

  /** How many bytes from the start are hashed. */
  get bytesHashed(): number {
    return this.hashedTo;
  }

  feed(at: number, bytes: Uint8Array): void {
    const end = at + bytes.length;
    if (this.digest !== null || at > this.hashedTo || end <= this.hashedTo) return;
    this.hasher.update(bytes.subarray(this.hashedTo - at));
    this.hashedTo = end;
  }

  /** The hash, reading the bytes not fed yet; later feeds change nothing. */
  finish(readChunk: ReadChunk, onProgress: (bytesHashed: number) => Promise<void> = async () => undefined) {
    this.digest ??= (async () => {
      while (this.hashedTo < this.size) {
        const end = Math.min(this.size, this.hashedTo + CHUNK);
        this.hasher.update(readChunk(this.hashedTo, end));
        this.hashedTo = end;
        await onProgress(end);
      }
      return `xxh128:${this.hasher.digest('hex')}`;
    })();
    return this.digest;
  }
}

/** The content hash of bytes read in chunks, never held whole. */
export async function contentHash(
  readChunk: ReadChunk,
  size: number,
  onProgress?: (bytesHashed: number) => Promise<void>,
): Promise<string> {
  return (await StreamingContentHash.create(size)).finish(readChunk, onProgress);
}
