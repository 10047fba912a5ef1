import { escapeHtml } from '$lib/format/escape-html';
import type { Snapshot } from './snapshot-schema';

/** The offline viewer, built by `npm run viewer` (vite.viewer.config.ts) and fetched from the app's origin. */
export interface ViewerAssets {
  /** The one inline script: it unpacks the viewer and runs it from a blob: URL. */
  loader: string;
  /** The viewer script, gzipped, in base64. */
  viewer: string;
  style: string;
  /** CSP source for the loader: `'sha256-…'`. */
  scriptHash: string;
}

export const SNAPSHOT_ELEMENT_ID = 'dropdash-snapshot';
export const VIEWER_ELEMENT_ID = 'dropdash-viewer';
export const REPORT_ROOT_ID = 'dropdash-report';

/**
 * No request of any kind: the one inline script (by its hash) and the viewer it unpacks into a blob: URL
 * are the only code; styles inline, images only made by the page itself.
 */
export const reportCsp = (scriptHash: string) =>
  [
    "default-src 'none'",
    `script-src ${scriptHash} blob:`,
    "style-src 'unsafe-inline'",
    'img-src data: blob:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

const SCRIPT_DATA_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON that can sit inside `<script type="application/json">`: no `<` survives, so neither `</script>`
 * nor `<!--` can end or bend the element, whatever the values hold. JSON.parse reads it back unchanged.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => SCRIPT_DATA_ESCAPES[char] as string);
}

/** An inline script body must not hold `</script` or `<!--`: this refuses one that does. */
export function assertInlineSafe(script: string): void {
  if (/<\/script|<!--/i.test(script)) throw new Error('The viewer script cannot be inlined as it is.');
}

export function reportFileName(snapshot: Snapshot): string {
  const day = snapshot.createdAt.slice(0, 10);
  const slug =
    snapshot.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'report';
  return `dropdash-${slug}-${day}.html`;
}

/** For the messages shown when the viewer cannot run at all. */
const FALLBACK_STYLE =
  '.noscript,.viewer-failure{max-width:720px;margin:3rem auto;padding:1rem 1.25rem;border-radius:10px;' +
  'background:#fef2f2;color:#7f1d1d;font:16px/1.5 system-ui,sans-serif}';

/** One self-contained file: the snapshot and the packed viewer as data, one loader script, styles inline. */
export function reportHtml(snapshot: Snapshot, assets: ViewerAssets): string {
  assertInlineSafe(assets.loader);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(assets.viewer)) throw new Error('The viewer is not base64.');
  if (/<\/style/i.test(assets.style)) throw new Error('The viewer styles cannot be inlined as they are.');
  const title = `${snapshot.title} · Dropdash snapshot · ${snapshot.createdAt.slice(0, 10)}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(reportCsp(assets.scriptHash))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="generator" content="Dropdash">
<title>${escapeHtml(title)}</title>
<style>${FALLBACK_STYLE}${assets.style}</style>
</head>
<body>
<noscript><p class="noscript">This Dropdash report draws its charts with JavaScript. Its figures are in the “${SNAPSHOT_ELEMENT_ID}” block of this file.</p></noscript>
<div id="${REPORT_ROOT_ID}" class="app-root"></div>
<script type="application/json" id="${SNAPSHOT_ELEMENT_ID}">${scriptSafeJson(snapshot)}</script>
<script type="application/gzip" id="${VIEWER_ELEMENT_ID}">${assets.viewer}</script>
<script>${assets.loader}</script>
</body>
</html>
`;
}

/** The CSP hash source of a script body, as a browser computes it (SHA-256 of its UTF-8 bytes). */
export async function scriptHashSource(script: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(script));
  let binary = '';
  for (const byte of new Uint8Array(digest)) binary += String.fromCharCode(byte);
  return `'sha256-${btoa(binary)}'`;
}
