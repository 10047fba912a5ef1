import { describe, expect, it } from 'vitest';
import { contentHash } from './content-hash';

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
});
