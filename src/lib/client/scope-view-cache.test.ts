import { describe, expect, it } from 'vitest';
import type { Scope } from '$lib/models/restaurant/build-dashboard-sql';
import type { ScopeView } from './dashboard-data';
import { ScopeViewCache } from './scope-view-cache';

const scope = (restaurant: string | null): Scope => ({ dataset: 1, sources: null, restaurant });

/** A loader that counts its reads and how many run at once; `fail` names the places whose read fails. */
function loader(fail: string[] = []) {
  const reads: (string | null)[] = [];
  let running = 0;
  let most = 0;
  const load = async (s: Scope) => {
    reads.push(s.restaurant);
    most = Math.max(most, ++running);
    await new Promise((resolve) => setTimeout(resolve, 1));
    running--;
    if (fail.includes(s.restaurant ?? '')) throw new Error(`no figures for ${s.restaurant}`);
    return { scope: s } as ScopeView;
  };
  return { load, reads, most: () => most };
}

describe('ScopeViewCache', () => {
  it('reads a scope once while the tables stay as they are, and again once forgotten', async () => {
    const { load, reads } = loader();
    const cache = new ScopeViewCache(load);
    const first = await cache.get(scope('a'), false);
    expect(await cache.get(scope('a'), false)).toBe(first);
    await cache.get(scope('a'), true);
    expect(reads).toEqual(['a', 'a']);
    cache.forget();
    expect(await cache.get(scope('a'), false)).not.toBe(first);
    expect(reads).toEqual(['a', 'a', 'a']);
  });

  it('does not keep a failed read', async () => {
    const { load, reads } = loader(['a']);
    const cache = new ScopeViewCache(load);
    await expect(cache.get(scope('a'), false)).rejects.toThrow('no figures for a');
    await expect(cache.get(scope('a'), false)).rejects.toThrow('no figures for a');
    expect(reads).toEqual(['a', 'a']);
  });

  it('shares a read still running with the next ask for the same scope', async () => {
    const { load, reads, most } = loader();
    const cache = new ScopeViewCache(load);
    const [one, two] = await Promise.all([cache.get(scope('a'), false), cache.get(scope('a'), false)]);
    expect(two).toBe(one);
    expect(reads).toEqual(['a']);
    expect(most()).toBe(1);
  });
});
