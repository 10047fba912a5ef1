import { SvelteMap } from 'svelte/reactivity';
import type { ReadChoice } from '$lib/models/csv-read/read-decision';
import type { DataLink, EngineInfo, FileResult, IngestProgress, StorageInfo } from '$lib/engine/api';
import { rejectedRecordsSql } from '$lib/models/restaurant/build-dashboard-sql';
import { NO_ROLES, ROLES, type Role, type RoleMapping } from '$lib/models/dataset/roles';
import { vocabulary } from '$lib/format/vocabulary';
import { buildAnswersDocument, downloadBlob, nowIso, type AnswersDocument } from '$lib/report/answers';
import type { QueryPanel } from '$lib/report/query-panel';
import type { DatasetView, ScopeView } from './dashboard-data';
import { DashboardViews } from './dashboard-views.svelte';
import {
  cancelIngest,
  clearData,
  engineWarmedUp,
  exportCsv,
  ingest,
  restoreData,
  saveData,
  startEngine,
} from './engine';
import { resolveLinks } from './data-links';
import { Filters } from './filters.svelte';
import { MetricsState } from './metrics-state.svelte';
import { QueryPanelsState } from './query-panels-state.svelte';
import { dropMessages } from './ingest-messages';
import { DatasetState } from './dataset-state.svelte';
import { rememberedRoles } from './role-memory';

export type EngineStatus =
  | { status: 'starting' }
  | { status: 'restoring' }
  | { status: 'ready'; info: EngineInfo }
  | { status: 'failed'; message: string };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The page's state: what is loaded, what is selected, what is drawn. Views read it; only it acts. */
export class Session {
  engine = $state<EngineStatus>({ status: 'starting' });
  /** The engine's warm-up load after the restore (see the worker's `warmedUp`). */
  warmUp = $state<'running' | 'done' | 'stopped'>('running');
  progress = $state<IngestProgress | null>(null);
  loading = $state(false);
  history = $state<FileResult[]>([]);
  /** Why files of the latest drop failed: one message per file. */
  notices = $state<string[]>([]);
  /** What the latest drop did that is not an error: files skipped as duplicates, a cancelled load. */
  info = $state<string[]>([]);
  /** Every dataset loaded: files with the same columns are one; the dashboard shows one at a time. */
  readonly data = new DatasetState();
  /** What clicks, selects and brushes narrowed the panels to, and the actions that narrow them. */
  readonly filters: Filters = new Filters({
    refreshScope: () => this.views.refreshScope(),
    refreshNarrowed: () => this.views.refreshNarrowed(),
    applyRange: (range) => this.views.applyRange(range),
  });
  /** The source files the dashboard reads; null for all of them. */
  files = $state<number[] | null>(null);
  /** The figures the panels show, read for the active dataset under the filters and files. */
  readonly views: DashboardViews = new DashboardViews(this);
  /** What is kept in this browser between visits, and whether a save is running. */
  storage = $state<StorageInfo | null>(null);
  saving = $state(false);
  /** The model dashboard: any dataset's dimensions and measures, its filters and figures. */
  readonly metrics = new MetricsState();
  /** SQL queries added to the dashboard, with their charts. */
  readonly queries = new QueryPanelsState();
  /** Chart id → has it drawn its current option. */
  readonly charts = new SvelteMap<string, boolean>();

  get dataset(): DatasetView | null {
    return this.views.dataset;
  }
  get scopeView(): ScopeView | null {
    return this.views.scopeView;
  }
  get querying(): boolean {
    return this.views.querying;
  }
  get queryError(): string | null {
    return this.views.error;
  }

  readonly hasData = $derived((this.dataset?.totals.visits ?? 0) > 0);
  readonly state = $derived.by((): 'loading' | 'ready' | 'error' => {
    if (this.loading || this.querying || this.metrics.loading) return 'loading';
    if (this.queryError || this.metrics.error || (!this.hasData && this.notices.length > 0)) return 'error';
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
  /** The five questions need a place to ask them of; without one the model dashboard is the page. */
  readonly presetShown = $derived(this.roleNames.place !== null);
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
    void engineWarmedUp().then(
      (done) => (this.warmUp = done),
      () => (this.warmUp = 'stopped'),
    );
  }

  /** Loads run one after another: files picked, dropped or found in a watched folder during a load wait. */
  private loads: Promise<void> = Promise.resolve();

  load(files: (File | DataLink)[]): Promise<void> {
    if (files.length === 0) return Promise.resolve();
    const run = this.loads.then(() => this.loadNow(files));
    this.loads = run.catch(() => undefined);
    return run;
  }

  /**
   * The files dropped in this tab, by the id of their load: one can be read again with other read options.
   * A file brought back from this browser's storage is not among them (its bytes were not kept).
   */
  private dropped = new SvelteMap<number, File>();

  canReread(sourceId: number): boolean {
    return this.dropped.has(sourceId);
  }

  /**
   * Reads one loaded file again with the user's read options; it replaces that file, all or nothing. A file
   * brought back from storage is read from `file`, which the user picks again.
   */
  reread(sourceId: number, choice: ReadChoice, picked?: File): Promise<void> {
    const file = picked ?? this.dropped.get(sourceId);
    if (!file) return Promise.resolve();
    const run = this.loads.then(() => this.loadNow([file], { sourceId, choice }));
    this.loads = run.catch(() => undefined);
    return run;
  }

  private async loadNow(
    files: (File | DataLink)[],
    reread?: { sourceId: number; choice: ReadChoice },
  ): Promise<void> {
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
        ...(reread ? { reread } : {}),
      });
      performance.mark('dropdash:ingested');
      this.history = report.history;
      report.files.forEach((result, i) => {
        const file = files[i];
        if (result.status !== 'loaded' || !(file instanceof File)) return;
        if (reread) this.dropped.delete(reread.sourceId);
        this.dropped.set(result.sourceId, file);
      });
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

  /** Files this site serves, by path or address (a page link's `open` parameters, a sample). */
  async openLinks(paths: readonly string[]): Promise<void> {
    const { links, refused } = resolveLinks(paths, location.href);
    if (refused.length > 0) this.notices = refused;
    return this.load(links).then(() => {
      if (refused.length > 0 && links.length > 0) this.notices = [...refused, ...this.notices];
    });
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
      this.filters.reset();
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
    this.filters.item = null;
    this.filters.customer = null;
    // A range of the old date column means nothing once another column is the date.
    if (role === 'date') this.filters.range = null;
    this.views.tablesChanging();
    const changed = await this.views.run(
      () => this.data.mapRole(role, column),
      'The columns could not be mapped',
    );
    if (!changed) return;
    await this.refresh();
    void this.save();
  }

  /** A brush on the over-time chart or its date inputs: a range of the date column. */
  async selectDates({ from, to }: { from: string; to: string }): Promise<void> {
    const column = this.data.active?.roles.date;
    const name = this.roleNames.date ?? column;
    if (column && name) await this.filters.selectRange({ kind: 'date', column, name, from, to });
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
    this.views.clear();
    this.history = [];
    this.dropped.clear();
    this.notices = [];
    this.info = [];
    this.filters.reset();
    this.files = null;
    this.queries.clear();
    this.metrics.clear();
  }

  get queryPanels(): QueryPanel[] {
    return this.queries.panels;
  }

  addQueryPanel(panel: QueryPanel): void {
    this.queries.add(panel);
  }

  removeQueryPanel(id: string): void {
    this.queries.remove(id);
  }

  private async refreshQueryPanels(): Promise<void> {
    const failed = await this.queries.refresh();
    if (failed.length > 0) this.info = [...this.info, ...failed];
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
    await this.views.refresh(async () => this.switchTo(await this.data.reload()));
    const active = this.data.active;
    if (active && this.hasData) {
      const { id: datasetId, rows, signature, name } = active;
      void this.refreshQueryPanels();
      // Without the five questions the model dashboard is the page; with them, it opens on demand.
      if (!this.presetShown) this.metrics.shown = true;
      // Awaited: what follows a refresh (keeping the data in OPFS) must not hold these reads back.
      await this.metrics.show({ datasetId, name, rows, signature, files: this.files });
    } else this.metrics.clear();
  }
}
