import { replaceState } from '$app/navigation';
import { resolve } from '$app/paths';
import { payloadFromHash } from './snapshot-link';
import type { Snapshot } from './snapshot-schema';

export interface OpenedSnapshot {
  snapshot: Snapshot;
  origin: 'link' | 'file';
}

/**
 * A dropped `.html` report, or a `.json` file that says it is a Dropdash snapshot (its first field), is
 * opened as a snapshot; any other JSON is data.
 */
export async function isSnapshotFile(file: File): Promise<boolean> {
  if (/\.html?$/i.test(file.name)) return true;
  if (!/\.json$/i.test(file.name)) return false;
  const head = await file.slice(0, 1024).text();
  return /^\s*\{\s*"schema"\s*:\s*"dropdash\.snapshot\//.test(head);
}

// The decoder (fflate, valibot) loads only when a snapshot arrives: the landing view never waits for it.
const reason = (error: unknown) =>
  error instanceof Error && error.name === 'SnapshotError'
    ? error.message
    : `something went wrong reading it (${String(error)}).`;

/** Snapshots reach the app as a link's fragment or as a dropped file; both are untrusted and checked. */
export class SnapshotOpener {
  opened = $state<OpenedSnapshot | null>(null);
  error = $state<string | null>(null);
  opening = $state(false);

  /** Opens the snapshot in the page's fragment, if it holds one. */
  async openHash(hash: string): Promise<void> {
    const payload = payloadFromHash(hash);
    if (payload === null) return;
    await this.open(
      async () => (await import('./snapshot-codec')).decodePayload(payload),
      'link',
      (why) => `This share link could not be opened: ${why} Ask for a new link, or for the HTML report.`,
    );
  }

  async openFile(file: File): Promise<void> {
    await this.open(
      async () => (await import('./snapshot-file')).readSnapshotFile(file),
      'file',
      (why) => `“${file.name}” could not be opened as a snapshot: ${why}`,
    );
  }

  /** Opens dropped snapshot files here (the last one wins) and returns the files left to load as data. */
  async take(files: File[]): Promise<File[]> {
    const isSnapshot = await Promise.all(files.map(isSnapshotFile));
    const snapshots = files.filter((_, i) => isSnapshot[i]);
    const data = files.filter((_, i) => !isSnapshot[i]);
    const last = snapshots.at(-1);
    if (last) void this.openFile(last);
    else if (data.length > 0) this.close();
    return data;
  }

  close(): void {
    this.opened = null;
    this.error = null;
    if (payloadFromHash(location.hash) !== null) replaceState(resolve('/'), {});
  }

  private async open(
    read: () => Promise<Snapshot>,
    origin: OpenedSnapshot['origin'],
    explain: (why: string) => string,
  ): Promise<void> {
    this.opening = true;
    try {
      this.opened = { snapshot: await read(), origin };
      this.error = null;
    } catch (error) {
      if (origin === 'link') this.opened = null;
      this.error = explain(reason(error));
    } finally {
      this.opening = false;
    }
  }
}
