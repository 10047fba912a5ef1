import {
  checkpointSql,
  clearKeptSql,
  createKeptTablesSql,
  dropSourceSql,
  incompleteSourcesSql,
  keepSourceSql,
  keptSourceIdsSql,
  loadedSourcesSql,
  restoreKeptSql,
} from '$lib/models/restaurant/build-persist-sql';
import type { FileResult, RestoreReport, StorageInfo } from './api';
import type { SqlRunner } from './sql-runner';
import type { Store } from './store';

const HISTORY = 'history.json';

/**
 * Keeps the dataset between visits. The working tables stay in memory (loads are fastest there); after
 * a load, each new file's rows are copied into DuckDB's main database, a file in the origin-private file
 * system, one file per transaction, then checkpointed. On the next visit they are copied back and checked
 * against the row counts recorded at load time.
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
    for (const sql of createKeptTablesSql(kept)) await this.db.exec(sql);
    await this.inTransaction(restoreKeptSql(kept));
    const problems: string[] = [];
    for (const bad of await this.db.rows(incompleteSourcesSql())) {
      await this.inTransaction(dropSourceSql(Number(bad.source_id)));
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
    for (const sql of createKeptTablesSql(kept)) await this.db.exec(sql);
    const already = new Set((await this.db.rows(keptSourceIdsSql(kept))).map((r) => Number(r.source_id)));
    for (const { source_id } of await this.db.rows(loadedSourcesSql())) {
      const id = Number(source_id);
      if (!already.has(id)) await this.inTransaction(keepSourceSql(kept, id));
      this.kept.add(id);
    }
    await this.db.exec(checkpointSql(kept));
    return this.usage();
  }

  async clear(): Promise<StorageInfo> {
    const kept = this.catalog.name;
    if (kept !== null) {
      await this.inTransaction(clearKeptSql(kept));
      await this.db.exec(checkpointSql(kept));
    }
    await this.store.remove(HISTORY);
    this.kept.clear();
    return this.usage();
  }

  async usage(): Promise<StorageInfo> {
    if (this.catalog.name === null)
      return { kind: 'memory', reason: this.catalog.reason, bytes: 0, savedFiles: 0 };
    const files = await this.store.list();
    return { kind: 'opfs', bytes: files.reduce((sum, f) => sum + f.bytes, 0), savedFiles: this.kept.size };
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
