// A Vite plugin for what the static site needs that SvelteKit does not write itself:
// - engine-files.json (client build): the engine worker's files, which SvelteKit's `$service-worker` list
//   misses (the worker is built apart from the page); the service worker reads it on install.
// - _headers (after the adapter wrote the site): static/_headers with the page's own
//   Content-Security-Policy in place of {{CSP}}, the one in its meta tag, whose script hash changes with
//   every build. Netlify and Cloudflare Pages read it.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { ENGINE_FILES, engineFiles } from '../src/lib/client/offline-files.ts';
import { cspFromHtml, fillHeaders } from './site-headers.ts';

const walk = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(folder, entry.name)) : [join(folder, entry.name)],
  );

export function writeEngineFiles(clientDir: string): void {
  const workers = join(clientDir, '_app/immutable/workers');
  if (!existsSync(workers)) return;
  const list = engineFiles(walk(workers).map((path) => relative(clientDir, path).split('\\').join('/')));
  if (list.worker.length === 0 || list.bundles.eh.length !== 1 || list.bundles.mvp.length !== 1)
    throw new Error(`unexpected engine files: ${JSON.stringify(list)}`);
  writeFileSync(join(clientDir, ENGINE_FILES), `${JSON.stringify(list, null, 2)}\n`);
}

export function writeHeaders(siteDir: string): void {
  const headers = join(siteDir, '_headers');
  const page = join(siteDir, 'index.html');
  if (!existsSync(headers) || !existsSync(page)) return;
  const template = readFileSync(headers, 'utf8');
  if (!template.includes('{{CSP}}')) return;
  writeFileSync(headers, fillHeaders(template, cspFromHtml(readFileSync(page, 'utf8'))));
}

export function siteFiles(siteDir: string): Plugin {
  let ssr = false;
  return {
    name: 'dropdash-site-files',
    apply: 'build',
    configResolved(config) {
      ssr = Boolean(config.build.ssr);
    },
    // Before SvelteKit's own writeBundle, which builds the service worker and runs the adapter.
    writeBundle: {
      order: 'pre',
      handler(options) {
        if (!ssr && options.dir) writeEngineFiles(options.dir);
      },
    },
    // The server build closes last, once the adapter has written the site.
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        if (ssr) writeHeaders(siteDir);
      },
    },
  };
}
