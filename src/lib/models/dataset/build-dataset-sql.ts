import { ident, integer, literal } from '../sql';
import { MODELS } from '../restaurant/schema';
import { LINEAGE, type DatasetColumn } from './columns';
import { ROLES, type Role, type RoleMapping } from './roles';

const { datasets, columns: columnTable, sources } = MODELS;

export const roleColumn = (role: Role) => `role_${role}`;

/** Datasets and their columns: a file's header decides which dataset its rows join. */
export function createDatasetModelsSql(): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${datasets} (
      dataset_id INTEGER NOT NULL, name VARCHAR NOT NULL, table_name VARCHAR NOT NULL,
      signature VARCHAR NOT NULL, ${ROLES.map((r) => `${roleColumn(r)} VARCHAR`).join(', ')},
      cube_version INTEGER NOT NULL, created_at TIMESTAMP NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS ${columnTable} (
      dataset_id INTEGER NOT NULL, position INTEGER NOT NULL, name VARCHAR NOT NULL, key VARCHAR NOT NULL,
      column_name VARCHAR NOT NULL)`,
  ];
}

export interface NewDataset {
  datasetId: number;
  name: string;
  table: string;
  signature: string;
  columns: readonly DatasetColumn[];
  roles: RoleMapping;
}

/** The dataset's row, its columns, and its table: lineage columns first, then every CSV column as text. */
export function createDatasetSql(d: NewDataset): string[] {
  return [...recordDatasetSql(d), createRowsTableSql(d.table, d.columns)];
}

/** The dataset's row and its columns, for rows whose table already exists. */
export function recordDatasetSql(d: NewDataset): string[] {
  const id = integer(d.datasetId);
  const roles = ROLES.map((r) => (d.roles[r] === null ? 'NULL' : literal(d.roles[r])));
  const values = d.columns.map(
    (c, i) => `(${id}, ${integer(i)}, ${literal(c.name)}, ${literal(c.key)}, ${literal(c.column)})`,
  );
  return [
    `INSERT INTO ${datasets} VALUES (${id}, ${literal(d.name)}, ${literal(d.table)}, ${literal(d.signature)},
      ${roles.join(', ')}, 1, now()::TIMESTAMP)`,
    `INSERT INTO ${columnTable} VALUES ${values.join(', ')}`,
  ];
}

/** A table of a dataset's rows: lineage columns first, then every column as text. */
export function createRowsTableSql(table: string, columns: readonly DatasetColumn[]): string {
  // INTEGER row ids: 4 bytes a row instead of 8, and a browser tab holds far fewer than 2^31 rows.
  return `CREATE TABLE ${ident(table)} (${ident(LINEAGE.source)} INTEGER NOT NULL, ${ident(LINEAGE.row)} INTEGER NOT NULL,
      ${columns.map((c) => `${ident(c.column)} VARCHAR`).join(', ')})`;
}

export function updateRolesSql(datasetId: number, roles: RoleMapping): string {
  const set = ROLES.map((r) => `${roleColumn(r)} = ${roles[r] === null ? 'NULL' : literal(roles[r])}`);
  return `UPDATE ${datasets} SET ${set.join(', ')}, cube_version = cube_version + 1
    WHERE dataset_id = ${integer(datasetId)}`;
}

export function datasetBySignatureSql(signature: string): string {
  return `SELECT dataset_id FROM ${datasets} WHERE signature = ${literal(signature)}`;
}

export function nextDatasetIdSql(): string {
  return `SELECT coalesce(max(dataset_id), 0) + 1 AS id, list(table_name) AS tables FROM ${datasets}`;
}

/** Every dataset with its roles, row and file counts, and the first file it was made from. */
export function datasetsSql(): string {
  return `SELECT d.*, coalesce(s.rows, 0)::BIGINT AS rows, coalesce(s.files, 0)::BIGINT AS files,
      s.first_file, s.last_source_id
    FROM ${datasets} d LEFT JOIN (
      SELECT dataset_id, sum(rows) AS rows, count(*) AS files, arg_min(name, source_id) AS first_file,
        max(source_id) AS last_source_id
      FROM ${sources} GROUP BY dataset_id) s USING (dataset_id)
    ORDER BY d.dataset_id`;
}

export function columnsSql(datasetId?: number): string {
  const where = datasetId === undefined ? '' : `WHERE dataset_id = ${integer(datasetId)}`;
  return `SELECT dataset_id, position, name, key, column_name FROM ${columnTable} ${where}
    ORDER BY dataset_id, position`;
}

/** A file's columns matched to its dataset's by key: the INSERT names each table column it fills. */
export function insertRowsSql(
  table: string,
  sourceId: number,
  rowOffset: number,
  pairs: readonly { fileColumn: string; column: string }[],
  readCsv: string,
): string {
  const targets = [LINEAGE.source, LINEAGE.row, ...pairs.map((p) => p.column)].map(ident);
  const values = pairs.map((p) => ident(p.fileColumn));
  return `INSERT INTO ${ident(table)} (${targets.join(', ')})
    SELECT ${integer(sourceId)}, (${integer(rowOffset)} + row_number() OVER ())::INTEGER, ${values.join(', ')}
    FROM ${readCsv}`;
}

export function rowOffsetSql(table: string): string {
  return `SELECT coalesce(max(${ident(LINEAGE.row)}), 0)::BIGINT AS offset FROM ${ident(table)}`;
}

export function sourceRowCountSql(table: string, sourceId: number): string {
  return `SELECT count(*) AS rows FROM ${ident(table)} WHERE ${ident(LINEAGE.source)} = ${integer(sourceId)}`;
}

/** A loaded file's dataset, its table, and how many files the dataset holds: what rereading it replaces. */
export function sourcePlaceSql(sourceId: number): string {
  return `SELECT s.dataset_id, s.name, d.table_name,
      (SELECT count(*) FROM ${sources} o WHERE o.dataset_id = s.dataset_id) AS files
    FROM ${sources} s JOIN ${datasets} d USING (dataset_id) WHERE s.source_id = ${integer(sourceId)}`;
}

/** A dataset left without files: its row, its columns and its table. */
export function dropDatasetSql(datasetId: number, table: string): string[] {
  return [
    `DELETE FROM ${datasets} WHERE dataset_id = ${integer(datasetId)}`,
    `DELETE FROM ${columnTable} WHERE dataset_id = ${integer(datasetId)}`,
    `DROP TABLE IF EXISTS ${ident(table)}`,
  ];
}
