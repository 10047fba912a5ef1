import type { DatasetView, ScopeView } from '$lib/client/dashboard-data';
import type { Session } from '$lib/client/session.svelte';
import { nowIso } from './answers';
import type { PanelSettings } from './report-panels';
import type { SnapshotResult } from './snapshot-build';
import { MAX_LINK_CHARS, shareUrl } from './snapshot-link';

/** A snapshot holds each restaurant's figures up to this many restaurants; past it, only the selected one's. */
export const MAX_SCOPES = 100;

// The builder and the codec (valibot, fflate) load with the first snapshot, not with the page.
const builder = () => import('./snapshot-build');
const codec = () => import('./snapshot-codec');

export type ShareLink =
  | { status: 'pending' }
  | { status: 'ready'; url: string }
  | { status: 'too-large'; chars: number }
  | { status: 'failed'; message: string };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Snapshots of the live dashboard: the share link for its current state, and snapshots on demand. */
export class ReportSharing {
  link = $state<ShareLink>({ status: 'pending' });
  private scopes: { dataset: DatasetView; key: string; views: Promise<ScopeView[]> } | null = null;
  private request = 0;

  constructor(private readonly session: Session) {}

  /** The snapshot of what the dashboard shows now; figures per restaurant are queried once per dataset. */
  async snapshot(settings: PanelSettings): Promise<SnapshotResult> {
    const { dataset, scopeView } = this.session;
    if (!dataset || !scopeView) return { ok: false, problem: 'Nothing is loaded yet.' };
    try {
      const views = await this.scopeViews(dataset, scopeView);
      const scopes = views.some((v) => v.scope.restaurant === scopeView.scope.restaurant)
        ? views
        : [...views, scopeView];
      const createdAt = nowIso();
      const answers = this.session.answers(createdAt);
      if (!answers) return { ok: false, problem: 'Nothing is loaded yet.' };
      const { buildSnapshot } = await builder();
      return buildSnapshot({
        title: this.session.title,
        createdAt,
        dataset,
        scopes,
        restaurant: scopeView.scope.restaurant,
        roles: this.session.roleNames,
        settings,
        queryPanels: this.session.queryPanels,
        preset: this.session.presetShown,
        model: this.session.metrics.snapshot(),
        answers,
      });
    } catch (error) {
      return { ok: false, problem: `The snapshot could not be made: ${message(error)}` };
    }
  }

  /** The dashboard is changing: the link it had no longer matches it, and a pending build is dropped. */
  invalidate(): void {
    this.request++;
    this.link = { status: 'pending' };
  }

  /** Rebuilds the share link; only the latest call's link is kept, however quickly the state changes. */
  async refreshLink(settings: PanelSettings, pageUrl: string): Promise<void> {
    const request = ++this.request;
    this.link = { status: 'pending' };
    const result = await this.snapshot(settings);
    if (request !== this.request) return;
    if (!result.ok) {
      this.link = { status: 'failed', message: result.problem };
      return;
    }
    const url = shareUrl(pageUrl, (await codec()).encodePayload(result.snapshot));
    if (request !== this.request) return;
    this.link =
      url.length > MAX_LINK_CHARS ? { status: 'too-large', chars: url.length } : { status: 'ready', url };
  }

  /**
   * Every restaurant's figures under the dashboard's other filters (files, item), queried once per state,
   * one restaurant after another (a click waits for one read at most, and finds its figures read).
   */
  private scopeViews(dataset: DatasetView, current: ScopeView): Promise<ScopeView[]> {
    const key = JSON.stringify({ ...current.scope, restaurant: null });
    if (this.scopes?.dataset !== dataset || this.scopes.key !== key) {
      const names = dataset.restaurants.length <= MAX_SCOPES ? dataset.restaurants.map((r) => r.name) : [];
      const views = (async () => {
        const read: ScopeView[] = [];
        for (const restaurant of [null, ...names])
          read.push(await this.session.views.figuresFor({ ...current.scope, restaurant }));
        return read;
      })();
      views.catch(() => (this.scopes = null));
      this.scopes = { dataset, key, views };
    }
    return this.scopes.views;
  }
}
