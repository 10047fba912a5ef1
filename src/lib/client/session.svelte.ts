import { SvelteMap } from 'svelte/reactivity';
import type { EngineInfo, FileResult, IngestProgress, StorageInfo } from '$lib/engine/api';
import type { Scope } from '$lib/models/restaurant/build-dashboard-sql';
import { rejectedRecordsSql } from '$lib/models/restaurant/build-dashboard-sql';
import { NO_ROLES, ROLES, type Role, type RoleMapping } from '$lib/models/dataset/roles';
import { vocabulary } from '$lib/format/vocabulary';
import { buildAnswersDocument, downloadBlob, nowIso, type AnswersDocument } from '$lib/report/answers';
import {
  definitionOf,
  parseDefinitions,
  QUERY_PANELS_KEY,
  type QueryPanel,
  type QueryPanelDefinition,
} from '$lib/report/query-panel';
import { loadDatasetView, loadScopeView, type DatasetView, type ScopeView } from './dashboard-data';
import { cancelIngest, clearData, exportCsv, ingest, restoreData, saveData, startEngine } from './engine';
import { dropMessages } from './ingest-messages';
import { DatasetState } from './dataset-state.svelte';
import { rememberedRoles } from './role-memory';

/** The assignment asks about this restaurant, so the headline cards start on it when it is there. */
export const FEATURED_RESTAURANT = 'the-restaurant-at-the-end-of-the-universe';

export type EngineStatus =
  | { status: 'starting' }
  | { status: 'restoring' }
  | { status: 'ready'; info: EngineInfo }
  | { status: 'failed'; message: string };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The page's state: what is loaded, what is selected, what is drawn. Views read it; only it acts. */
export class Session {
  engine = $state<EngineStatus>({ status: 'starting' });
  progress = $state<IngestProgress | null>(null);
  loading = $state(false);
  history = $state<FileResult[]>([]);
  /** Why files of the latest drop failed: one message per file. */
  notices = $state<string[]>([]);
  /** What the latest drop did that is not an error: files skipped as duplicates, a cancelled load. */
  info = $state<string[]>([]);
  /** Every dataset loaded: files with the same columns are one; the dashboard shows one at a time. */
  readonly data = new DatasetState();
  dataset = $state<DatasetView | null>(null);
  scopeView = $state<ScopeView | null>(null);
  restaurant = $state<string | null>(null);
  /** An item (dish) a click narrowed every other panel to; null for all. */
  item = $state<string | null>(null);
  /** The source files the dashboard reads; null for all of them. */
  files = $state<number[] | null>(null);
  querying = $state(false);
  queryError = $state<string | null>(null);
  /** What is kept in this browser between visits, and whether a save is running. */
  storage = $state<StorageInfo | null>(null);
  saving = $state(false);
  /** SQL queries added to the dashboard, with their charts: plain data. */
  queryPanels = $state<QueryPanel[]>([]);
  /** Chart id → has it drawn its current option. */
  readonly charts = new SvelteMap<string, boolean>();

  readonly hasData = $derived((this.dataset?.totals.visits ?? 0) > 0);
  readonly state = $derived.by((): 'loading' | 'ready' | 'error' => {
    if (this.loading || this.querying) return 'loading';
    if (this.queryError || (!this.hasData && this.notices.length > 0)) return 'error';
    if (!this.hasData || !this.scopeView) return 'loading';
    return [...this.charts.values()].every(Boolean) ? 'ready' : 'loading';
  });
  /** The dashboard's title: the assignment's wording for its own columns, else the dataset's name. */
  readonly title = $derived.by(() => {
    const active = this.data.active;
    if (!active) return 'Dataset';
    return vocabulary(active.roles).restaurant ? 'Restaurant orders' : active.name;
  });
  /** The columns playing each role, named as in the file (a snapshot's wording follows them). */
  readonly roleNames = $derived.by((): RoleMapping => {
    const active = this.data.active;
    const roles = active?.roles ?? NO_ROLES;
    const name = (column: string | null) =>
      column === null ? null : (active?.columns.find((c) => c.column === column)?.name ?? column);
    return Object.fromEntries(ROLES.map((role) => [role, name(roles[role])])) as RoleMapping;
  });
  readonly errorMessage = $derived(
    this.queryError ?? (this.notices.length > 0 ? this.notices.join('\n') : null),
  );

  /** Settles once the engine has started and the kept data is back; loads wait for it. */
  private started: Promise<void> = Promise.resolve();

  start(): Promise<void> {
    this.started = this.startEngineAndRestore();
    return this.started;
  }

  private async startEngineAndRestore(): Promise<void> {
    let info: EngineInfo;
    try {
      info = await startEngine();
    } catch (error) {
      this.engine = {
        status: 'failed',
        message: `The data engine could not start in this browser: ${message(error)}`,
      };
      return;
    }
    this.engine = { status: 'restoring' };
    try {
      const report = await restoreData();
      this.history = report.history;
      this.storage = report.storage;
      this.info = report.problems;
      if (report.restored.length > 0) await this.refresh();
    } catch (error) {
      this.info = [`The data kept in this browser could not be restored: ${message(error)}`];
    }
    this.engine = { status: 'ready', info };
  }

  /** Loads run one after another: files picked, dropped or found in a watched folder during a load wait. */
  private loads: Promise<void> = Promise.resolve();

  load(files: File[]): Promise<void> {
    if (files.length === 0) return Promise.resolve();
    const run = this.loads.then(() => this.loadNow(files));
    this.loads = run.catch(() => undefined);
    return run;
  }

  private async loadNow(files: File[]): Promise<void> {
    this.loading = true;
    await this.started;
    this.notices = [];
    this.info = [];
    this.progress = null;
    try {
      // Marks let `npm run bench` split drop → drawn into ingest, queries and drawing.
      performance.mark('dropdash:load-start');
      const report = await ingest(files, (progress) => (this.progress = progress), {
        remembered: rememberedRoles(),
      });
      performance.mark('dropdash:ingested');
      this.history = report.history;
      const { notices, info, datasetId } = dropMessages(report);
      this.notices = notices;
      this.info = info;
      if (datasetId !== null) {
        this.switchTo(datasetId);
        await this.refresh();
      }
    } catch (error) {
      this.notices = [message(error)];
    } finally {
      this.loading = false;
      this.progress = null;
    }
    void this.save();
  }

  async loadSample(url: string): Promise<void> {
    this.loading = true;
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`The sample data could not be fetched (HTTP ${response.status}).`);
      const file = new File([await response.blob()], 'restaurants-sample.csv', { type: 'text/csv' });
      this.loading = false;
      await this.load([file]);
    } catch (error) {
      this.notices = [message(error)];
      this.loading = false;
    }
  }

  cancel(): void {
    void cancelIngest();
  }

  private switchTo(datasetId: number | null): void {
    if (datasetId !== this.data.activeId) {
      this.restaurant = null;
      this.item = null;
      this.files = null;
    }
    this.data.activeId = datasetId;
  }

  async selectDataset(datasetId: number): Promise<void> {
    this.switchTo(datasetId);
    await this.refresh();
  }

  /** Maps a column to a role (or none): the engine rebuilds the cube, the dashboard redraws. */
  async setRole(role: Role, column: string | null): Promise<void> {
    this.item = null;
    this.querying = true;
    let changed = false;
    try {
      changed = await this.data.mapRole(role, column);
    } catch (error) {
      this.queryError = `The columns could not be mapped: ${message(error)}`;
    } finally {
      this.querying = false;
    }
    if (!changed) return;
    await this.refresh();
    void this.save();
  }

  async selectRestaurant(restaurant: string | null): Promise<void> {
    this.restaurant = restaurant;
    await this.refreshScope();
  }

  /** Narrows the panels to one item (a click on its bar); the same item again, or null, clears it. */
  async selectItem(item: string | null): Promise<void> {
    this.item = item === this.item ? null : item;
    await this.refreshScope();
  }

  /** A click on a heat-map cell: its restaurant and its item, or, clicked again, neither. */
  async selectCell(restaurant: string, item: string): Promise<void> {
    const same = this.restaurant === restaurant && this.item === item;
    this.restaurant = same ? null : restaurant;
    this.item = same ? null : item;
    await this.refreshScope();
  }

  /** A click on a restaurant's bar or cell: it becomes the selection; clicking it again clears it. */
  async toggleRestaurant(restaurant: string): Promise<void> {
    await this.selectRestaurant(restaurant === this.restaurant ? null : restaurant);
  }

  /** Narrows the dashboard to some loaded files; every list of them, or null, shows all. */
  async selectFiles(files: number[] | null): Promise<void> {
    const all = this.dataset?.sources.map((s) => s.sourceId) ?? [];
    this.files =
      files === null || all.every((id) => files.includes(id)) ? null : [...files].sort((a, b) => a - b);
    await this.refresh();
  }

  /** Keeps what was loaded in this browser; runs after the dashboard is drawn, off the drop's path. */
  private async save(): Promise<void> {
    this.saving = true;
    try {
      this.storage = await saveData();
    } catch (error) {
      this.info = [...this.info, `The data could not be kept in this browser: ${message(error)}`];
    } finally {
      this.saving = false;
    }
  }

  async clear(): Promise<void> {
    this.storage = await clearData();
    this.data.clear();
    this.dataset = null;
    this.scopeView = null;
    this.history = [];
    this.notices = [];
    this.info = [];
    this.restaurant = null;
    this.item = null;
    this.files = null;
    this.queryPanels = [];
    this.keepQueryPanels();
  }

  addQueryPanel(panel: QueryPanel): void {
    this.panelsRequest++;
    this.queryPanels = [...this.queryPanels, panel];
    this.keepQueryPanels();
  }

  removeQueryPanel(id: string): void {
    this.panelsRequest++;
    this.queryPanels = this.queryPanels.filter((p) => p.id !== id);
    this.keepQueryPanels();
  }

  private keepQueryPanels(): void {
    try {
      localStorage.setItem(QUERY_PANELS_KEY, JSON.stringify(this.queryPanels.map(definitionOf)));
    } catch {
      // storage refused: the panels last as long as the tab
    }
  }

  private panelsRequest = 0;

  /** Query panels run again over the data as it is now (after a load, or kept ones after a reload). */
  private async refreshQueryPanels(): Promise<void> {
    let definitions: QueryPanelDefinition[] = this.queryPanels.map(definitionOf);
    if (definitions.length === 0) {
      try {
        definitions = parseDefinitions(localStorage.getItem(QUERY_PANELS_KEY));
      } catch {
        definitions = [];
      }
    }
    if (definitions.length === 0) return;
    const request = ++this.panelsRequest;
    // Only pages with query panels fetch the code that runs them.
    const { computePanel } = await import('./query-panels');
    const outcomes = await Promise.allSettled(definitions.map((d) => computePanel(d)));
    if (request !== this.panelsRequest) return;
    const failed = outcomes.flatMap((o, i) =>
      o.status === 'rejected'
        ? [`The query panel “${definitions[i]?.title}” could not run: ${message(o.reason)}`]
        : [],
    );
    this.queryPanels = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    if (failed.length > 0) {
      this.info = [...this.info, ...failed];
      this.keepQueryPanels();
    }
  }

  async downloadRejects(sourceId: number, fileName: string): Promise<void> {
    const csv = await exportCsv(rejectedRecordsSql(sourceId));
    const base = fileName.replace(/\.[^.]+$/, '');
    downloadBlob(`${base}-rejected.csv`, new Blob([csv as BlobPart], { type: 'text/csv' }));
  }

  dismissNotices(): void {
    this.notices = [];
    this.info = [];
  }

  answers(generatedAt: string = nowIso()): AnswersDocument | null {
    if (!this.dataset) return null;
    return buildAnswersDocument({
      restaurants: this.dataset.restaurants,
      mostRestaurants: this.dataset.mostRestaurants,
      sources: this.dataset.sources.filter((s) => this.files === null || this.files.includes(s.sourceId)),
      totalRows: this.dataset.totals.visits,
      generatedAt,
    });
  }

  private async refresh(): Promise<void> {
    await this.run(async () => {
      this.switchTo(await this.data.reload());
      const active = this.data.active;
      if (!active) {
        this.dataset = null;
        this.scopeView = null;
        return;
      }
      const dataset = await loadDatasetView({ dataset: active.id, sources: this.files });
      const names = dataset.restaurants.map((r) => r.name);
      if (this.restaurant === null || !names.includes(this.restaurant)) {
        this.restaurant = names.includes(FEATURED_RESTAURANT) ? FEATURED_RESTAURANT : null;
      }
      const scopeView = await loadScopeView(this.scope(), active.roles.date !== null);
      this.dataset = dataset;
      this.scopeView = scopeView;
      performance.mark('dropdash:queried');
    });
    if (this.hasData) void this.refreshQueryPanels();
  }

  private scopeRequest = 0;

  /** Only the latest selection's answer is shown, however quickly the selection changes. */
  private async refreshScope(): Promise<void> {
    const request = ++this.scopeRequest;
    await this.run(async () => {
      const view = await loadScopeView(this.scope(), this.data.active?.roles.date != null);
      if (request === this.scopeRequest) this.scopeView = view;
    });
  }

  private scope(): Scope {
    return {
      dataset: this.data.activeId ?? 0,
      restaurant: this.restaurant,
      sources: this.files,
      item: this.item,
    };
  }

  private async run(work: () => Promise<void>): Promise<void> {
    this.querying = true;
    this.queryError = null;
    try {
      await work();
    } catch (error) {
      this.queryError = `The dashboard could not be computed: ${message(error)}`;
    } finally {
      this.querying = false;
    }
  }
}
