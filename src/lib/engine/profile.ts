import { columnsSql } from '$lib/models/dataset/build-dataset-sql';
import type { DatasetColumn } from '$lib/models/dataset/columns';
import { datasetVersionsSql } from '$lib/models/restaurant/build-persist-sql';
import {
  distributionSql,
  EXACT_DISTINCT_ROWS,
  profileStatsSql,
  topValuesSql,
  type DistributionPlan,
  type ProfileInput,
} from '$lib/models/profile/build-profile-sql';
import { byPosition, wideDistributionSql, wideStatsSql } from '$lib/models/profile/wide-profile-sql';
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
 * memory on a statement of some 1,200 of them (200 columns), whatever the table's size. A wider table is
 * profiled UNPIVOTed (`wide-profile-sql.ts`): up to `WIDE_BATCH` columns a query while their cells stay
 * under `WIDE_CELLS`, since every column's distinct values are held at once.
 */
export const COLUMN_BATCH = 40;
const WIDE_BATCH = 500;
const WIDE_CELLS = 1_000_000;

const batches = <T>(items: readonly T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

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
  const run: Run = (sql) => (db.rowsLong ? db.rowsLong(sql, step) : db.rows(sql));
  const { types, rows } = await sampleColumnTypes(
    run,
    table,
    columns.map((c) => c.column),
  );
  const inputs = columns.map((c, i) => ({ ...c, candidate: types[i] ?? 'text' }));
  const wide = columns.length > COLUMN_BATCH;
  const profiles: ColumnProfile[] = [];
  const size = wide
    ? Math.max(COLUMN_BATCH, Math.min(WIDE_BATCH, Math.floor(WIDE_CELLS / Math.max(rows, 1))))
    : COLUMN_BATCH;
  for (const batch of batches(inputs, size))
    profiles.push(...(await profileBatch(run, table, batch, rows, wide ? widePasses : columnPasses)));
  return profiles;
}

type Run = (sql: string) => Promise<Row[]>;

/** The two whole-table passes, each read back as one row keyed by column position (`n0`, `k0`…). */
interface Passes {
  stats: (
    run: Run,
    table: string,
    inputs: readonly ProfileInput[],
    exact: boolean,
  ) => Promise<Row | undefined>;
  distributions: (run: Run, table: string, plans: readonly DistributionPlan[]) => Promise<Row | undefined>;
}

/** One aggregate set per column: the fewest passes for a table of few columns. */
export const columnPasses: Passes = {
  stats: async (run, table, inputs, exact) => (await run(profileStatsSql(table, inputs, { exact })))[0],
  distributions: async (run, table, plans) => {
    const sql = distributionSql(table, plans);
    return sql ? (await run(sql))[0] : undefined;
  },
};

/** The columns as (name, value) rows grouped by name: the same few aggregates at any width. */
export const widePasses: Passes = {
  stats: async (run, table, inputs, exact) => {
    const rows = await run(wideStatsSql(table, inputs, { exact }));
    const names = inputs.map((i) => i.column);
    return byPosition(rows, names, ['n', 'd', 'tlo', 'thi', 'ok', 'lo', 'hi', 'int']);
  },
  distributions: async (run, table, plans) => {
    const sql = wideDistributionSql(table, plans);
    if (!sql) return undefined;
    const names = plans.map((p) => (p.kind === 'none' ? '' : p.column));
    return byPosition(await run(sql), names, ['k', 'v']);
  },
};

async function profileBatch(
  run: Run,
  table: string,
  columns: readonly (DatasetColumn & { candidate: ColumnType })[],
  rows: number,
  passes: Passes,
): Promise<ColumnProfile[]> {
  const inputs = columns.map((c) => ({ column: c.column, candidate: c.candidate }));
  const exact = rows <= EXACT_DISTINCT_ROWS;
  const statsRow = { ...(await passes.stats(run, table, inputs, exact)), rows };
  const stats = inputs.map((input, i) => ({ ...columnStats(statsRow, i, input), distinctExact: exact }));
  const plans = stats.map(distributionPlan);
  const sharedRow = await passes.distributions(
    run,
    table,
    plans.map((p) => (p === 'top-values' ? { kind: 'none' as const } : p)),
  );
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
