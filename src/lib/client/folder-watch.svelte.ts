import { directorySource, FolderScan, type FolderSource } from './folder-scan';

/** What takes the files: the session, whose load runs in the engine worker like a drop. */
export interface FileLoader {
  readonly loading: boolean;
  load(files: File[]): Promise<void>;
}

type DirectoryPicker = (options?: { id?: string; mode?: 'read' }) => Promise<FileSystemDirectoryHandle>;

/** Listing a folder is cheap (names, sizes, times): a poll every two seconds costs nothing noticeable. */
export const POLL_MS = 2000;

export const UNSUPPORTED_REASON =
  'Watching a folder needs the File System Access API, which this browser does not have (Chrome and Edge ' +
  'do). Files dropped on the page or picked with “Choose files…” still load.';

const picker = (): DirectoryPicker | undefined =>
  (globalThis as { showDirectoryPicker?: DirectoryPicker }).showDirectoryPicker;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** "Watch a folder": checks a chosen folder every few seconds and loads each new CSV file once. */
export class FolderWatch {
  /** In the browser only: the page is prerendered where there is no picker. */
  get supported(): boolean {
    return picker() !== undefined;
  }
  status = $state<'idle' | 'choosing' | 'watching'>('idle');
  folder = $state<string | null>(null);
  /** When the folder was last listed (ms since the epoch). */
  lastChecked = $state<number | null>(null);
  /** Data files in the folder at the last check, and of them not complete yet. */
  found = $state(0);
  waiting = $state(0);
  /** Files handed to the loader since watching began. */
  handedOver = $state(0);
  error = $state<string | null>(null);

  private source: FolderSource | null = null;
  private scan = new FolderScan();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly loader: FileLoader,
    private readonly pollMs = POLL_MS,
  ) {}

  /** Asks the browser for a folder, then watches it; cancelling the picker changes nothing. */
  async choose(): Promise<void> {
    const showPicker = picker();
    if (!showPicker || this.status !== 'idle') return;
    this.status = 'choosing';
    try {
      const handle = await showPicker({ id: 'dropdash-watch', mode: 'read' });
      this.watch(directorySource(handle));
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'AbortError'))
        this.error = `The folder could not be opened: ${message(error)}`;
      if (this.status === 'choosing') this.status = 'idle';
    }
  }

  watch(source: FolderSource): void {
    this.stop();
    this.source = source;
    this.scan = new FolderScan();
    this.folder = source.name;
    this.status = 'watching';
    this.error = null;
    this.lastChecked = null;
    this.found = this.waiting = this.handedOver = 0;
    void this.poll(source);
  }

  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.source = null;
    this.status = 'idle';
  }

  private async poll(source: FolderSource): Promise<void> {
    let listing: File[];
    try {
      listing = await source.files();
    } catch (error) {
      if (this.source !== source) return;
      this.stop();
      this.error = `Stopped watching “${source.name}”: it can no longer be read (${message(error)}).`;
      return;
    }
    if (this.source !== source) return;
    const { ready, waiting, found } = this.scan.next(listing);
    this.lastChecked = Date.now();
    this.found = found;
    // While another load runs (a drop, say), ready files wait for the next check.
    const busy = this.loader.loading;
    this.waiting = waiting + (busy ? ready.length : 0);
    if (ready.length > 0 && !busy) {
      this.scan.take(ready);
      this.handedOver += ready.length;
      await this.loader.load(ready);
    }
    if (this.source === source) this.timer = setTimeout(() => void this.poll(source), this.pollMs);
  }
}
