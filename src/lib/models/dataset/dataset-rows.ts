import type { Row } from '$lib/engine/sql-runner';
import type { DatasetColumn } from './columns';
import { roleColumn } from './build-dataset-sql';
import { ROLES, type RoleMapping } from './roles';

export interface DatasetInfo {
  id: number;
  /** What the user calls it: the first file it was made from. */
  name: string;
  /** Its table, for SQL: every CSV column as text, plus dd_source_id and dd_row_id. */
  table: string;
  signature: string;
  roles: RoleMapping;
  /** Goes up each time the roles change and the cube is rebuilt. */
  cubeVersion: number;
  rows: number;
  files: number;
  lastSourceId: number;
  columns: DatasetColumn[];
}

/** The roles kept on a dataset's row. */
export function rolesOf(r: Row): RoleMapping {
  return Object.fromEntries(
    ROLES.map((role) => [role, r[roleColumn(role)] == null ? null : String(r[roleColumn(role)])]),
  ) as RoleMapping;
}

export function toDatasets(rows: Row[], columnRows: Row[]): DatasetInfo[] {
  return rows.map((r) => {
    const id = Number(r.dataset_id);
    const roles = rolesOf(r);
    return {
      id,
      name: String(r.first_file ?? r.name),
      table: String(r.table_name),
      signature: String(r.signature),
      roles,
      cubeVersion: Number(r.cube_version),
      rows: Number(r.rows ?? 0),
      files: Number(r.files ?? 0),
      lastSourceId: Number(r.last_source_id ?? 0),
      columns: columnRows
        .filter((c) => Number(c.dataset_id) === id)
        .map((c) => ({ name: String(c.name), key: String(c.key), column: String(c.column_name) })),
    };
  });
}
