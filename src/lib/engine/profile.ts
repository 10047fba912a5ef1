import { columnsSql } from '$lib/models/dataset/build-dataset-sql';
import type { DatasetColumn } from '$lib/models/dataset/columns';
import { datasetVersionsSql } from '$lib/models/restaurant/build-persist-sql';
import {
  distributionSql,
  EXACT_DISTINCT_ROWS,
  profileStatsSql,
  topValuesSql,
} from '$lib/models/profile/build-profile-sql';
import {
  inferTypes,
  rowCountSql,
  sampleTypesSql,
  typeCounts,
  type ColumnType,
} from '$lib/models/profile/column-type';
import {
  columnStats,
  distributionOf,
  distributionPlan,
  type ColumnProfile,
} from '$lib/models/profile/profile-rows';
import type { Row, SqlRunner } from './sql-runner';

type Step = () => Promise<'continue' | 'cancel'>;

/**
 * Columns per query: each column adds several aggregates to one statement, and DuckDB-WASM runs out of
 * memory on a statement of some 1,200 of them (200 columns), whatever the table's size.
 */
export const COLUMN_BATCH = 40;

const batches = <T>(items: readonly T[]) =>
  Array.from({ length: Math.ceil(items.length / COLUMN_BATCH) }, (_, i) =>
    items.slice(i * COLUMN_BATCH, (i + 1) * COLUMN_BATCH),
  );

/** Each column's type as its first rows suggest, and the table's row count. */
export async function sampleColumnTypes(
  run: (sql: string) => Promise<Row[]>,
  table: string,
  names: readonly string[],
  share?: number,
): Promise<{ types: ColumnType[]; rows: number }> {
  const counts = typeCounts(await run(sampleTypesSql(table, names)), names);
  const [count] = await run(rowCountSql(table));
  return { types: inferTypes(counts, names.length, share), rows: Number(count?.rows ?? 0) };
}

/**
 * A dataset's profile, whatever its width: the first rows suggest each column's type (one query); then per
 * batch of columns one pass over the table checks it and counts (types judged over the whole column) and
 * one pass draws every distribution. Only a text column with many (but not unique) values gets its own
 * top-values query.
 */
export async function profileDataset(
  db: SqlRunner,
  table: string,
  columns: readonly DatasetColumn[],
  step: Step = async () => 'continue',
): Promise<ColumnProfile[]> {
  const run = (sql: string): Promise<Row[]> => (db.rowsLong ? db.rowsLong(sql, step) : db.rows(sql));
  const { types, rows } = await sampleColumnTypes(
    run,
    table,
    columns.map((c) => c.column),
  );
  const inputs = columns.map((c, i) => ({ ...c, candidate: types[i] ?? 'text' }));
  const profiles: ColumnProfile[] = [];
  for (const batch of batches(inputs)) profiles.push(...(await profileBatch(run, table, batch, rows)));
  return profiles;
}

async function profileBatch(
  run: (sql: string) => Promise<Row[]>,
  table: string,
  columns: readonly (DatasetColumn & { candidate: ColumnType })[],
  rows: number,
): Promise<ColumnProfile[]> {
  const inputs = columns.map((c) => ({ column: c.column, candidate: c.candidate }));
  const exact = rows <= EXACT_DISTINCT_ROWS;
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
