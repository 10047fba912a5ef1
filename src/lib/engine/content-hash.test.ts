import { describe, expect, it } from 'vitest';
import { contentHash, StreamingContentHash } from './content-hash';

const reader = (bytes: Uint8Array) => (start: number, end: number) => bytes.subarray(start, end);

describe('contentHash', () => {
  it('gives xxHash128 of the bytes, whatever the chunking', async () => {
    const bytes = new TextEncoder().encode('restaurant_names,food_names\nalpha,tea\n');
    // Reference value from `printf '…' | xxhsum -H2` (Debian's xxhash package).
    expect(await contentHash(reader(bytes), bytes.length)).toBe('xxh128:95536e4e59ff8dacd791c9f4f62a1dd3');
    const big = new Uint8Array(20 * 1024 * 1024).map((_, i) => i % 251);
    const seen: number[] = [];
    const hash = await contentHash(reader(big), big.length, async (n) => void seen.push(n));
    expect(seen).toEqual([8388608, 16777216, 20971520]);
    expect(hash).not.toBe(await contentHash(reader(big.subarray(1)), big.length - 1));
  });

  it('is the same for the same content and differs for different content', async () => {
    const a = new TextEncoder().encode('x,y\n1,2\n');
    const b = new TextEncoder().encode('x,y\n1,3\n');
    expect(await contentHash(reader(a), a.length)).toBe(await contentHash(reader(a.slice()), a.length));
    expect(await contentHash(reader(a), a.length)).not.toBe(await contentHash(reader(b), b.length));
  });

  it('hashes the bytes a load reads, re-reads and jumps included, and reads only what was not fed', async () => {
    const bytes = new Uint8Array(3 * 1024 * 1024 + 17).map((_, i) => (i * 7) % 256);
    const whole = await contentHash(reader(bytes), bytes.length);
    const fed = await StreamingContentHash.create(bytes.length);
    const feed = (start: number, end: number) => fed.feed(start, bytes.subarray(start, end));
    feed(0, 4096); // a sniff of the head
    feed(0, 1 << 20); // the scan starts over
    feed(1 << 19, 1 << 21); // overlapping the bytes hashed
    feed(3 << 20, bytes.length); // a jump ahead: not hashed
    expect(fed.bytesHashed).toBe(1 << 21);
    const asked: [number, number][] = [];
    const hash = await fed.finish((start, end) => (asked.push([start, end]), bytes.subarray(start, end)));
    expect(hash).toBe(whole);
    expect(asked).toEqual([[1 << 21, bytes.length]]);
    feed(0, 10);
    expect(await fed.finish(reader(new Uint8Array(0)))).toBe(whole);
  });
});
