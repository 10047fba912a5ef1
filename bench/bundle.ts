import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleFigures {
  /** Gzipped JavaScript the landing view fetched before any interaction. */
  initialJsGzBytes: number;
  /** Every gzipped app chunk, lazy ones included; the engine worker and DuckDB's wasm aside. */
  totalJsGzBytes: number;
}

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'workers' ? [] : jsFiles(path);
    return name.endsWith('.js') ? [path] : [];
  });
}

/** Sizes from the built files; `loaded` are the URL paths of the scripts the landing view fetched. */
export function bundleFigures(buildDir: string, loaded: string[]): BundleFigures {
  const all = jsFiles(join(buildDir, '_app/immutable'));
  const initial = all.filter((path) => loaded.some((url) => url.endsWith(path.slice(buildDir.length))));
  return {
    initialJsGzBytes: initial.reduce((sum, path) => sum + gz(path), 0),
    totalJsGzBytes: all.reduce((sum, path) => sum + gz(path), 0),
  };
}
