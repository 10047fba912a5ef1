import type { Scope } from '$lib/models/restaurant/build-dashboard-sql';
import type { ScopeView } from './dashboard-data';

export type ScopeViewLoader = (
  scope: Scope,
  dated: boolean,
  previous: ScopeView | null,
  options: { background: boolean },
) => Promise<ScopeView>;

/**
 * The panels' figures per scope, read once while the tables stay as they are: a restaurant chosen again,
 * or one the share link has read, is shown without asking the engine. Anything that changes what the
 * cube holds (a load, roles, files, a customer or a range) must `forget` first.
 */
export class ScopeViewCache {
  #views = new Map<string, Promise<ScopeView>>();

  constructor(private readonly load: ScopeViewLoader) {}

  forget(): void {
    this.#views.clear();
  }

  /** The scope's view: the one read before (or being read), else read now. */
  get(
    scope: Scope,
    dated: boolean,
    previous: ScopeView | null = null,
    background = false,
  ): Promise<ScopeView> {
    const key = JSON.stringify([scope, dated]);
    const known = this.#views.get(key);
    if (known) return known;
    const view = this.load(scope, dated, previous, { background });
    this.#views.set(key, view);
    // A failed read is not kept: the next ask tries again.
    view.catch(() => {
      if (this.#views.get(key) === view) this.#views.delete(key);
    });
    return view;
  }
}
