import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { siteFiles } from './scripts/site-files.ts';

export default defineConfig({
  plugins: [sveltekit(), siteFiles(process.env.BUILD_DIR ?? 'build')],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 800 },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
