import { defineConfig } from 'vite';

/** The peers' page for the benchmark, built apart from the app and never shipped with it. */
export default defineConfig({
  root: 'bench/harness',
  logLevel: 'warn',
  build: { outDir: '../../.cache/bench/harness', emptyOutDir: true, target: 'es2022' },
  preview: { host: '127.0.0.1', strictPort: true },
});
