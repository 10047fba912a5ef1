import { updateRolesSql } from '$lib/models/dataset/build-dataset-sql';
import type { RoleMapping } from '$lib/models/dataset/roles';
import { deleteCubeSql, insertDailySql, insertFactsSql } from '$lib/models/restaurant/build-ingest-sql';
import { datasetVersionsSql } from '$lib/models/restaurant/build-persist-sql';
import type { SqlRunner } from './sql-runner';

/**
 * Maps a dataset's columns to roles and rebuilds its cube and daily summary from its table, in one
 * transaction: the dashboard reads the old cube until the new one is complete.
 */
export async function applyRoles(db: SqlRunner, datasetId: number, roles: RoleMapping): Promise<void> {
  const cube = { datasetId, table: await tableOf(db, datasetId), roles, sourceId: null };
  const daily = insertDailySql(cube);
  const statements = [updateRolesSql(datasetId, roles), ...deleteCubeSql(datasetId), insertFactsSql(cube)];
  await inTransaction(db, daily ? [...statements, daily] : statements);
}

async function tableOf(db: SqlRunner, datasetId: number): Promise<string> {
  const dataset = (await db.rows(datasetVersionsSql(null))).find((d) => Number(d.dataset_id) === datasetId);
  if (!dataset) throw new Error(`There is no dataset ${datasetId}.`);
  return String(dataset.table_name);
}

export async function inTransaction(db: SqlRunner, statements: string[]): Promise<void> {
  await db.exec('BEGIN TRANSACTION');
  try {
    for (const sql of statements) await db.exec(sql);
    await db.exec('COMMIT');
  } catch (error) {
    await db.exec('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
