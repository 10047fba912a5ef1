/** Files this app keeps in the origin-private file system (OPFS), or nowhere when the browser refuses. */
export interface Store {
  kind: 'opfs' | 'memory';
  /** Why nothing is kept, when kind is memory. */
  reason?: string;
  write(name: string, bytes: Uint8Array): Promise<void>;
  read(name: string): Promise<File | null>;
  /** Every file of this app, the DuckDB database and its log included. */
  list(): Promise<{ name: string; bytes: number }[]>;
  remove(name: string): Promise<void>;
}

/** Every file name starts with this, so the app's files are found and removed together. */
export const STORE_PREFIX = 'dropdash-v1';

interface SyncAccessHandle {
  truncate(size: number): void;
  write(buffer: Uint8Array, options: { at: number }): number;
  flush(): void;
  close(): void;
}
type WorkerFileHandle = FileSystemFileHandle & { createSyncAccessHandle(): Promise<SyncAccessHandle> };

/** OPFS, checked with a write and a read-back first; a browser that refuses gets the memory store. */
export async function openStore(): Promise<Store> {
  try {
    const store = opfsStore(await navigator.storage.getDirectory());
    const probe = new TextEncoder().encode('dropdash');
    await store.write('probe', probe);
    if ((await store.read('probe'))?.size !== probe.length) throw new Error('a file written read back empty');
    await store.remove('probe');
    return store;
  } catch (error) {
    return memoryStore(`this browser does not let the page keep files (${(error as Error).message})`);
  }
}

function opfsStore(root: FileSystemDirectoryHandle): Store {
  const full = (name: string) => `${STORE_PREFIX}.${name}`;
  const entries = async () => {
    const files: FileSystemFileHandle[] = [];
    for await (const handle of (root as unknown as { values(): AsyncIterable<FileSystemHandle> }).values()) {
      if (handle.kind === 'file' && handle.name.startsWith(STORE_PREFIX))
        files.push(handle as FileSystemFileHandle);
    }
    return files;
  };
  return {
    kind: 'opfs',
    async write(name, bytes) {
      const file = (await root.getFileHandle(full(name), { create: true })) as WorkerFileHandle;
      const handle = await file.createSyncAccessHandle();
      try {
        handle.truncate(0);
        let at = 0;
        while (at < bytes.length) at += handle.write(bytes.subarray(at), { at });
        handle.flush();
      } finally {
        handle.close();
      }
      // OPFS has lost writes before: trust a file only once it reads back at its full size.
      const written = await file.getFile();
      if (written.size !== bytes.length)
        throw new Error(`storage kept ${written.size} of ${bytes.length} bytes`);
    },
    async read(name) {
      try {
        return await (await root.getFileHandle(full(name))).getFile();
      } catch {
        return null;
      }
    },
    async list() {
      const files = await Promise.all(
        (await entries()).map(async (handle) => ({
          name: handle.name,
          bytes: (await handle.getFile()).size,
        })),
      );
      return files.sort((a, b) => (a.name < b.name ? -1 : 1));
    },
    async remove(name) {
      await root.removeEntry(full(name)).catch(() => undefined);
    },
  };
}

export function memoryStore(reason: string): Store {
  return {
    kind: 'memory',
    reason,
    write: async () => undefined,
    read: async () => null,
    list: async () => [],
    remove: async () => undefined,
  };
}
