import { ident, integer, literal } from '../sql';
import { LINEAGE } from '../dataset/columns';
import { createDatasetModelsSql } from '../dataset/build-dataset-sql';
import { narrowedId, rangePredicateSql, type RangeFilter } from '../dataset/range';
import type { Role, RoleMapping } from '../dataset/roles';
import { MODELS } from './schema';
import type { Encoding } from '../csv-read/encoding';

const { sources, rejects: rejectLog, facts, daily } = MODELS;

/** Per-load reject tables: DuckDB's default ones outlive the query and would mix files up. */
export interface RejectTables {
  errors: string;
  scans: string;
}

export function rejectTables(sourceId: number): RejectTables {
  return { errors: `dd_reject_errors_${integer(sourceId)}`, scans: `dd_reject_scans_${integer(sourceId)}` };
}

/** The dbt-like layers. Summaries are roll-ups of the small fact cube (`build-cube-rows-sql.ts`), never of raw rows. */
export function createModelsSql(): string[] {
  return [
    ...createDatasetModelsSql(),
    `CREATE TABLE IF NOT EXISTS ${sources} (
      source_id INTEGER PRIMARY KEY, dataset_id INTEGER NOT NULL, name VARCHAR NOT NULL, bytes BIGINT NOT NULL,
      rows BIGINT NOT NULL, rejected BIGINT NOT NULL, delimiter VARCHAR, encoding VARCHAR NOT NULL,
      loaded_at TIMESTAMP NOT NULL, content_hash VARCHAR NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS ${rejectLog} (
      source_id INTEGER NOT NULL, line BIGINT, error_type VARCHAR, message VARCHAR, csv_line VARCHAR)`,
    // The cleaning rules, once: every cube build uses them.
    `CREATE OR REPLACE MACRO clean_name(x) AS nullif(trim(x), '')`,
    `CREATE OR REPLACE MACRO cost_value(x) AS try_cast(x AS DECIMAL(18, 6))`,
    `CREATE OR REPLACE MACRO day_value(x) AS try_cast(x AS TIMESTAMP)::DATE`,
    // Grain: one row per dataset, source file, place, item and customer (the roles the user mapped). Every
    // question is a roll-up of it, appending a file only inserts its own groups, and it stays small.
    `CREATE TABLE IF NOT EXISTS ${facts} (
      dataset_id INTEGER NOT NULL, source_id INTEGER NOT NULL, restaurant VARCHAR, dish VARCHAR,
      customer VARCHAR, visits BIGINT NOT NULL, revenue DECIMAL(38, 6) NOT NULL,
      missing_costs BIGINT NOT NULL, unusable_costs BIGINT NOT NULL)`,
    // With a date role: visits and revenue per day, place and item, for the over-time chart.
    `CREATE TABLE IF NOT EXISTS ${daily} (
      dataset_id INTEGER NOT NULL, source_id INTEGER NOT NULL, restaurant VARCHAR, dish VARCHAR, day DATE,
      visits BIGINT NOT NULL, revenue DECIMAL(38, 6) NOT NULL)`,
  ];
}

/** What a cube build reads: a dataset's table, the roles mapped on it, and one file or all of them. */
export interface CubeSource {
  datasetId: number;
  table: string;
  roles: RoleMapping;
  /** One file's rows (at load time), or null to rebuild the dataset's cube after a role change. */
  sourceId: number | null;
  /** Only the rows in this range, written under the dataset's narrowed id (`narrowedId`). */
  range?: RangeFilter | null;
  /** Only this customer's rows, written under the narrowed id too (the daily summary has no customer). */
  customer?: string | null;
}

const role = (roles: RoleMapping, r: Role) => (roles[r] === null ? 'NULL::VARCHAR' : ident(roles[r]));
const ofSource = ({ sourceId, range, customer, roles }: CubeSource) =>
  (sourceId === null ? 'TRUE' : `${ident(LINEAGE.source)} = ${integer(sourceId)}`) +
  (range ? ` AND ${rangePredicateSql(range)}` : '') +
  (customer == null ? '' : ` AND clean_name(${role(roles, 'customer')}) = ${literal(customer)}`);
const cubeId = ({ datasetId, range, customer }: CubeSource) =>
  integer(range || customer != null ? narrowedId(datasetId) : datasetId);

/**
 * The cleaning rules applied to groups rather than rows: raw values are grouped first (amount summed as it
 * is cast), then names are cleaned and regrouped. Same result as cleaning every row, three times faster.
 * An unmapped role is NULL: no amount adds no revenue, no item gives no dish panels.
 */
export function insertFactsSql(cube: CubeSource): string {
  const amount = role(cube.roles, 'amount');
  return `INSERT INTO ${facts}
    WITH by_raw_value AS (
      SELECT ${ident(LINEAGE.source)} AS source_id, ${role(cube.roles, 'place')} AS place,
        ${role(cube.roles, 'item')} AS item, ${role(cube.roles, 'customer')} AS customer, count(*) AS visits,
        sum(cost_value(${amount})) AS revenue,
        ${cube.roles.amount === null ? '0' : `count(*) - count(${amount})`} AS missing_costs,
        count(${amount}) - count(cost_value(${amount})) AS unusable_costs
      FROM ${ident(cube.table)} WHERE ${ofSource(cube)}
      GROUP BY ALL)
    SELECT ${cubeId(cube)}, source_id, clean_name(place), clean_name(item), clean_name(customer),
      sum(visits), coalesce(sum(revenue), 0), sum(missing_costs), sum(unusable_costs)
    FROM by_raw_value GROUP BY ALL`;
}

/** Visits and revenue per day and place; nothing without a date role. Grouped by raw values first too. */
export function insertDailySql(cube: CubeSource): string | null {
  if (cube.roles.date === null) return null;
  return `INSERT INTO ${daily}
    WITH by_raw_value AS (
      SELECT ${ident(LINEAGE.source)} AS source_id, ${role(cube.roles, 'place')} AS place,
        ${role(cube.roles, 'item')} AS item, ${ident(cube.roles.date)} AS day, count(*) AS visits,
        sum(cost_value(${role(cube.roles, 'amount')})) AS revenue
      FROM ${ident(cube.table)} WHERE ${ofSource(cube)}
      GROUP BY ALL)
    SELECT ${cubeId(cube)}, source_id, clean_name(place), clean_name(item), day_value(day), sum(visits),
      coalesce(sum(revenue), 0)
    FROM by_raw_value GROUP BY ALL`;
}

/**
 * Empties a dataset's cube before it is rebuilt. Its narrowed rows are the narrower's alone (a role change
 * deleting them could conflict with a brush in flight): they are written again by the next narrowing,
 * which the page asks for after new roles whenever a range or a customer is set.
 */
export function deleteCubeSql(datasetId: number): string[] {
  return [facts, daily].map((t) => `DELETE FROM ${t} WHERE dataset_id = ${integer(datasetId)}`);
}

/** Empties the dataset's narrowed cube and daily summary, before they are written for a new selection. */
export function clearNarrowedSql(datasetId: number): string[] {
  return [facts, daily].map((t) => `DELETE FROM ${t} WHERE dataset_id = ${integer(narrowedId(datasetId))}`);
}

export function rejectCountSql({ errors }: RejectTables): string {
  // One record can have several errors (one per bad field), so records are counted by line.
  return `SELECT count(DISTINCT line) AS rejected,
      count(*) FILTER (error_type::VARCHAR IN ('INVALID ENCODING', 'INVALID UNICODE')) AS invalid_unicode
    FROM ${ident(errors)}`;
}

export function firstRejectSql({ errors }: RejectTables): string {
  return `SELECT line, error_message FROM ${ident(errors)} ORDER BY line LIMIT 1`;
}

/** Keeps the first rejected records of a file with their line numbers, for the user to see and fix. */
export function keepRejectsSql(sourceId: number, { errors }: RejectTables, limit = 1000): string {
  return `INSERT INTO ${rejectLog}
    SELECT ${integer(sourceId)}, line, error_type::VARCHAR, error_message, csv_line FROM ${ident(errors)}
    ORDER BY line LIMIT ${integer(limit)}`;
}

/** Records left out before DuckDB read them (a quote never closed), kept like DuckDB's own rejects. */
export function keepEmptiedRejectsSql(
  sourceId: number,
  lines: readonly { line: number; text: string }[],
): string {
  const values = lines.map(
    (l) =>
      `(${integer(sourceId)}, ${integer(l.line)}, 'UNCLOSED QUOTE', ` +
      `'A quote opened in this record is never closed', ${literal(l.text.slice(0, 1000))})`,
  );
  return `INSERT INTO ${rejectLog} VALUES ${values.join(', ')}`;
}

/** The first physical line of a rejected record (an unclosed quote's record runs on to the end of the file). */
export function rejectedLineSql({ errors }: RejectTables, line: number): string {
  return `SELECT left(split_part(split_part(csv_line, chr(10), 1), chr(13), 1), 1000) AS text
    FROM ${ident(errors)} WHERE line = ${integer(line)} LIMIT 1`;
}

export function dropRejectTablesSql({ errors, scans }: RejectTables): string[] {
  return [`DROP TABLE IF EXISTS ${ident(errors)}`, `DROP TABLE IF EXISTS ${ident(scans)}`];
}

export interface SourceRecord {
  sourceId: number;
  datasetId: number;
  name: string;
  bytes: number;
  rows: number;
  rejected: number;
  delimiter: string | null;
  encoding: Encoding;
  contentHash: string;
  /** ISO time of the first load; a restored file keeps its own. */
  loadedAt?: string;
}

export function insertSourceSql(s: SourceRecord): string {
  const delimiter = s.delimiter === null ? 'NULL' : literal(s.delimiter);
  return `INSERT INTO ${sources} VALUES (${integer(s.sourceId)}, ${integer(s.datasetId)}, ${literal(s.name)},
    ${integer(s.bytes)},
    ${integer(s.rows)}, ${integer(s.rejected)}, ${delimiter}, ${literal(s.encoding)},
    ${s.loadedAt ? `${literal(s.loadedAt)}::TIMESTAMP` : 'now()::TIMESTAMP'},
    ${literal(s.contentHash)})`;
}

/** A loaded file with this content, whatever its name. */
export function sourceByHashSql(contentHash: string): string {
  return `SELECT source_id, name FROM ${sources} WHERE content_hash = ${literal(contentHash)} LIMIT 1`;
}

/** Loaded files of exactly this many bytes. */
export function sourcesOfSizeSql(bytes: number): string {
  return `SELECT source_id FROM ${sources} WHERE bytes = ${integer(bytes)}`;
}

export function nextSourceIdSql(): string {
  return `SELECT coalesce(max(source_id), 0) + 1 AS id FROM ${sources}`;
}

/** Drops every dataset's table and empties the shared ones. */
export function clearAllSql(datasetTables: readonly string[]): string[] {
  return [
    ...datasetTables.map((t) => `DROP TABLE IF EXISTS ${ident(t)}`),
    ...[facts, daily, rejectLog, sources, MODELS.datasets, MODELS.columns].map((t) => `DELETE FROM ${t}`),
  ];
}
