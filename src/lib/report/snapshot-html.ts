import { escapeHtml } from '$lib/format/escape-html';
import type { Snapshot } from './snapshot-schema';

/** The offline viewer, built by `npm run viewer` (vite.viewer.config.ts) and fetched from the app's origin. */
export interface ViewerAssets {
  script: string;
  style: string;
  /** CSP source for the script: `'sha256-…'`. */
  scriptHash: string;
}

export const SNAPSHOT_ELEMENT_ID = 'dropdash-snapshot';
export const REPORT_ROOT_ID = 'dropdash-report';

/** No request of any kind, except the one script it carries; images only from the page itself. */
export const reportCsp = (scriptHash: string) =>
  [
    "default-src 'none'",
    `script-src ${scriptHash}`,
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

/** An inline script body must not hold `</script` or `<!--`; the build escapes them, this refuses them. */
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

/** One self-contained file: the snapshot as data, the viewer as the only script, its styles inline. */
export function reportHtml(snapshot: Snapshot, assets: ViewerAssets): string {
  assertInlineSafe(assets.script);
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
<style>${assets.style}</style>
</head>
<body>
<noscript><p class="noscript">This Dropdash report draws its charts with JavaScript. Its figures are in the “${SNAPSHOT_ELEMENT_ID}” block of this file.</p></noscript>
<div id="${REPORT_ROOT_ID}" class="app-root"></div>
<script type="application/json" id="${SNAPSHOT_ELEMENT_ID}">${scriptSafeJson(snapshot)}</script>
<script>${assets.script}</script>
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
