import { IngestError, KEEP } from '../ingest-errors';
import { BlobSink } from './unpack';

/** A link's file, once opened: Parquet that the server serves by byte ranges is read where it is. */
export type OpenedLink =
  | { kind: 'file'; file: File }
  | { kind: 'parquet-ranges'; url: string; name: string; bytes: number; identity: string };

const PARQUET = [0x50, 0x41, 0x52, 0x31];

/** `…/data/Sales%202024.parquet?x=1` → `Sales 2024.parquet`. */
export function linkName(url: string): string {
  const last = new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? '';
  try {
    return decodeURIComponent(last) || 'download';
  } catch {
    return last || 'download';
  }
}

/**
 * Opens a same-origin link. The first four bytes are asked for by a range request: a Parquet file on a
 * server that answers ranges (206) is then read in place, footer first and a row group at a time, never
 * downloaded whole. Anything else is fetched as it comes into a Blob, in parts, and read as a dropped file.
 */
export async function openLink(
  url: string,
  onBytes: (read: number, total: number) => Promise<void>,
): Promise<OpenedLink> {
  const name = linkName(url);
  const fetched = async (init?: RequestInit) => {
    let response: Response;
    try {
      response = await fetch(url, { cache: 'no-store', ...init });
    } catch (error) {
      throw unreachable(name, url, error instanceof Error ? error.message : String(error));
    }
    if (!response.ok) throw unreachable(name, url, `HTTP ${response.status} ${response.statusText}`.trim());
    return response;
  };
  const probe = await fetched({ headers: { Range: 'bytes=0-3' } });
  if (probe.status === 206) {
    const total = Number(/\/(\d+)$/.exec(probe.headers.get('content-range') ?? '')?.[1] ?? NaN);
    const head = new Uint8Array(await probe.arrayBuffer());
    if (Number.isFinite(total) && PARQUET.every((byte, i) => head[i] === byte)) {
      const version = probe.headers.get('etag') ?? probe.headers.get('last-modified') ?? '';
      return {
        kind: 'parquet-ranges',
        url,
        name,
        bytes: total,
        identity: await identity(url, version, total),
      };
    }
  }
  // A server that ignores ranges sends the whole file to the probe: it is read from there.
  const response = probe.status === 200 ? probe : await fetched();
  const total = Number(response.headers.get('content-length') ?? 0);
  const sink = new BlobSink();
  const reader = response.body?.getReader();
  let read = 0;
  try {
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      sink.push(chunk.value);
      read += chunk.value.length;
      await onBytes(read, Math.max(total, read));
    }
  } catch (error) {
    await reader?.cancel().catch(() => undefined);
    if (error instanceof Error && error.name === 'IngestCancelled') throw error;
    throw unreachable(name, url, `the download stopped (${error instanceof Error ? error.message : error})`);
  }
  return { kind: 'file', file: sink.file(name) };
}

/**
 * What tells one version of a remote file from another without reading it all: its address, its version
 * as the server states it (ETag or Last-Modified) and its size.
 */
async function identity(url: string, version: string, bytes: number): Promise<string> {
  const text = new TextEncoder().encode(`${url}\n${version}\n${bytes}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', text));
  return `urlsha256:${[...digest].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

const unreachable = (name: string, url: string, cause: string) =>
  new IngestError(
    name,
    `"${name}" could not be fetched from ${url}: ${cause}. Check that the link points to a file this site ` +
      `serves, or download the file and drop it on the page. ${KEEP}`,
  );
