import { describe, expect, it } from 'vitest';
import { bundleOf, engineFiles } from './offline-files';

describe('the engine files kept for offline use', () => {
  it('tells the two DuckDB bundles apart and keeps every worker script', () => {
    const files = engineFiles([
      '_app/immutable/workers/worker-DGbwXWSe.js',
      '_app/immutable/workers/assets/duckdb-mvp-BP0pRkMH.wasm',
      '_app/immutable/workers/chunks/D8NudN84.js',
      '_app/immutable/workers/assets/duckdb-eh-9ubY-jlA.wasm',
      '_app/immutable/workers/assets/parquet_wasm_bg-BHq48xsW.wasm',
      '_app/immutable/workers/worker-DGbwXWSe.js.map',
    ]);
    expect(files).toEqual({
      worker: [
        '_app/immutable/workers/assets/parquet_wasm_bg-BHq48xsW.wasm',
        '_app/immutable/workers/chunks/D8NudN84.js',
        '_app/immutable/workers/worker-DGbwXWSe.js',
      ],
      bundles: {
        eh: ['_app/immutable/workers/assets/duckdb-eh-9ubY-jlA.wasm'],
        mvp: ['_app/immutable/workers/assets/duckdb-mvp-BP0pRkMH.wasm'],
      },
    });
  });

  it('knows a bundle by its file name only', () => {
    expect(bundleOf('/dropdash/_app/immutable/workers/assets/duckdb-eh-9ubY-jlA.wasm')).toBe('eh');
    expect(bundleOf('duckdb-mvp-x.wasm')).toBe('mvp');
    expect(bundleOf('/_app/immutable/workers/assets/duckdb-coi-x.wasm')).toBeNull();
    expect(bundleOf('/sample/duckdb-eh.csv')).toBeNull();
  });
});
