import { narrowedId, type RangeFilter } from '../dataset/range';
import { integer, literal } from '../sql';
import {
  rangeDailyRowsSql,
  rangeRowsSql,
  type RangeCubeTables,
  type RangeGrain,
} from './build-range-cube-sql';
import { MODELS } from './schema';

const { facts, daily } = MODELS;

/** The files the dashboard reads: their source ids, or null for every loaded file. */
export type SourceFilter = readonly number[] | null;

/**
 * One dataset, the files of it the dashboard reads, and what a click or a brush narrowed it to: an item
 * (dish), a customer, a range of a column. A range is read from `rangeCube`, the range cube the engine's
 * `narrow` named for it, or (when it named none: a column too varied for one) from the rows `narrow`
 * wrote under the dataset's narrowed id.
 */
export interface Selection {
  dataset: number;
  sources: SourceFilter;
  item?: string | null;
  customer?: string | null;
  range?: RangeFilter | null;
  rangeCube?: RangeCubeTables | null;
}

/** What the dashboard is narrowed to. `restaurant: null` means all restaurants. */
export interface Scope extends Selection {
  restaurant: string | null;
}

/** What a summary needs besides the measures: the dishes, the customers, or both. */
type Needs = 'dishes' | 'customers';

function sourceIdsSql(filter: SourceFilter): string {
  return filter === null ? 'NULL' : `[${filter.map(integer).join(', ')}]::INTEGER[]`;
}

const inFiles = (s: Selection) =>
  s.sources === null ? 'TRUE' : `list_contains(${sourceIdsSql(s.sources)}, source_id)`;
const ofItem = (s: Selection) => (s.item == null ? 'TRUE' : `dish = ${literal(s.item)}`);

/** The range cube's grain a panel can read: a coarse one unless it narrows by what that grain lacks. */
function grainFor(s: Selection, needs: Needs): RangeGrain {
  if (needs === 'dishes') return s.customer == null ? 'dishes' : 'all';
  return s.item == null ? 'customers' : 'all';
}

/**
 * The fact cube's rows a selection reads, as a subquery with its columns (no dataset id), narrowed to the
 * files, the item and the customer: the dataset's cube, a range cube's rows in the range, or the rows
 * `narrow` wrote for a range.
 */
export function cubeRowsSql(s: Selection, needs: Needs): string {
  const customer = s.customer == null ? 'TRUE' : `customer = ${literal(s.customer)}`;
  const where = `${inFiles(s)} AND ${ofItem(s)} AND ${customer}`;
  if (s.range && s.rangeCube)
    return `(SELECT * FROM (${rangeRowsSql(s.rangeCube, s.range, grainFor(s, needs))}) WHERE ${where})`;
  const id = integer(s.range ? narrowedId(s.dataset) : s.dataset);
  return `(SELECT * EXCLUDE (dataset_id) FROM ${facts} WHERE dataset_id = ${id} AND ${where})`;
}

/**
 * The daily summary's rows a selection reads (no dataset id), narrowed to the files and the item: the
 * dataset's own, a number range's from its range cube, or those `narrow` wrote for a customer (the daily
 * summary has no customer column) or a number range without a cube. Never cut to a date range: the
 * over-time chart shows every date.
 */
export function dailyRowsSql(s: Selection): string {
  const numbers = s.range?.kind === 'number' ? s.range : null;
  const fromCube =
    s.customer == null && numbers && s.rangeCube ? rangeDailyRowsSql(s.rangeCube, numbers) : null;
  const where = `${inFiles(s)} AND ${ofItem(s)}`;
  if (fromCube !== null) return `(SELECT * FROM (${fromCube}) WHERE ${where})`;
  const id = integer(s.customer != null || numbers ? narrowedId(s.dataset) : s.dataset);
  return `(SELECT * EXCLUDE (dataset_id) FROM ${daily} WHERE dataset_id = ${id} AND ${where})`;
}

/** Visits, customers and revenue per named restaurant. */
export const restaurantsSql = (s: Selection) =>
  `(SELECT restaurant, sum(visits) AS visits, count(DISTINCT customer) AS unique_customers,
      sum(revenue) AS revenue
    FROM ${cubeRowsSql(s, 'customers')} WHERE restaurant IS NOT NULL GROUP BY restaurant)`;

/** Visits per named restaurant, to rank them: read without customers (a range's smallest table). */
export const restaurantVisitsSql = (s: Selection) =>
  `(SELECT restaurant, sum(visits) AS visits
    FROM ${cubeRowsSql(s, 'dishes')} WHERE restaurant IS NOT NULL GROUP BY restaurant)`;

/** Orders and revenue per restaurant and named dish. */
export const dishesSql = (s: Selection) =>
  `(SELECT restaurant, dish, sum(visits) AS orders, sum(revenue) AS revenue
    FROM ${cubeRowsSql(s, 'dishes')} WHERE dish IS NOT NULL GROUP BY restaurant, dish)`;

/** Visits per restaurant and named customer. */
export const customersSql = (s: Selection) =>
  `(SELECT restaurant, customer, sum(visits) AS visits
    FROM ${cubeRowsSql(s, 'customers')} WHERE customer IS NOT NULL GROUP BY restaurant, customer)`;
