import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
    paths: { base: process.env.BASE_PATH ?? '', relative: true },
    alias: {
      // duckdb-wasm's package exports point "./blocking" at a file it does not ship for browsers;
      // the synchronous browser bindings live here and run inside our own worker.
      'duckdb-blocking': 'node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking',
    },
  },
};

export default config;
