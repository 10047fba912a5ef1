/**
 * What the page, the service worker and the post-build step agree on about keeping the engine offline.
 * The engine worker's files (its script, chunks and the two DuckDB bundles) are built apart from the
 * page, so SvelteKit's `$service-worker` list misses most of them; `scripts/site-files.ts` lists them in
 * ENGINE_FILES next to the service worker.
 */
export type EngineBundle = 'eh' | 'mvp';

export const ENGINE_FILES = 'engine-files.json';

export interface EngineFiles {
  /** The worker's script and chunks: small, every browser needs them. Paths relative to the base. */
  worker: string[];
  /** Each bundle's wasm: large, a browser uses one. */
  bundles: Record<EngineBundle, string[]>;
}

export interface KeepEngineMessage {
  type: 'keep-engine';
  bundle: EngineBundle;
}

export type KeepEngineReply = { ok: true; bytes: number } | { ok: false; reason: string };

const WASM = /(?:^|\/)duckdb-(eh|mvp)-[^/]*\.wasm$/;

/** The bundle a wasm file belongs to, or null for any other file. */
export function bundleOf(path: string): EngineBundle | null {
  const match = WASM.exec(path)?.[1];
  return match === 'eh' || match === 'mvp' ? match : null;
}

/** Sorts the worker's output files (relative paths) into what every browser needs and each bundle. */
export function engineFiles(paths: readonly string[]): EngineFiles {
  const files: EngineFiles = { worker: [], bundles: { eh: [], mvp: [] } };
  for (const path of [...paths].sort()) {
    const bundle = bundleOf(path);
    if (bundle) files.bundles[bundle].push(path);
    // The workers' scripts, and other WebAssembly they load (parquet-wasm's reader, on the first Parquet file).
    else if (path.endsWith('.js') || path.endsWith('.wasm')) files.worker.push(path);
  }
  return files;
}
