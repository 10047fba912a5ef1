import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cspFromHtml, fillHeaders, headersFor, parseHeaders } from './site-headers';

const html = `<head><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'sha256-a+b/c='; form-action 'none'"></head>`;

describe('the _headers file for Netlify and Cloudflare Pages', () => {
  it('takes the page’s own Content-Security-Policy from its meta tag', () => {
    expect(cspFromHtml(html)).toBe(
      "default-src 'self'; script-src 'self' 'sha256-a+b/c='; form-action 'none'",
    );
    expect(cspFromHtml(html.replaceAll("'", '&#39;'))).toContain("'sha256-a+b/c='");
    expect(() => cspFromHtml('<head></head>')).toThrow(/no Content-Security-Policy/);
  });

  it('fills the template the build copies from static/', () => {
    const filled = fillHeaders(readFileSync('static/_headers', 'utf8'), "default-src 'self'");
    const rules = parseHeaders(filled);
    const page = headersFor(rules, '/');
    expect(page.get('content-security-policy')).toBe("default-src 'self'; frame-ancestors 'none'");
    expect(page.get('x-content-type-options')).toBe('nosniff');
    expect(page.has('cache-control')).toBe(false);

    const wasm = headersFor(rules, '/_app/immutable/workers/assets/duckdb-eh-9ubY-jlA.wasm');
    expect(wasm.get('content-type')).toBe('application/wasm');
    expect(wasm.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(wasm.get('content-security-policy')).toContain("default-src 'self'");
    expect(headersFor(rules, '/service-worker.js').get('cache-control')).toBe('no-cache');
    expect(() => fillHeaders('/*\n  X: y', 'a')).toThrow(/no \{\{CSP\}\}/);
    expect(() => fillHeaders('{{CSP}}', 'a\nb')).toThrow(/span lines/);
  });

  it('matches paths the way the hosts do: * for anything, :name for one segment', () => {
    const rules = parseHeaders('# c\n/a/:id/b\n  X-One: 1\n/static/*\n  X-Two: 2\n');
    expect(headersFor(rules, '/a/7/b').get('x-one')).toBe('1');
    expect(headersFor(rules, '/a/7/8/b').has('x-one')).toBe(false);
    expect(headersFor(rules, '/static/deep/file.js').get('x-two')).toBe('2');
    expect(headersFor(rules, '/staticfile').has('x-two')).toBe(false);
    expect(() => parseHeaders('  X-Orphan: 1')).toThrow(/line 1/);
  });
});
