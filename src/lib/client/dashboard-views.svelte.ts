import type { Scope, Selection } from '$lib/models/restaurant/build-dashboard-sql';
import type { RangeFilter } from '$lib/models/dataset/range';
import type { RangeCubeTables } from '$lib/models/restaurant/build-range-cube-sql';
import {
  loadDatasetView,
  loadScopeView,
  renarrowDatasetView,
  type DatasetView,
  type ScopeView,
} from './dashboard-data';
import type { DatasetState } from './dataset-state.svelte';
import { narrowCube, noteInteraction } from './engine';
import type { Filters } from './filters.svelte';
import { ScopeViewCache } from './scope-view-cache';

/** The assignment asks about this restaurant, so the headline cards start on it when it is there. */
export const FEATURED_RESTAURANT = 'the-restaurant-at-the-end-of-the-universe';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** What the figures are read for: the active dataset, what the panels are narrowed to, which files. */
export interface ViewInputs {
  readonly data: DatasetState;
  readonly filters: Filters;
  /** The source files the dashboard reads; null for all of them. */
  readonly files: number[] | null;
}

/**
 * The figures the panels show, read in the worker for the active dataset under the filters. While a read
 * runs the dashboard is loading; a failed one says why; a selection's figures arriving after a newer
 * request's are dropped.
 */
export class DashboardViews {
  // Raw: a view is replaced whole, never changed in place; a deep proxy would make every read of its
  // hundreds of cells a tracked signal, on every redraw.
  dataset = $state.raw<DatasetView | null>(null);
  scopeView = $state.raw<ScopeView | null>(null);
  querying = $state(false);
  error = $state<string | null>(null);
  /** The range `applyRange` is narrowing to, until its panels are read (or it fails). */
  applying = $state.raw<RangeFilter | null>(null);
  private request = 0;
  /** The range cube the engine named for the range set now (none: its narrowed cube holds the range). */
  private rangeCube: RangeCubeTables | null = null;
  private readonly scopes = new ScopeViewCache(loadScopeView);

  constructor(private readonly inputs: ViewInputs) {}

  /**
   * Every panel again (after a load, new roles, another dataset or other files); `before` runs first, in
   * the same loading state. The narrowed cube is built again from the table as it is now.
   */
  async refresh(before: () => Promise<void> = async () => undefined): Promise<void> {
    ++this.request;
    this.scopes.forget();
    await this.run(async () => {
      await before();
      const { data, filters } = this.inputs;
      const active = data.active;
      if (!active) return this.clear();
      await this.narrowEngine(active);
      const dataset = await loadDatasetView(this.selection());
      const names = dataset.restaurants.map((r) => r.name);
      if (filters.restaurant === null || !names.includes(filters.restaurant)) {
        filters.restaurant = names.includes(FEATURED_RESTAURANT) ? FEATURED_RESTAURANT : null;
      }
      const scopeView = await this.scopes.get(this.scope(), active.roles.date !== null);
      this.dataset = dataset;
      this.scopeView = scopeView;
      // Marks let `npm run bench` split drop → drawn into ingest, queries and drawing.
      performance.mark('dropdash:queried');
    });
  }

  /** The panels a place or an item narrows. */
  async refreshScope(): Promise<void> {
    const request = ++this.request;
    noteInteraction();
    await this.run(async () => {
      const dated = this.inputs.data.active?.roles.date != null;
      const view = await this.scopes.get(this.scope(), dated, this.scopeView);
      if (request === this.request) this.scopeView = view;
      performance.mark('dropdash:scope-queried');
    });
  }

  /** The tables are about to change (new roles): no figure read before holds. */
  tablesChanging(): void {
    this.scopes.forget();
  }

  /** Every panel a customer or a range narrows, the store × item ones and the over-time chart included. */
  async refreshNarrowed(): Promise<void> {
    const request = ++this.request;
    const active = this.inputs.data.active;
    this.scopes.forget();
    await this.run(async () => {
      if (active) await this.narrowEngine(active);
      await this.loadNarrowed(request);
    });
  }

  /**
   * Builds the active dataset's narrowed cube for a range (a roll-up of its column's range cube, or a scan
   * of its table; none for null), then redraws the panels from it, in one loading state. If it cannot be
   * built, the filters stay as they were.
   */
  async applyRange(range: RangeFilter | null): Promise<void> {
    const active = this.inputs.data.active;
    if (!active) return;
    const request = ++this.request;
    this.applying = range;
    this.scopes.forget();
    await this.run(async () => {
      try {
        this.rangeCube = (
          await narrowCube(active.id, { range, customer: this.inputs.filters.customer })
        ).cube;
      } catch (error) {
        this.error = `The dashboard could not be narrowed to that range: ${message(error)}`;
        return;
      }
      performance.mark('dropdash:narrowed');
      this.inputs.filters.range = range;
      await this.loadNarrowed(request);
      performance.mark('dropdash:range-queried');
    });
    // Done, even when a click came meanwhile; a newer range keeps its own note.
    if (this.applying === range) this.applying = null;
  }

  clear(): void {
    this.scopes.forget();
    this.dataset = null;
    this.scopeView = null;
  }

  /** Work that changes what the panels read, with the dashboard loading meanwhile; a failure is shown. */
  async run<T>(
    work: () => Promise<T>,
    failure = 'The dashboard could not be computed',
  ): Promise<T | undefined> {
    this.querying = true;
    this.error = null;
    try {
      return await work();
    } catch (error) {
      this.error = `${failure}: ${message(error)}`;
      return undefined;
    } finally {
      this.querying = false;
    }
  }

  /** The engine's narrowed cube (a range) and daily summary (a customer's, with a date role), when needed. */
  private async narrowEngine(active: { id: number; roles: { date: string | null } }): Promise<void> {
    const { range, customer } = this.inputs.filters;
    const needed = range !== null || (customer !== null && active.roles.date !== null);
    this.rangeCube = needed ? (await narrowCube(active.id, { range, customer })).cube : null;
  }

  private async loadNarrowed(request: number): Promise<void> {
    const [dataset, view] = await Promise.all([
      this.dataset ? renarrowDatasetView(this.dataset, this.selection()) : loadDatasetView(this.selection()),
      this.scopes.get(this.scope(), this.inputs.data.active?.roles.date != null),
    ]);
    if (request !== this.request) return;
    this.dataset = dataset;
    this.scopeView = view;
  }

  /**
   * A scope's figures as the panels would show them, read once while the tables stay as they are: for
   * the share link's other restaurants, which a click on one of them then finds already read. Read in the
   * background: the engine's background work does not step aside for them.
   */
  figuresFor(scope: Scope): Promise<ScopeView> {
    return this.scopes.get(scope, this.inputs.data.active?.roles.date != null, this.scopeView, true);
  }

  private scope(): Scope {
    const { restaurant, item } = this.inputs.filters;
    return { ...this.selection(), restaurant, item };
  }

  private selection(): Selection {
    const { customer, range } = this.inputs.filters;
    const rangeCube = range === null ? null : this.rangeCube;
    return {
      dataset: this.inputs.data.activeId ?? 0,
      sources: this.inputs.files,
      customer,
      range,
      rangeCube,
    };
  }
}
