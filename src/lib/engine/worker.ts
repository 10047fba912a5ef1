import { expose, transfer } from 'comlink';
import { clearAllSql, createModelsSql } from '$lib/models/restaurant/build-ingest-sql';
import { datasetVersionsSql } from '$lib/models/restaurant/build-persist-sql';
import { copyToCsvSql } from '$lib/models/sql';
import type { EngineApi, EngineInfo, EngineOptions, FileResult, RestoreReport } from './api';
import { exportRows, inferMetricsModel, readMetricsPanels } from './metrics';
import { ModelCubes } from './model-cubes';
import { profileDatasetById } from './profile';
import { applyRoles } from './roles';
import { RangeCubes } from './range-cubes';
import { readRangePanels } from './range-panel-reads';
import { warmUpDatabase } from './warm-up-database';
import { connectionRunner, dropFile, openDatabase, type Database } from './duckdb';
import { installErrorTransfer } from './errors';
import { ingestFiles } from './ingest-files';
import { Persistence } from './persistence';
import { downloadResult } from './result-download';
import { openConsole } from './sql-console-connection';
import { openStore, STORE_PREFIX } from './store';
import { DashboardQuiet, turns, yieldToMessages } from './turns';

installErrorTransfer();

interface Engine {
  db: Database;
  info: EngineInfo;
  /** Loads run on their own connection, so the dashboard keeps reading committed data meanwhile. */
  loader: ReturnType<typeof connectionRunner>;
  reader: ReturnType<typeof connectionRunner>;
  /** Profiles run on their own connection, in steps, so dashboard queries are answered meanwhile. */
  profiler: ReturnType<typeof connectionRunner>;
  /** Builds narrowed cubes: not in turn with loads and profiles, so a brush never waits for a profile. */
  narrower: ReturnType<typeof connectionRunner>;
  /** Range cubes are temporary tables of the narrower's connection: built and read there only. */
  rangeCubes: RangeCubes;
  /** The model dashboard's cubes: temporary tables of the reader's connection. */
  modelCubes: ModelCubes;
  persistence: Persistence;
}

let engine: Promise<Engine> | null = null;
let cancelRequested = false;
let history: FileResult[] = [];
let restored: Promise<RestoreReport> | null = null;
let fileNames = 0;
const temporaryPath = (ext: string) => `dd_tmp_${++fileNames}.${ext}`;

/** A query's rows as CSV, written by DuckDB (its quoting and escaping) to a file in its memory. */
async function writeCsv(sql: string): Promise<Uint8Array> {
  const { db, reader } = await startEngine();
  const path = temporaryPath('csv');
  try {
    await reader.exec(copyToCsvSql(sql, path));
    return db.bindings.copyFileToBuffer(path);
  } finally {
    dropFile(db, path);
  }
}

function startEngine(options: EngineOptions = {}): Promise<Engine> {
  engine ??= (async () => {
    const started = performance.now();
    const db = await openDatabase(`opfs://${STORE_PREFIX}.duckdb`, options.memoryLimit);
    const loader = connectionRunner(db);
    for (const sql of createModelsSql()) await loader.exec(sql);
    const kept =
      db.kept.catalog === null ? { name: null, reason: db.kept.reason } : { name: db.kept.catalog };
    const persistence = new Persistence(await openStore(), loader, kept);
    const info = {
      duckdbVersion: db.version,
      bundle: db.bundle,
      startMs: Math.round(performance.now() - started),
      memoryLimit: db.memoryLimit,
      threads: db.threads,
    };
    const narrower = connectionRunner(db);
    const reader = connectionRunner(db);
    return {
      db,
      info,
      loader,
      reader,
      modelCubes: new ModelCubes(reader),
      profiler: connectionRunner(db),
      narrower,
      rangeCubes: new RangeCubes(narrower),
      persistence,
    };
  })();
  return engine;
}

let consoleInstance: ReturnType<typeof openConsole> | null = null;
/** The SQL console's connection, opened when it is first used. */
async function sqlConsole() {
  const { db } = await startEngine();
  consoleInstance ??= openConsole(db);
  return consoleInstance;
}

const turn = turns();
/** Counts the work the user waits for: the warm-up (in turn after the restore) stops when any comes. */
let asked = 0;
const stopWarmUp = () => {
  asked++;
};
let warmingUp: Promise<'done' | 'stopped'> | null = null;
/** Loading, restoring, saving and clearing change the tables: they take turns, never interleave. */
const exclusive: typeof turn = (work) => {
  stopWarmUp();
  return turn(work);
};
/** Narrowings (and range cubes built ahead) run one after another on the narrower's connection. */
const inNarrowingTurn = turns();
/** Work that changes the datasets' tables, in turn with the rest; the narrower reads them again after it. */
const changingTables = <T>({ rangeCubes, modelCubes }: Engine, work: () => Promise<T>): Promise<T> =>
  exclusive(async () => {
    try {
      return await work();
    } finally {
      rangeCubes.tablesChanged();
      await modelCubes.clear();
    }
  });
const quiet = new DashboardQuiet();
const whenDashboardQuiet = quiet.whenQuiet;
/** Brushes queued behind a range cube built ahead: the build is then what they wait for, so it hurries. */
let narrowingsWaiting = 0;
const whenNoBrushWaits = () =>
  narrowingsWaiting > 0 ? yieldToMessages().then(() => 'continue' as const) : whenDashboardQuiet();

const api: EngineApi = {
  async start(options) {
    return (await startEngine(options)).info;
  },

  async restore() {
    const engine = await startEngine();
    const { persistence } = engine;
    restored ??= changingTables(engine, async () => {
      const report = await persistence.restore();
      history = report.history;
      return report;
    });
    const askedBefore = asked;
    warmingUp ??= restored.then(() => {
      const stopped = () => asked !== askedBefore;
      if (stopped()) return 'stopped' as const;
      return turn(() =>
        warmUpDatabase(engine.db, () => yieldToMessages().then(() => (stopped() ? 'cancel' : 'continue'))),
      );
    });
    return restored;
  },

  async warmedUp() {
    return (await warmingUp) ?? 'stopped';
  },

  async save() {
    const { persistence } = await startEngine();
    return exclusive(() => persistence.save(history));
  },

  async ingest(files, onProgress, options = {}) {
    const engine = await startEngine();
    return changingTables(engine, async () => {
      cancelRequested = false;
      const loading = { ...engine, temporaryPath, cancelled: () => cancelRequested };
      const results = await ingestFiles(loading, files, onProgress, options);
      history = [...results].reverse().concat(history);
      return { files: results, history };
    });
  },

  async interacting() {
    quiet.asked();
  },

  async cancelIngest() {
    cancelRequested = true;
  },

  async query(sql, background = false) {
    if (!background) {
      quiet.asked();
      stopWarmUp();
    }
    const bytes = (await startEngine()).reader.arrow(sql);
    return transfer(bytes, [bytes.buffer]);
  },

  async exportCsv(sql) {
    const bytes = await writeCsv(sql);
    return transfer(bytes, [bytes.buffer]);
  },

  async exportRows(request) {
    const { reader } = await startEngine();
    const bytes = await exportRows(reader, writeCsv, request);
    return transfer(bytes, [bytes.buffer]);
  },

  async setRoles(datasetId, roles) {
    const engine = await startEngine();
    return changingTables(engine, () => applyRoles(engine.loader, datasetId, roles));
  },

  async narrow(datasetId, narrowing) {
    const { rangeCubes } = await startEngine();
    quiet.asked();
    stopWarmUp();
    // One after another on their own connection; only the negative-id rows are written.
    narrowingsWaiting++;
    return inNarrowingTurn(() => {
      narrowingsWaiting--;
      return rangeCubes.narrow(datasetId, narrowing);
    });
  },

  async rangePanels(scope, panels, background = false) {
    const { rangeCubes, reader } = await startEngine();
    if (!background) {
      quiet.asked();
      stopWarmUp();
    }
    return rangeCubes.held.panelRows(scope, panels) ?? readRangePanels(reader, scope, panels);
  },

  async metricsModel(datasetId) {
    const { reader } = await startEngine();
    quiet.asked();
    stopWarmUp();
    return inferMetricsModel(reader, datasetId);
  },

  async metricsPanels(request) {
    const { reader, modelCubes } = await startEngine();
    quiet.asked();
    stopWarmUp();
    return readMetricsPanels(reader, modelCubes, request);
  },

  async profile(datasetId) {
    const { profiler, rangeCubes } = await startEngine();
    // In turn with loads and saves: a checkpoint must never wait on a profile's open query, which
    // only moves on when this worker polls it.
    return exclusive(async () => {
      const profiles = await profileDatasetById(profiler, datasetId, whenDashboardQuiet);
      // The likely brushes (dates, amounts) get their range cubes now, between the dashboard's queries.
      void inNarrowingTurn(() => rangeCubes.prepareAhead(datasetId, profiles, whenNoBrushWaits)).catch(
        () => undefined,
      );
      return profiles;
    });
  },

  async runSql(sql, limits, id) {
    stopWarmUp();
    const result = await (await sqlConsole()).run(sql, limits, id);
    return transfer(result, [result.arrow.buffer]);
  },

  async downloadSql(sql, format, id) {
    stopWarmUp();
    const file = await downloadResult(await sqlConsole(), sql, format, id);
    return transfer(file, [file.bytes.buffer]);
  },

  async cancelSql(id) {
    (await sqlConsole()).cancel(id);
  },

  async sqlSchema() {
    return (await sqlConsole()).schema();
  },

  async clear() {
    const engine = await startEngine();
    const { loader, persistence, rangeCubes } = engine;
    return changingTables(engine, async () => {
      // A dataset made next may get a cleared one's id, files and version: its range cubes go first.
      await inNarrowingTurn(() => rangeCubes.clear());
      const tables = (await loader.rows(datasetVersionsSql(null))).map((d) => String(d.table_name));
      for (const sql of clearAllSql(tables)) await loader.exec(sql);
      history = [];
      return persistence.clear();
    });
  },
};

expose(api);
