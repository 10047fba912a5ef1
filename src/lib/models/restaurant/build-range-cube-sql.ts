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
 * as numbers, named in `groups`); the same without customers (`dishes`) and without items (`customers`),
 * which most panels read, a few rows per key; and (for a number key) its daily summary.
 */
export interface RangeCubeTables {
  facts: string;
  groups: string;
  dishes: string;
  customers: string;
  daily: string | null;
}

export interface RangeCubeSource {
  datasetId: number;
  table: string;
  roles: RoleMapping;
}

/** Range cubes live in an in-memory catalog of their own: every connection reads them, none keeps them. */
export const RANGE_CATALOG = 'dd_ranges';

export const attachRangeCatalogSql = () => `ATTACH IF NOT EXISTS ':memory:' AS ${ident(RANGE_CATALOG)}`;

/** A range cube's table, by its full name (the catalog is not the one queries run in). */
export const rangeTable = (name: string) => `${ident(RANGE_CATALOG)}.main.${ident(name)}`;

/** A range cube's tables, named by dataset and a slot that is never reused, so a rebuild is a new name. */
export function rangeCubeTables(
  datasetId: number,
  slot: number,
  key: RangeKey,
  roles: RoleMapping,
): RangeCubeTables {
  const name = `dd_range_${integer(datasetId)}_${integer(slot)}`;
  const daily = key.kind === 'number' && roles.date !== null ? `${name}_daily` : null;
  return {
    facts: name,
    groups: `${name}_groups`,
    dishes: `${name}_dishes`,
    customers: `${name}_customers`,
    daily,
  };
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
  // Scratch: temporary, of the building connection only.
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
  const coarse = (kept: 'dish' | 'customer') =>
    `SELECT source_id, restaurant, ${kept}, key, sum(visits) AS visits, sum(revenue) AS revenue,
        sum(missing_costs) AS missing_costs, sum(unusable_costs) AS unusable_costs
      FROM ${all} GROUP BY ALL ORDER BY key`;
  const coded = [
    `CREATE OR REPLACE TABLE ${rangeTable(tables.groups)} AS
      SELECT DISTINCT g, source_id, restaurant, dish, customer FROM ${all}`,
    `CREATE OR REPLACE TABLE ${rangeTable(tables.facts)} AS
      SELECT g, key, visits, revenue, missing_costs, unusable_costs FROM ${all} ORDER BY key`,
    `CREATE OR REPLACE TABLE ${rangeTable(tables.dishes)} AS ${coarse('dish')}`,
    `CREATE OR REPLACE TABLE ${rangeTable(tables.customers)} AS ${coarse('customer')}`,
    `DROP TABLE ${all}`,
  ];
  if (tables.daily === null || roles.date === null) return [cube, ...coded];
  const dailyCube = `CREATE OR REPLACE TABLE ${rangeTable(tables.daily)} AS
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

/**
 * What a panel reads of a range cube: `dishes` and `customers` need no roll-up of many groups (a
 * few rows per key, the other column NULL); `all` rolls the full grain up, for a panel that narrows
 * by an item and counts customers, or the reverse.
 */
export type RangeGrain = 'dishes' | 'customers' | 'all';

const MEASURES = 'visits, revenue, missing_costs, unusable_costs';

/** The cube's rows in the range, with the fact cube's columns (no dataset id): what a panel reads. */
export function rangeRowsSql(tables: RangeCubeTables, range: RangeFilter, grain: RangeGrain): string {
  const inRange = rangeBetweenSql(range, 'key');
  if (grain === 'dishes')
    return `SELECT source_id, restaurant, dish, NULL::VARCHAR AS customer, ${MEASURES}
      FROM ${rangeTable(tables.dishes)} WHERE ${inRange}`;
  if (grain === 'customers')
    return `SELECT source_id, restaurant, NULL::VARCHAR AS dish, customer, ${MEASURES}
      FROM ${rangeTable(tables.customers)} WHERE ${inRange}`;
  return `SELECT source_id, restaurant, dish, customer, ${MEASURES}
    FROM (SELECT g, sum(visits) AS visits, sum(revenue) AS revenue, sum(missing_costs) AS missing_costs,
        sum(unusable_costs) AS unusable_costs
      FROM ${rangeTable(tables.facts)} WHERE ${inRange} GROUP BY g)
    JOIN ${rangeTable(tables.groups)} USING (g)`;
}

/**
 * A coarse table's rows as the in-memory panels read them (`range-panels.ts`), in the table's own order:
 * the other column as `member`, a day key as days since 1970-01-01, revenue in millionths (the cube's
 * DECIMAL(38, 6) as a whole number, so sums stay exact).
 */
export function coarseRowsSql(
  tables: RangeCubeTables,
  grain: 'dishes' | 'customers',
  kind: RangeKey['kind'],
): string {
  const member = grain === 'dishes' ? 'dish' : 'customer';
  const key = kind === 'date' ? `(key - DATE '1970-01-01')::DOUBLE` : 'key::DOUBLE';
  return `SELECT source_id::INTEGER AS source_id, restaurant, ${member} AS member, ${key} AS key,
      visits::DOUBLE AS visits, (revenue * 1000000)::DOUBLE AS revenue, missing_costs::DOUBLE AS missing_costs,
      unusable_costs::DOUBLE AS unusable_costs
    FROM ${rangeTable(tables[grain])}`;
}

/** How many rows a range cube's two coarse tables hold together (`rows`). */
export const coarseRowCountSql = ({ dishes, customers }: RangeCubeTables) =>
  `SELECT (SELECT count(*) FROM ${rangeTable(dishes)}) + (SELECT count(*) FROM ${rangeTable(customers)}) AS rows`;

/** A number range's daily summary rows (the daily summary's columns, no dataset id); null without one. */
export function rangeDailyRowsSql(tables: RangeCubeTables, range: RangeFilter): string | null {
  if (tables.daily === null) return null;
  return `SELECT source_id, restaurant, dish, day, visits, revenue
    FROM ${rangeTable(tables.daily)} WHERE ${rangeBetweenSql(range, 'key')}`;
}

/** The narrowed daily summary for one customer, from the date's range cube (its key is the day). */
export function customerDailyFromDateCubeSql(
  datasetId: number,
  customer: string,
  tables: RangeCubeTables,
): string {
  return `INSERT INTO ${daily} SELECT ${integer(narrowedId(datasetId))}, source_id, restaurant, dish,
      key AS day, sum(visits), sum(revenue)
    FROM ${rangeTable(tables.facts)} JOIN (SELECT * FROM ${rangeTable(tables.groups)}
      WHERE customer = ${literal(customer)}) USING (g)
    GROUP BY ALL`;
}

export function dropRangeCubeSql(tables: RangeCubeTables): string[] {
  const { facts, groups, dishes, customers, daily } = tables;
  return [
    `DROP TABLE IF EXISTS ${ident(`${facts}_all`)}`,
    ...[facts, groups, dishes, customers, daily]
      .filter((t): t is string => t !== null)
      .map((t) => `DROP TABLE IF EXISTS ${rangeTable(t)}`),
  ];
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
