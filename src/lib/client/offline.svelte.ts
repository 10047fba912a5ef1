import { dev } from '$app/environment';
import { asset } from '$app/paths';
import type { EngineBundle, KeepEngineMessage, KeepEngineReply } from './offline-files';

export type OfflineState =
  | { status: 'unavailable'; reason: string }
  | { status: 'preparing' }
  | { status: 'ready'; bytes: number }
  | { status: 'failed'; reason: string };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Whether this page and its engine are stored in the browser for use with no network (src/service-worker.ts). */
export class OfflineCopy {
  state = $state<OfflineState>({ status: 'preparing' });

  private registration: Promise<ServiceWorkerRegistration | null> = Promise.resolve(null);

  /** Registers the service worker (scoped to the folder the site is served from); call once. */
  start(): void {
    if (dev || !('serviceWorker' in navigator)) {
      this.state = {
        status: 'unavailable',
        reason: dev
          ? 'the dev server does not install the service worker'
          : 'this browser has no service workers',
      };
    } else {
      this.registration = navigator.serviceWorker
        .register(asset('/service-worker.js'))
        .then((registration) => {
          // An install that fails (a file it could not store) leaves no active worker: say so.
          const installing = registration.installing;
          installing?.addEventListener('statechange', () => {
            if (installing.state === 'redundant' && !registration.active)
              this.state = { status: 'failed', reason: 'the app could not be stored in this browser' };
          });
          return navigator.serviceWorker.ready;
        })
        .catch((error: unknown) => {
          this.state = { status: 'failed', reason: message(error) };
          return null;
        });
    }
  }

  /** Once the engine has started: the service worker keeps the bundle it uses (and the sample). */
  async keepEngine(bundle: EngineBundle): Promise<void> {
    const registration = await this.registration;
    const worker = registration?.active;
    if (!worker) return;
    const channel = new MessageChannel();
    const reply = new Promise<KeepEngineReply>((resolve) => {
      channel.port1.onmessage = (event: MessageEvent<KeepEngineReply>) => resolve(event.data);
    });
    worker.postMessage({ type: 'keep-engine', bundle } satisfies KeepEngineMessage, [channel.port2]);
    const result = await reply;
    this.state = result.ok
      ? { status: 'ready', bytes: result.bytes }
      : { status: 'failed', reason: result.reason };
  }
}
