/**
 * Which files of a watched folder to load, poll by poll. A file is handed over once it is complete: its size
 * and last-modified time are the same in two polls in a row (a file still being written changes, an empty
 * one is not ready). Each version of a file (name, size, time) is handed over once; the engine's content
 * hash then skips content already loaded under another name.
 */
export interface FolderSource {
  /** The folder's name, to show. */
  readonly name: string;
  /** The files directly in the folder, as of now. */
  files(): Promise<File[]>;
}

/** The extensions the file picker accepts (FileInput.svelte); hidden and temporary files are not data. */
const DATA_FILE = /^[^.].*\.(csv|tsv|psv|txt)$/i;

export const isDataFile = (name: string) => DATA_FILE.test(name);

const versionOf = (file: File) => `${file.name}\u0000${file.size}\u0000${file.lastModified}`;

export interface ScanResult {
  /** Complete, and not handed over before. */
  ready: File[];
  /** Data files not complete yet (new or changed since the last poll, or empty). */
  waiting: number;
  /** Data files in the folder. */
  found: number;
}

export class FolderScan {
  /** Name → version at the previous poll. */
  private previous = new Map<string, string>();
  private handedOver = new Set<string>();

  next(listing: readonly File[]): ScanResult {
    const current = new Map<string, string>();
    const ready: File[] = [];
    let waiting = 0;
    for (const file of listing) {
      if (!isDataFile(file.name)) continue;
      const version = versionOf(file);
      current.set(file.name, version);
      if (this.handedOver.has(version)) continue;
      if (file.size > 0 && this.previous.get(file.name) === version) ready.push(file);
      else waiting++;
    }
    this.previous = current;
    ready.sort((a, b) => a.lastModified - b.lastModified || a.name.localeCompare(b.name));
    return { ready, waiting, found: current.size };
  }

  /** Marks files as handed over to the loader; until then, a ready file is offered again. */
  take(files: readonly File[]): void {
    for (const file of files) this.handedOver.add(versionOf(file));
  }
}

/** A folder the browser gave access to (File System Access API, or the origin-private file system). */
export function directorySource(handle: FileSystemDirectoryHandle): FolderSource {
  return {
    name: handle.name,
    async files() {
      const files: File[] = [];
      // TypeScript's DOM library types the handle's async iteration only in DOM.AsyncIterable.
      for await (const [, entry] of handle as unknown as AsyncIterable<[string, FileSystemHandle]>) {
        if (entry.kind === 'file') files.push(await (entry as FileSystemFileHandle).getFile());
      }
      return files;
    },
  };
}
