import {
  columnsSql,
  createDatasetSql,
  datasetBySignatureSql,
  datasetsSql,
  nextDatasetIdSql,
  updateRolesSql,
  type NewDataset,
} from '$lib/models/dataset/build-dataset-sql';
import {
  columnKey,
  columnSignature,
  datasetColumns,
  duplicateNames,
  tableNameFor,
  type DatasetColumn,
} from '$lib/models/dataset/columns';
import { toDatasets } from '$lib/models/dataset/dataset-rows';
import {
  guessRoles,
  NO_ROLES,
  rolesFromKeys,
  type RememberedRoles,
  type RoleMapping,
} from '$lib/models/dataset/roles';
import { sampleColumnTypes } from './profile';
import type { SqlRunner } from './sql-runner';

/** The dataset a file's rows go to: an existing one with the same columns, or a new one. */
export interface DatasetTarget {
  datasetId: number;
  table: string;
  columns: DatasetColumn[];
  roles: RoleMapping;
  /** Set when the file starts a dataset: created inside the file's own transaction. */
  create: NewDataset | null;
  /** Roles still to be guessed from the first rows, once they are loaded. */
  guess: boolean;
  notes: string[];
}

const list = (names: readonly string[], max = 4) =>
  names.slice(0, max).join(', ') + (names.length > max ? ', …' : '');

export async function findDatasetTarget(
  db: SqlRunner,
  fileName: string,
  header: readonly string[],
  headerLine: readonly string[],
  remembered: Record<string, RememberedRoles>,
): Promise<DatasetTarget> {
  const signature = columnSignature(header);
  const notes = duplicateNotes(fileName, header, headerLine);
  const [existing] = await db.rows(datasetBySignatureSql(signature));
  const all = toDatasets(await db.rows(datasetsSql()), await db.rows(columnsSql()));
  if (existing) {
    const dataset = all.find((d) => d.id === Number(existing.dataset_id));
    if (dataset) return { datasetId: dataset.id, ...dataset, create: null, guess: false, notes };
  }
  const [{ id, tables }] = (await db.rows(nextDatasetIdSql())) as [{ id: number; tables: unknown }];
  const columns = datasetColumns(header);
  const memory = remembered[signature];
  const roles = memory ? rolesFromKeys(memory, columns) : NO_ROLES;
  const table = tableNameFor(fileName, Array.isArray(tables) ? tables.map(String) : []);
  const latest = [...all].sort((a, b) => b.lastSourceId - a.lastSourceId)[0];
  if (latest) {
    notes.unshift(
      `"${fileName}" has different columns from "${latest.name}" (${list(header)} instead of ` +
        `${list(latest.columns.map((c) => c.name))}), so it is a dataset of its own.`,
    );
  }
  if (memory)
    notes.push(`"${fileName}": the column roles you chose for these columns before are used again.`);
  return {
    datasetId: id,
    table,
    columns,
    roles,
    create: { datasetId: id, name: fileName, table, signature, columns, roles },
    guess: !memory,
    notes,
  };
}

/** Duplicate names in the header line: DuckDB numbers the later ones; the user is told which is which. */
function duplicateNotes(fileName: string, header: readonly string[], headerLine: readonly string[]) {
  return duplicateNames(headerLine).map(({ name, count }) => {
    const renamed = header.filter((h) =>
      new RegExp(`^${escapeRegExp(columnKey(name))}_\\d+$`).test(columnKey(h)),
    );
    return (
      `"${fileName}" has ${count} columns named "${name}": the first keeps the name` +
      (renamed.length > 0 ? `, the others are read as ${renamed.map((r) => `"${r}"`).join(', ')}` : '') +
      '. Check the column roles below.'
    );
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Roles for a new dataset from its first rows' names and types; stored with the dataset. */
export async function guessTargetRoles(db: SqlRunner, target: DatasetTarget): Promise<RoleMapping> {
  const names = target.columns.map((c) => c.column);
  const { types } = await sampleColumnTypes((sql) => db.rows(sql), target.table, names, 0.5);
  const roles = guessRoles(target.columns.map((c, i) => ({ ...c, type: types[i] ?? 'text' })));
  await db.exec(updateRolesSql(target.datasetId, roles));
  return roles;
}

export { createDatasetSql };
