// What the app needs of a share link before (and without) decoding one: small, with no dependencies.

/** A share link carries the snapshot after `#snapshot=`: browsers never send the fragment to a server. */
export const LINK_KEY = 'snapshot';
/** Longer links break in chat apps, mail clients and some browsers' address bars: the HTML file is offered. */
export const MAX_LINK_CHARS = 32 * 1024;

/** `https://host/path/#snapshot=…` for the page the visitor is on. */
export function shareUrl(pageUrl: string, payload: string): string {
  const url = new URL(pageUrl);
  url.hash = `${LINK_KEY}=${payload}`;
  return url.href;
}

/** The payload in a location hash, or null when the hash holds no snapshot. */
export function payloadFromHash(hash: string): string | null {
  const prefix = `#${LINK_KEY}=`;
  return hash.startsWith(prefix) ? hash.slice(prefix.length) : null;
}
