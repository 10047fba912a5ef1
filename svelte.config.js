import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

const buildDir = process.env.BUILD_DIR ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    // BUILD_DIR lets the e2e suite keep a second build (one with a base path) beside the default one.
    adapter: adapter({ pages: buildDir, assets: buildDir, fallback: undefined, strict: true }),
    paths: { base: process.env.BASE_PATH ?? '', relative: true },
    // Registered by the page (src/lib/client/offline.svelte.ts), which reports whether offline use is ready.
    // `_headers` is read by Netlify and Cloudflare, never fetched: it is not worth caching.
    serviceWorker: { register: false, files: (file) => file !== '_headers' && !/\.DS_Store/.test(file) },
    // Only this origin; DuckDB compiles WebAssembly, which needs 'wasm-unsafe-eval' and nothing more.
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self', 'wasm-unsafe-eval'],
        'worker-src': ['self'],
        'connect-src': ['self'],
        'img-src': ['self', 'data:', 'blob:'],
        'style-src': ['self'],
        // SvelteKit's route announcer carries this one fixed style attribute; nothing else may.
        'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
        'font-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['none'],
      },
    },
    alias: {
      // duckdb-wasm's package exports point "./blocking" at a file it does not ship for browsers;
      // the synchronous browser bindings live here and run inside our own worker.
      'duckdb-blocking': 'node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking',
    },
  },
};

export default config;
