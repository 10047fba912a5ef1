import { columnsSql } from '$lib/models/dataset/build-dataset-sql';
import type { DatasetColumn } from '$lib/models/dataset/columns';
import { datasetVersionsSql } from '$lib/models/restaurant/build-persist-sql';
import {
  distributionSql,
  EXACT_DISTINCT_ROWS,
  profileStatsSql,
  topValuesSql,
} from '$lib/models/profile/build-profile-sql';
import { inferTypes, sampleTypesSql } from '$lib/models/profile/column-type';
import {
  columnStats,
  distributionOf,
  distributionPlan,
  type ColumnProfile,
} from '$lib/models/profile/profile-rows';
import type { Row, SqlRunner } from './sql-runner';

type Step = () => Promise<'continue' | 'cancel'>;

/**
 * A dataset's profile in three passes whatever its width: the first rows suggest each column's type;
 * one pass over the table checks it and counts (types judged over the whole column); one pass draws
 * every distribution. Only a text column with many (but not unique) values gets its own top-values query.
 */
export async function profileDataset(
  db: SqlRunner,
  table: string,
  columns: readonly DatasetColumn[],
  step: Step = async () => 'continue',
): Promise<ColumnProfile[]> {
  const run = (sql: string): Promise<Row[]> => (db.rowsLong ? db.rowsLong(sql, step) : db.rows(sql));
  const names = columns.map((c) => c.column);
  const [sample] = await run(sampleTypesSql(table, names));
  const candidates = inferTypes(sample, names.length);
  const inputs = columns.map((c, i) => ({ column: c.column, candidate: candidates[i] ?? 'text' }));
  const exact = Number(sample?.rows ?? 0) <= EXACT_DISTINCT_ROWS;
  const [statsRow] = await run(profileStatsSql(table, inputs, { exact }));
  const stats = inputs.map((input, i) => ({ ...columnStats(statsRow, i, input), distinctExact: exact }));
  const plans = stats.map(distributionPlan);
  const shared = distributionSql(
    table,
    plans.map((p) => (p === 'top-values' ? { kind: 'none' as const } : p)),
  );
  const [sharedRow] = shared ? await run(shared) : [];
  const profiles: ColumnProfile[] = [];
  for (const [i, column] of columns.entries()) {
    const plan = plans[i] ?? { kind: 'none' };
    const stat = stats[i];
    if (!stat) continue;
    const top = plan === 'top-values' ? await run(topValuesSql(table, column.column)) : [];
    profiles.push({
      name: column.name,
      ...stat,
      distribution: distributionOf(stat, plan, sharedRow, i, top),
    });
  }
  return profiles;
}

/** The profile of a loaded dataset by its id: its table and columns as the catalog lists them. */
export async function profileDatasetById(
  db: SqlRunner,
  datasetId: number,
  step: Step = async () => 'continue',
): Promise<ColumnProfile[]> {
  const dataset = (await db.rows(datasetVersionsSql(null))).find((d) => Number(d.dataset_id) === datasetId);
  if (!dataset) return [];
  const columns = (await db.rows(columnsSql(datasetId))).map((c) => ({
    name: String(c.name),
    key: String(c.key),
    column: String(c.column_name),
  }));
  return profileDataset(db, String(dataset.table_name), columns, step);
}
