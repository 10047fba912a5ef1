import {
  checkpointSql,
  clearKeptSql,
  createKeptTablesSql,
  datasetVersionsSql,
  dropKeptTablesSql,
  dropKeptSourceSql,
  dropSourceSql,
  engineMemorySql,
  incompleteSourcesSql,
  keepSourceSql,
  keptSourceIdsSql,
  keptSourcesSql,
  keptTablesSql,
  LEGACY_TABLES,
  loadedSourcesSql,
  replaceKeptCubeSql,
  replaceKeptDatasetsSql,
  restoreKeptSql,
} from '$lib/models/restaurant/build-persist-sql';
import { MODELS } from '$lib/models/restaurant/schema';
import type { FileResult, RestoreReport, StorageInfo } from './api';
import type { SqlRunner } from './sql-runner';
import type { Store } from './store';

const HISTORY = 'history.json';

/**
 * Keeps the datasets between visits. The working tables stay in memory (loads are fastest there); after
 * a load, each new file's rows are copied into DuckDB's main database, a file in the origin-private file
 * system, one file per transaction, then checkpointed. Datasets whose roles changed get their new cube
 * kept. On the next visit everything is copied back and checked against the row counts recorded at load.
 */
export class Persistence {
  private kept = new Set<number>();

  constructor(
    private readonly store: Store,
    private readonly db: SqlRunner,
    /** The catalog of the kept database, or null with the reason nothing is kept. */
    private readonly catalog: { name: string } | { name: null; reason: string },
  ) {}

  async restore(): Promise<RestoreReport> {
    const history = await this.readHistory().catch(() => []);
    const kept = this.catalog.name;
    if (kept === null) return { history, restored: [], problems: [], storage: await this.usage() };
    const problems = await this.dropLegacy(kept);
    for (const sql of createKeptTablesSql(kept, [])) await this.db.exec(sql);
    const tables = (await this.db.rows(datasetVersionsSql(kept))).map((r) => String(r.table_name));
    await this.inTransaction(restoreKeptSql(kept, tables));
    for (const bad of await this.db.rows(incompleteSourcesSql(tables))) {
      await this.inTransaction(dropSourceSql(Number(bad.source_id), String(bad.table_name)));
      problems.push(
        `"${String(bad.name)}" was left out: this browser's storage gave back ${String(bad.found)} of its ` +
          `${String(bad.rows)} rows. Drop the file again to load it.`,
      );
    }
    const restored = await this.db.rows(loadedSourcesSql());
    this.kept = new Set(restored.map((r) => Number(r.source_id)));
    return { history, restored: restored.map((r) => String(r.name)), problems, storage: await this.usage() };
  }

  async save(history: FileResult[]): Promise<StorageInfo> {
    const kept = this.catalog.name;
    if (kept === null) return this.usage();
    await this.store.write(HISTORY, new TextEncoder().encode(JSON.stringify(history)));
    const working = await this.db.rows(datasetVersionsSql(null));
    for (const sql of createKeptTablesSql(
      kept,
      working.map((d) => String(d.table_name)),
    ))
      await this.db.exec(sql);
    const already = new Set((await this.db.rows(keptSourceIdsSql(kept))).map((r) => Number(r.source_id)));
    const loaded = await this.db.rows(loadedSourcesSql());
    const loadedIds = new Set(loaded.map((r) => Number(r.source_id)));
    for (const { source_id, table_name } of await this.db.rows(keptSourcesSql(kept))) {
      const id = Number(source_id);
      if (loadedIds.has(id)) continue;
      await this.inTransaction(dropKeptSourceSql(kept, id, String(table_name)));
      this.kept.delete(id);
    }
    for (const { source_id, table_name } of loaded) {
      const id = Number(source_id);
      if (!already.has(id)) await this.inTransaction(keepSourceSql(kept, id, String(table_name)));
      this.kept.add(id);
    }
    const workingTables = new Set(working.map((d) => String(d.table_name)));
    const goneTables = (await this.db.rows(datasetVersionsSql(kept)))
      .map((d) => String(d.table_name))
      .filter((t) => !workingTables.has(t));
    const keptVersions = new Map(
      (await this.db.rows(datasetVersionsSql(kept))).map((r) => [
        Number(r.dataset_id),
        Number(r.cube_version),
      ]),
    );
    for (const d of working) {
      const version = keptVersions.get(Number(d.dataset_id));
      if (version !== undefined && version !== Number(d.cube_version))
        await this.inTransaction(replaceKeptCubeSql(kept, Number(d.dataset_id)));
    }
    await this.inTransaction([...replaceKeptDatasetsSql(kept), ...dropKeptTablesSql(kept, goneTables)]);
    await this.db.exec(checkpointSql(kept));
    return this.usage();
  }

  async clear(): Promise<StorageInfo> {
    const kept = this.catalog.name;
    if (kept !== null) {
      for (const sql of createKeptTablesSql(kept, [])) await this.db.exec(sql);
      const tables = (await this.db.rows(datasetVersionsSql(kept))).map((r) => String(r.table_name));
      await this.inTransaction(clearKeptSql(kept, tables));
      await this.db.exec(checkpointSql(kept));
    }
    await this.store.remove(HISTORY);
    this.kept.clear();
    return this.usage();
  }

  async usage(): Promise<StorageInfo> {
    const [memory] = await this.db.rows(engineMemorySql());
    const engineMemoryBytes = Number(memory?.bytes ?? 0);
    if (this.catalog.name === null)
      return { kind: 'memory', reason: this.catalog.reason, bytes: 0, savedFiles: 0, engineMemoryBytes };
    const files = await this.store.list();
    const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
    return { kind: 'opfs', bytes, savedFiles: this.kept.size, engineMemoryBytes };
  }

  /** Data an earlier version kept (before datasets) has another layout: it is removed, and the user told. */
  private async dropLegacy(kept: string): Promise<string[]> {
    const tables = new Set((await this.db.rows(keptTablesSql(kept))).map((r) => String(r.table_name)));
    if (!tables.has('raw_visits') || tables.has(MODELS.datasets)) return [];
    await this.inTransaction(dropKeptTablesSql(kept, LEGACY_TABLES));
    await this.db.exec(checkpointSql(kept));
    return [
      'The data this browser kept was saved by an earlier version of Dropdash and could not be brought ' +
        'back. Drop the files again to load them.',
    ];
  }

  private async inTransaction(statements: string[]): Promise<void> {
    await this.db.exec('BEGIN TRANSACTION');
    try {
      for (const sql of statements) await this.db.exec(sql);
      await this.db.exec('COMMIT');
    } catch (error) {
      await this.db.exec('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  private async readHistory(): Promise<FileResult[]> {
    const file = await this.store.read(HISTORY);
    const parsed: unknown = file ? JSON.parse(await file.text()) : [];
    return Array.isArray(parsed) ? (parsed as FileResult[]) : [];
  }
}
