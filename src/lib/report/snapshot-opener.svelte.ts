import { replaceState } from '$app/navigation';
import { resolve } from '$app/paths';
import { decodePayload, payloadFromHash, SnapshotError } from './snapshot-codec';
import { isSnapshotFile, readSnapshotFile } from './snapshot-file';
import type { Snapshot } from './snapshot-schema';

export interface OpenedSnapshot {
  snapshot: Snapshot;
  origin: 'link' | 'file';
}

const reason = (error: unknown) =>
  error instanceof SnapshotError ? error.message : `something went wrong reading it (${String(error)}).`;

/** Snapshots reach the app as a link's fragment or as a dropped file; both are untrusted and checked. */
export class SnapshotOpener {
  opened = $state<OpenedSnapshot | null>(null);
  error = $state<string | null>(null);

  /** Opens the snapshot in the page's fragment, if it holds one. */
  openHash(hash: string): void {
    const payload = payloadFromHash(hash);
    if (payload === null) return;
    try {
      this.opened = { snapshot: decodePayload(payload), origin: 'link' };
      this.error = null;
    } catch (error) {
      this.opened = null;
      this.error = `This share link could not be opened: ${reason(error)} Ask for a new link, or for the HTML report.`;
    }
  }

  async openFile(file: File): Promise<void> {
    try {
      this.opened = { snapshot: await readSnapshotFile(file), origin: 'file' };
      this.error = null;
    } catch (error) {
      this.error = `“${file.name}” could not be opened as a snapshot: ${reason(error)}`;
    }
  }

  /** Opens dropped snapshot files here (the last one wins) and returns the files left to load as data. */
  take(files: File[]): File[] {
    const snapshots = files.filter(isSnapshotFile);
    const data = files.filter((file) => !isSnapshotFile(file));
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
}
