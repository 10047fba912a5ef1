import { ident, integer, literal } from '../sql';
import { LINEAGE } from '../dataset/columns';
import { narrowedId, rangeBetweenSql, rangeValueSql, type RangeFilter } from '../dataset/range';
import type { Role, RoleMapping } from '../dataset/roles';
import { MODELS } from './schema';

const { facts, daily } = MODELS;

/** The column a range cube is keyed by, read the way a range of it reads it. */
export type RangeKey = Pick<RangeFilter, 'kind' | 'column'>;

/**
 * A range cube's tables: the cube with the key in its grain (its groups of file, place, item and customer
 * as numbers, named in `groups`), and (for a number key) its daily summary.
 */
export interface RangeCubeTables {
  facts: string;
  groups: string;
  daily: string | null;
}

export interface RangeCubeSource {
  datasetId: number;
  table: string;
  roles: RoleMapping;
}

/** Temporary tables: one connection builds and reads them, and they are never kept or listed. */
export function rangeCubeTables(datasetId: number, slot: number, key: RangeKey, roles: RoleMapping) {
  const name = `dd_range_${integer(datasetId)}_${integer(slot)}`;
  const daily = key.kind === 'number' && roles.date !== null ? `${name}_daily` : null;
  return { facts: name, groups: `${name}_groups`, daily };
}

const role = (roles: RoleMapping, r: Role) => (roles[r] === null ? 'NULL::VARCHAR' : ident(roles[r]));

/**
 * The fact cube with the range's column in its grain (a day, or a number as read), built once per
 * column: every range of that column is then a roll-up of it, not a scan of the table. Raw values are
 * grouped first, as in `insertFactsSql`, with the same cleaning rules. A roll-up groups by a number
 * rather than three names (twice as fast), and rows are in key order so a range skips whole row groups.
 * A value that does not read keeps a NULL key: no range has it, a customer's daily summary does.
 */
export function createRangeCubeSql(
  source: RangeCubeSource,
  key: RangeKey,
  tables: RangeCubeTables,
): string[] {
  const { roles, table } = source;
  const amount = role(roles, 'amount');
  const keyValue = rangeValueSql(key.kind, 'raw_key');
  const all = ident(`${tables.facts}_all`);
  const cube = `CREATE OR REPLACE TEMP TABLE ${all} AS
    WITH by_raw_value AS (
      SELECT ${ident(LINEAGE.source)} AS source_id, ${role(roles, 'place')} AS place,
        ${role(roles, 'item')} AS item, ${role(roles, 'customer')} AS customer,
        ${ident(key.column)} AS raw_key, count(*) AS visits, sum(cost_value(${amount})) AS revenue,
        ${roles.amount === null ? '0' : `count(*) - count(${amount})`} AS missing_costs,
        count(${amount}) - count(cost_value(${amount})) AS unusable_costs
      FROM ${ident(table)} GROUP BY ALL)
    SELECT dense_rank() OVER (ORDER BY source_id, restaurant, dish, customer)::INTEGER AS g, *
    FROM (SELECT source_id, clean_name(place) AS restaurant, clean_name(item) AS dish,
      clean_name(customer) AS customer, ${keyValue} AS key, sum(visits) AS visits,
      coalesce(sum(revenue), 0) AS revenue, sum(missing_costs) AS missing_costs,
      sum(unusable_costs) AS unusable_costs
    FROM by_raw_value GROUP BY ALL)`;
  const coded = [
    `CREATE OR REPLACE TEMP TABLE ${ident(tables.groups)} AS
      SELECT DISTINCT g, source_id, restaurant, dish, customer FROM ${all}`,
    `CREATE OR REPLACE TEMP TABLE ${ident(tables.facts)} AS
      SELECT g, key, visits, revenue, missing_costs, unusable_costs FROM ${all} ORDER BY key`,
    `DROP TABLE ${all}`,
  ];
  if (tables.daily === null || roles.date === null) return [cube, ...coded];
  const dailyCube = `CREATE OR REPLACE TEMP TABLE ${ident(tables.daily)} AS
    WITH by_raw_value AS (
      SELECT ${ident(LINEAGE.source)} AS source_id, ${role(roles, 'place')} AS place,
        ${role(roles, 'item')} AS item, ${ident(roles.date)} AS day, ${ident(key.column)} AS raw_key,
        count(*) AS visits, sum(cost_value(${amount})) AS revenue
      FROM ${ident(table)} GROUP BY ALL)
    SELECT source_id, clean_name(place) AS restaurant, clean_name(item) AS dish, day_value(day) AS day,
      ${keyValue} AS key, sum(visits) AS visits, coalesce(sum(revenue), 0) AS revenue
    FROM by_raw_value GROUP BY ALL ORDER BY key`;
  return [cube, ...coded, dailyCube];
}

/** The dataset's narrowed cube for a range, rolled up from its column's range cube: the rows a scan gives. */
export function factsFromRangeCubeSql(
  datasetId: number,
  range: RangeFilter,
  tables: RangeCubeTables,
): string {
  return `INSERT INTO ${facts} SELECT ${integer(narrowedId(datasetId))}, source_id, restaurant, dish, customer,
      visits, revenue, missing_costs, unusable_costs
    FROM (SELECT g, sum(visits) AS visits, sum(revenue) AS revenue, sum(missing_costs) AS missing_costs,
        sum(unusable_costs) AS unusable_costs
      FROM ${ident(tables.facts)} WHERE ${rangeBetweenSql(range, 'key')} GROUP BY g)
    JOIN ${ident(tables.groups)} USING (g)`;
}

/** The narrowed daily summary for a number range, from that column's range cube's daily summary. */
export function dailyFromRangeCubeSql(
  datasetId: number,
  range: RangeFilter,
  tables: RangeCubeTables,
): string | null {
  if (tables.daily === null) return null;
  return `INSERT INTO ${daily} SELECT ${integer(narrowedId(datasetId))}, source_id, restaurant, dish, day,
      sum(visits), sum(revenue)
    FROM ${ident(tables.daily)} WHERE ${rangeBetweenSql(range, 'key')} GROUP BY ALL`;
}

/** The narrowed daily summary for one customer, from the date's range cube (its key is the day). */
export function customerDailyFromDateCubeSql(
  datasetId: number,
  customer: string,
  tables: RangeCubeTables,
): string {
  return `INSERT INTO ${daily} SELECT ${integer(narrowedId(datasetId))}, source_id, restaurant, dish,
      key AS day, sum(visits), sum(revenue)
    FROM ${ident(tables.facts)} JOIN (SELECT * FROM ${ident(tables.groups)}
      WHERE customer = ${literal(customer)}) USING (g)
    GROUP BY ALL`;
}

export function dropRangeCubeSql(tables: RangeCubeTables): string[] {
  return [tables.facts, tables.groups, `${tables.facts}_all`, tables.daily]
    .filter((t): t is string => t !== null)
    .map((t) => `DROP TABLE IF EXISTS ${ident(t)}`);
}

/** What tells whether a range cube still matches its dataset: the roles' version and the files in it. */
export function rangeCubeStateSql(datasetId: number): string {
  return `SELECT d.*,
      (SELECT string_agg(source_id::VARCHAR, ',' ORDER BY source_id) FROM ${MODELS.sources}
        WHERE dataset_id = d.dataset_id) AS sources,
      (SELECT coalesce(sum(rows), 0) FROM ${MODELS.sources} WHERE dataset_id = d.dataset_id) AS rows
    FROM ${MODELS.datasets} d WHERE d.dataset_id = ${integer(datasetId)}`;
}

/** The dataset's cube rows and the days of its daily summary: a bound on a range cube's size. */
export function rangeCubeBoundSql(datasetId: number): string {
  const id = integer(datasetId);
  return `SELECT (SELECT count(*) FROM ${facts} WHERE dataset_id = ${id}) AS cube_rows,
      (SELECT count(DISTINCT day) FROM ${daily} WHERE dataset_id = ${id}) AS days`;
}
