import { proxy, wrap, type Remote } from 'comlink';
import type { MetricsModel } from '$lib/models/metrics/metrics-model';
import type { MetricsPanels, MetricsRequest } from '$lib/models/metrics/metrics-panels';
import { rowsFromArrow } from '$lib/arrow-rows';
import type {
  DataLink,
  EngineApi,
  EngineInfo,
  IngestOptions,
  IngestProgress,
  IngestReport,
  Narrowed,
  RestoreReport,
  SqlLimits,
  SqlDownload,
  SqlRunResult,
  StorageInfo,
  RowsExportRequest,
} from '$lib/engine/api';
import type { Narrowing } from '$lib/models/dataset/range';
import type { Scope } from '$lib/models/restaurant/build-dashboard-sql';
import type { RangePanel, RangePanelRows } from '$lib/models/restaurant/range-panels';
import type { RoleMapping } from '$lib/models/dataset/roles';
import type { ColumnProfile } from '$lib/models/profile/profile-rows';
import type { ResultFormat } from '$lib/sql-console/result-file';
import type { SchemaTable } from '$lib/sql-console/schema';
import { installErrorTransfer } from '$lib/engine/errors';
import type { Row } from '$lib/engine/sql-runner';

let remote: Remote<EngineApi> | null = null;
let started: Promise<EngineInfo> | null = null;

function worker(): Remote<EngineApi> {
  if (!remote) {
    installErrorTransfer();
    remote = wrap<EngineApi>(
      new Worker(new URL('../engine/worker.ts', import.meta.url), {
        type: 'module',
        name: 'dropdash-engine',
      }),
    );
  }
  return remote;
}

/** Where a data team can cap the engine's memory for this browser, e.g. "1GB" (see the README). */
export const MEMORY_LIMIT_KEY = 'dropdash:memory-limit';

/** Starts the engine once; every caller shares the same promise. */
export function startEngine(): Promise<EngineInfo> {
  const memoryLimit = globalThis.localStorage?.getItem(MEMORY_LIMIT_KEY) ?? undefined;
  started ??= worker().start(memoryLimit ? { memoryLimit } : {});
  return started;
}

/**
 * A call posted now, not after a microtask: the worker starts on it while the page draws what it can
 * already show (a range's chips), instead of after. The worker handles messages in order and waits for
 * its own start, so only the start's message has to go first.
 */
function postedNow<T>(call: (engine: Remote<EngineApi>) => Promise<T>): Promise<T> {
  const start = startEngine();
  return Promise.all([start, call(worker())]).then(([, result]) => result);
}

/** `background`: read ahead of the user, not waited for (see the worker's `query`). */
export async function query(sql: string, { background = false } = {}): Promise<Row[]> {
  return rowsFromArrow(await postedNow((engine) => engine.query(sql, background)));
}

export async function ingest(
  files: (File | DataLink)[],
  onProgress: (p: IngestProgress) => void,
  options: IngestOptions = {},
): Promise<IngestReport> {
  await startEngine();
  return worker().ingest(files, proxy(onProgress), options);
}

export async function setRoles(datasetId: number, roles: RoleMapping): Promise<void> {
  await startEngine();
  return worker().setRoles(datasetId, roles);
}

export function narrowCube(datasetId: number, { range, customer }: Narrowing): Promise<Narrowed> {
  // A plain copy: reactive state is a proxy, which cannot be posted to the worker.
  const narrowing = { range: range === null ? null : { ...range }, customer };
  return postedNow((engine) => engine.narrow(datasetId, narrowing));
}

/** The panels a range narrows, in one call (see the worker's `rangePanels`). */
export function rangePanels(
  scope: Scope,
  panels: readonly RangePanel[],
  { background = false } = {},
): Promise<RangePanelRows> {
  const { sources, range, rangeCube } = scope;
  // Plain copies: reactive state is a proxy, which cannot be posted to the worker.
  const plain: Scope = {
    ...scope,
    sources: sources == null ? null : [...sources],
    range: range == null ? null : { ...range },
    rangeCube: rangeCube == null ? null : { ...rangeCube },
  };
  return postedNow((engine) => engine.rangePanels(plain, [...panels], background));
}

/** The dataset's inferred metrics model (see the worker's `metricsModel`). */
export const metricsModel = (datasetId: number): Promise<MetricsModel> =>
  postedNow((engine) => engine.metricsModel(datasetId));

/** Every model panel under the filters, in one call. `$state.snapshot` first: proxies cannot be posted. */
export const metricsPanels = (request: MetricsRequest): Promise<MetricsPanels> =>
  postedNow((engine) => engine.metricsPanels(request));

export async function profileDataset(datasetId: number): Promise<ColumnProfile[]> {
  await startEngine();
  return worker().profile(datasetId);
}

export async function exportCsv(sql: string): Promise<Uint8Array> {
  await startEngine();
  return worker().exportCsv(sql);
}

export async function exportRows(request: RowsExportRequest): Promise<Uint8Array> {
  await startEngine();
  return worker().exportRows(request);
}

export async function restoreData(): Promise<RestoreReport> {
  await startEngine();
  return worker().restore();
}

/** 'done' once the engine's warm-up load has run (the first real load is then faster), 'stopped' if cut short. */
export async function engineWarmedUp(): Promise<'done' | 'stopped'> {
  await startEngine();
  return worker().warmedUp();
}

export async function saveData(): Promise<StorageInfo> {
  await startEngine();
  return worker().save();
}

export const cancelIngest = () => worker().cancelIngest();
export const noteInteraction = () => void worker().interacting();
export const clearData = () => worker().clear();

/** A console query: the result stays Arrow bytes; errors carry DuckDB's message and position. */
let sqlIds = 0;
/** A number for the next console query, so it can be cancelled by it (see cancelSql). */
export const nextSqlId = () => ++sqlIds;

export async function runSql(sql: string, limits?: SqlLimits, id = nextSqlId()): Promise<SqlRunResult> {
  await startEngine();
  return worker().runSql(sql, limits, id);
}

export const cancelSql = (id?: number) => worker().cancelSql(id);

/** Every row of a console query as a file, written in the worker. */
export async function downloadSql(sql: string, format: ResultFormat, id = nextSqlId()): Promise<SqlDownload> {
  await startEngine();
  return worker().downloadSql(sql, format, id);
}

export async function sqlSchema(): Promise<SchemaTable[]> {
  await startEngine();
  return worker().sqlSchema();
}
