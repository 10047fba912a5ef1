/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { base, build, files, prerendered, version } from '$service-worker';
import {
  bundleOf,
  ENGINE_FILES,
  type EngineFiles,
  type KeepEngineMessage,
  type KeepEngineReply,
} from '$lib/client/offline-files';
import { createPartialResponse } from 'workbox-range-requests';

const sw = self as unknown as ServiceWorkerGlobalScope;

/**
 * Two caches per build, so versions never mix; activating a build deletes every older cache.
 * - shell, precached on install (~3 MB): the page, its scripts and styles, icons, the manifest, the report
 *   viewer, and the engine worker's script and chunks.
 * - runtime: the DuckDB bundle this browser uses, and the sample CSV. The bundles are 34 MB (EH) and 39 MB
 *   (MVP) and a browser needs one, which the page fetches the moment it opens; precaching both would cost
 *   73 MB on a first visit, mostly never used. So a bundle is stored as it passes through this worker, or,
 *   on the first visit (the page fetched it before this worker took control), when the page reports
 *   which bundle its engine started (`keep-engine`): the copy then comes from the HTTP cache. The sample
 *   (0.9 MB compressed) is stored at the same moment, so it is one click away offline too.
 */
const SHELL = `dropdash-shell-${version}`;
const RUNTIME = `dropdash-runtime-${version}`;
const OURS = /^dropdash-/;
const SAMPLE = `${base}/sample/restaurants.csv`;
const absolute = (path: string) => `${base}/${path}`;

/** This build's caches only: an older build's cache may hold the same path with other content. */
async function cached(request: RequestInfo): Promise<Response | undefined> {
  return (await (await caches.open(SHELL)).match(request)) ?? (await caches.open(RUNTIME)).match(request);
}

/** The engine's files, as this build lists them; stored with the shell, so it is known offline too. */
async function engineList(): Promise<EngineFiles | null> {
  const url = absolute(ENGINE_FILES);
  let response = await (await caches.open(SHELL)).match(url);
  if (!response) {
    // Absent under `vite dev`, where nothing is precached.
    response = await fetch(url, { cache: 'no-store' });
    if (!response.ok) return null;
    await (await caches.open(SHELL)).put(url, response.clone());
  }
  return (await response.json()) as EngineFiles;
}

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const engine = await engineList();
      const shell = new Set([...build, ...files, ...prerendered, ...(engine?.worker.map(absolute) ?? [])]);
      shell.delete(SAMPLE);
      await (await caches.open(SHELL)).addAll([...shell]);
      await sw.skipWaiting();
    })(),
  );
});

/**
 * Deletes older builds' caches. A bundle whose file name (and so content hash) is unchanged moves into this
 * build's cache first: an update does not download DuckDB again, and offline use survives it.
 */
async function replaceOlderCaches(): Promise<void> {
  const engine = await engineList();
  const bundles = new Set(
    [...(engine?.bundles.eh ?? []), ...(engine?.bundles.mvp ?? [])].map(
      (path) => new URL(absolute(path), sw.location.href).href,
    ),
  );
  const runtime = await caches.open(RUNTIME);
  for (const key of await caches.keys()) {
    if (!OURS.test(key) || key === SHELL || key === RUNTIME) continue;
    const old = await caches.open(key);
    for (const request of await old.keys()) {
      const response = bundles.has(request.url) ? await old.match(request) : undefined;
      if (response && !(await runtime.match(request))) await runtime.put(request, response);
    }
    await caches.delete(key);
  }
}

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await replaceOlderCaches();
      await sw.clients.claim();
    })(),
  );
});

const keptAtRuntime = (path: string) => bundleOf(path) !== null || path === SAMPLE;

async function respond(request: Request): Promise<Response> {
  const url = new URL(request.url);
  // The one page, whatever its query string.
  const page = request.mode === 'navigate' && prerendered.includes(url.pathname);
  const stored = await cached(page ? url.pathname : request);
  // A Parquet file read by link asks for byte ranges: a stored file answers with the slice asked for.
  if (stored) return request.headers.has('range') ? createPartialResponse(request, stored) : stored;
  const response = await fetch(request);
  if (response.status === 200 && keptAtRuntime(url.pathname)) {
    const copy = response.clone();
    void caches.open(RUNTIME).then((cache) => cache.put(request, copy));
  }
  return response;
}

sw.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== sw.location.origin) return;
  event.respondWith(respond(event.request));
});

/** Stores the bundle the engine started with and the sample, unless they are stored already. */
async function keepEngine({ bundle }: KeepEngineMessage): Promise<KeepEngineReply> {
  try {
    const engine = await engineList();
    if (!engine) return { ok: false, reason: 'this build has no list of engine files' };
    const cache = await caches.open(RUNTIME);
    let bytes = 0;
    for (const path of [...engine.bundles[bundle].map(absolute), SAMPLE]) {
      let stored = await cache.match(path);
      if (!stored) {
        await cache.add(path);
        stored = await cache.match(path);
      }
      bytes += Number(stored?.headers.get('content-length') ?? 0);
    }
    return { ok: true, bytes };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

sw.addEventListener('message', (event) => {
  const message = event.data as KeepEngineMessage | null;
  const port = event.ports[0];
  if (message?.type !== 'keep-engine' || !port) return;
  event.waitUntil(keepEngine(message).then((reply) => port.postMessage(reply)));
});
