import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FolderSource } from './folder-scan';
import { FolderWatch, type FileLoader } from './folder-watch.svelte';

class Folder implements FolderSource {
  readonly name = 'incoming';
  listing: File[] = [];
  failure: Error | null = null;
  async files() {
    if (this.failure) throw this.failure;
    return [...this.listing];
  }
}

class Loader implements FileLoader {
  loading = false;
  loads: string[][] = [];
  async load(files: File[]) {
    this.loads.push(files.map((f) => f.name));
  }
}

const csv = (name: string) => new File(['x\n1\n'], name, { lastModified: 1000 });

describe('watching a folder', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('checks at once, then every interval, and loads each complete file once', async () => {
    const folder = new Folder();
    const loader = new Loader();
    const watch = new FolderWatch(loader, 2000);
    folder.listing = [csv('a.csv')];
    watch.watch(folder);
    await vi.advanceTimersByTimeAsync(0);
    expect(watch).toMatchObject({
      status: 'watching',
      folder: 'incoming',
      found: 1,
      waiting: 1,
      handedOver: 0,
    });
    expect(watch.lastChecked).toBeTypeOf('number');
    await vi.advanceTimersByTimeAsync(2000);
    expect(loader.loads).toEqual([['a.csv']]);
    folder.listing.push(csv('b.csv'));
    await vi.advanceTimersByTimeAsync(4000);
    expect(loader.loads).toEqual([['a.csv'], ['b.csv']]);
    expect(watch).toMatchObject({ found: 2, waiting: 0, handedOver: 2 });
  });

  it('leaves files for the next check while another load runs', async () => {
    const folder = new Folder();
    const loader = new Loader();
    const watch = new FolderWatch(loader, 2000);
    folder.listing = [csv('a.csv')];
    loader.loading = true;
    watch.watch(folder);
    await vi.advanceTimersByTimeAsync(4000);
    expect(loader.loads).toEqual([]);
    expect(watch.waiting).toBe(1);
    loader.loading = false;
    await vi.advanceTimersByTimeAsync(2000);
    expect(loader.loads).toEqual([['a.csv']]);
  });

  it('stops when asked, and says why when the folder cannot be read any more', async () => {
    const folder = new Folder();
    const loader = new Loader();
    const watch = new FolderWatch(loader, 2000);
    watch.watch(folder);
    await vi.advanceTimersByTimeAsync(0);
    watch.stop();
    folder.listing = [csv('a.csv')];
    await vi.advanceTimersByTimeAsync(10_000);
    expect(loader.loads).toEqual([]);
    expect(watch.status).toBe('idle');

    folder.failure = new Error('NotFoundError');
    watch.watch(folder);
    await vi.advanceTimersByTimeAsync(0);
    expect(watch.status).toBe('idle');
    expect(watch.error).toBe('Stopped watching “incoming”: it can no longer be read (NotFoundError).');
  });
});
