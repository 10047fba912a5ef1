import { deflateSync, Inflate, strToU8 } from 'fflate';
import { megabytes, NOT_JSON, parseSnapshotJson, SnapshotError } from './snapshot-json';
import { LIMITS, type Snapshot } from './snapshot-schema';

export { parseSnapshotJson, SnapshotError };

/** What a reader accepts at all, before decoding: generous for links made by hand, still bounded. */
const MAX_PAYLOAD_CHARS = 512 * 1024;

export function encodePayload(snapshot: Snapshot): string {
  return toBase64Url(deflateSync(strToU8(JSON.stringify(snapshot)), { level: 9 }));
}

/** The payload of a share link, checked at every step; throws SnapshotError. */
export function decodePayload(payload: string): Snapshot {
  if (payload.length > MAX_PAYLOAD_CHARS)
    throw new SnapshotError(`it is too large (${payload.length.toLocaleString('en-US')} characters).`);
  if (!/^[A-Za-z0-9_-]*$/.test(payload) || payload.length % 4 === 1)
    throw new SnapshotError('the link is damaged: it was cut, or has characters a Dropdash link never has.');
  const json = inflateCapped(fromBase64Url(payload));
  try {
    return parseSnapshotJson(json);
  } catch (error) {
    if (error instanceof SnapshotError && error.message === NOT_JSON)
      throw new SnapshotError('the link is damaged: it was changed or cut short since it was made.');
    throw error;
  }
}

/** Inflates in small steps and stops as soon as the output passes the cap (no zip bomb gets far). */
function inflateCapped(compressed: Uint8Array): string {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total <= LIMITS.jsonBytes) chunks.push(chunk);
  });
  const step = 1024;
  try {
    for (let at = 0; at < compressed.length; at += step) {
      inflate.push(compressed.subarray(at, at + step), at + step >= compressed.length);
      if (total > LIMITS.jsonBytes) break;
    }
    if (compressed.length === 0) inflate.push(compressed, true);
  } catch {
    throw new SnapshotError('the link is damaged: its data does not unpack (was it cut short when copied?).');
  }
  if (total > LIMITS.jsonBytes)
    throw new SnapshotError(
      `it unpacks to more than ${megabytes(LIMITS.jsonBytes)}, the most Dropdash opens.`,
    );
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new SnapshotError('the link is damaged: its data is not text.');
  }
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
