// Serves a built site the way a static host does: under its base path, with the headers its `_headers`
// file gives (as Netlify and Cloudflare Pages apply them). The e2e suite runs the base-path build on it.
// Usage: npx tsx tests/support/static-site.ts <dir> [--base /dropdash] [--port 4183]
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sirv from 'sirv';
import { headersFor, parseHeaders } from '../../scripts/site-headers';

export interface SiteOptions {
  dir: string;
  /** '' or a path such as '/dropdash'. */
  base: string;
  port: number;
  host?: string;
}

export async function serveSite({ dir, base, port, host = '127.0.0.1' }: SiteOptions): Promise<Server> {
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`no site in ${dir}: build it first`);
  const headersFile = join(dir, '_headers');
  const rules = existsSync(headersFile) ? parseHeaders(readFileSync(headersFile, 'utf8')) : [];
  const files = sirv(dir, {
    etag: true,
    setHeaders(res, pathname) {
      for (const [name, value] of headersFor(rules, pathname)) res.setHeader(name, value);
    },
  });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === base) {
      res.writeHead(301, { location: `${base}/${url.search}` }).end();
      return;
    }
    if (!url.pathname.startsWith(`${base}/`)) {
      res.writeHead(404).end('Not under the base path');
      return;
    }
    req.url = url.pathname.slice(base.length) + url.search;
    files(req, res, () => {
      res.writeHead(404).end('Not found');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { base: { type: 'string', default: '' }, port: { type: 'string', default: '4183' } },
  });
  const dir = positionals[0] ?? 'build';
  await serveSite({ dir, base: values.base, port: Number(values.port) });
  console.log(`serving ${dir} at http://127.0.0.1:${values.port}${values.base}/`);
}
