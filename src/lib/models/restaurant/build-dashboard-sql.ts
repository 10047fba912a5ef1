import { integer, literal } from '../sql';
import {
  cubeRowsSql,
  customersSql,
  dailyRowsSql,
  dishesSql,
  restaurantsSql,
  restaurantVisitsSql,
  type Scope,
  type Selection,
} from './build-cube-rows-sql';
import { MODELS } from './schema';

export type { Scope, Selection, SourceFilter } from './build-cube-rows-sql';

const { sources, rejects, facts } = MODELS;

/** How many of each ranking the panels show (the in-memory range panels show as many). */
export const PANEL_LIMITS = {
  topDishes: 5,
  topCustomers: 10,
  menuDishes: 5,
  menuPlaces: 12,
  heatPlaces: 20,
  heatDishes: 40,
} as const;

const inRestaurant = (scope: Scope) =>
  scope.restaurant === null ? 'TRUE' : `restaurant = ${literal(scope.restaurant)}`;

const money = (expression: string) => `round(${expression}, 2)::DOUBLE`;

/** Headline figures for the scope. "All restaurants" counts every row, named restaurant or not. */
export function overviewSql(scope: Scope): string {
  return `SELECT
      coalesce(sum(visits), 0)::BIGINT AS visits,
      count(DISTINCT customer)::BIGINT AS unique_customers,
      ${money('coalesce(sum(revenue), 0)')} AS revenue,
      coalesce(sum(missing_costs), 0)::BIGINT AS missing_costs,
      coalesce(sum(unusable_costs), 0)::BIGINT AS unusable_costs,
      coalesce(sum(visits) FILTER (restaurant IS NULL), 0)::BIGINT AS visits_without_restaurant,
      count(DISTINCT source_id)::BIGINT AS source_count
    FROM ${cubeRowsSql(scope, 'customers')} WHERE ${inRestaurant(scope)}`;
}

/**
 * The assignment's answers, one row per restaurant, sorted by name. Every "most" keeps all tied winners,
 * sorted by name; a dish or customer that is empty is not a candidate.
 */
export function answersSql(files: Selection): string {
  return `WITH
    popular AS (
      SELECT restaurant, max(orders) AS orders, list(dish ORDER BY dish) AS dishes FROM (
        SELECT *, max(orders) OVER (PARTITION BY restaurant) AS top FROM ${dishesSql(files)}
      ) WHERE orders = top GROUP BY restaurant),
    profitable AS (
      SELECT restaurant, max(revenue) AS revenue, list(dish ORDER BY dish) AS dishes FROM (
        SELECT *, max(revenue) OVER (PARTITION BY restaurant) AS top FROM ${dishesSql(files)}
      ) WHERE revenue = top GROUP BY restaurant),
    visitors AS (
      SELECT restaurant, max(visits) AS visits, list(customer ORDER BY customer) AS customers FROM (
        SELECT *, max(visits) OVER (PARTITION BY restaurant) AS top FROM ${customersSql(files)}
      ) WHERE visits = top GROUP BY restaurant)
    SELECT r.restaurant AS name, r.visits::BIGINT AS visits, r.unique_customers::BIGINT AS unique_customers,
      ${money('r.revenue')} AS revenue,
      coalesce(p.orders, 0)::BIGINT AS popular_orders, coalesce(p.dishes, []) AS popular_dishes,
      ${money('coalesce(f.revenue, 0)')} AS profitable_revenue, coalesce(f.dishes, []) AS profitable_dishes,
      coalesce(v.visits, 0)::BIGINT AS top_visits, coalesce(v.customers, []) AS top_customers
    FROM ${restaurantsSql(files)} r
    LEFT JOIN popular p USING (restaurant)
    LEFT JOIN profitable f USING (restaurant)
    LEFT JOIN visitors v USING (restaurant)
    ORDER BY r.restaurant`;
}

/** Who visited the most distinct restaurants: the count, every customer who reached it, and how many. */
export function mostRestaurantsSql(files: Selection): string {
  return `WITH reach AS (
      SELECT customer, count(DISTINCT restaurant) AS restaurants FROM ${customersSql(files)}
      WHERE restaurant IS NOT NULL GROUP BY customer)
    SELECT coalesce(max(restaurants), 0)::BIGINT AS restaurants,
      coalesce(list(customer ORDER BY customer) FILTER (restaurants = (SELECT max(restaurants) FROM reach)), [])
        AS customers
    FROM reach`;
}

/** The top dishes of the scope, ranked by orders and by revenue (name breaks ties, for a stable chart). */
export function topDishesSql(scope: Scope, limit: number = PANEL_LIMITS.topDishes): string {
  return `SELECT dish, orders::BIGINT AS orders, ${money('revenue')} AS revenue, orders_rank, revenue_rank FROM (
      SELECT dish, sum(visits) AS orders, sum(revenue) AS revenue,
        row_number() OVER (ORDER BY sum(visits) DESC, dish) AS orders_rank,
        row_number() OVER (ORDER BY sum(revenue) DESC, dish) AS revenue_rank
      FROM ${cubeRowsSql({ ...scope, item: null }, 'dishes')} WHERE ${inRestaurant(scope)} AND dish IS NOT NULL
      GROUP BY dish)
    WHERE orders_rank <= ${integer(limit)} OR revenue_rank <= ${integer(limit)}
    ORDER BY orders_rank`;
}

/** Visits, customers and revenue per restaurant for the selection (narrowed to an item when one is set). */
export function restaurantTotalsSql(selection: Selection): string {
  return `SELECT restaurant AS name, visits::BIGINT AS visits, unique_customers::BIGINT AS unique_customers,
      ${money('revenue')} AS revenue
    FROM ${restaurantsSql(selection)} ORDER BY restaurant`;
}

/**
 * The most frequent customers of the scope, how many restaurants each visited in all, and the tie count.
 * Their reach is counted for the shown customers only: it does not depend on the scope's restaurant.
 */
export function topCustomersSql(scope: Scope, limit: number = PANEL_LIMITS.topCustomers): string {
  return `WITH per_customer AS (
      SELECT customer, sum(visits) AS visits
      FROM ${cubeRowsSql(scope, 'customers')} WHERE ${inRestaurant(scope)} AND customer IS NOT NULL
      GROUP BY customer),
    shown AS (SELECT customer, visits FROM per_customer ORDER BY visits DESC, customer LIMIT ${integer(limit)}),
    reach AS (
      SELECT customer, count(DISTINCT restaurant) AS restaurants
      FROM ${cubeRowsSql(scope, 'customers')} WHERE customer IN (SELECT customer FROM shown)
      GROUP BY customer)
    SELECT customer, visits::BIGINT AS visits, coalesce(restaurants, 0)::BIGINT AS restaurants,
      (SELECT count(*) FROM per_customer WHERE visits = (SELECT max(visits) FROM per_customer))::BIGINT
        AS tied_at_top
    FROM shown LEFT JOIN reach USING (customer)
    ORDER BY visits DESC, customer`;
}

/** Each restaurant's top dishes by orders and by revenue, ranked (name breaks ties), for a side-by-side table. */
export function topDishesPerRestaurantSql(
  files: Selection,
  limit: number = PANEL_LIMITS.menuDishes,
  maxRestaurants: number = PANEL_LIMITS.menuPlaces,
): string {
  return `WITH
    shown AS (SELECT restaurant FROM ${restaurantVisitsSql(files)}
      ORDER BY visits DESC, restaurant LIMIT ${integer(maxRestaurants)}),
    ranked AS (
      SELECT restaurant, dish, orders, revenue,
        row_number() OVER (PARTITION BY restaurant ORDER BY orders DESC, dish) AS orders_rank,
        row_number() OVER (PARTITION BY restaurant ORDER BY revenue DESC, dish) AS revenue_rank
      FROM ${dishesSql(files)} JOIN shown USING (restaurant))
    SELECT restaurant, dish, orders::BIGINT AS orders, ${money('revenue')} AS revenue, orders_rank, revenue_rank
    FROM ranked WHERE orders_rank <= ${integer(limit)} OR revenue_rank <= ${integer(limit)}
    ORDER BY restaurant, orders_rank`;
}

/** Restaurant × dish cells for the heat map, limited to the busiest rows and columns so it stays legible. */
export function dishMatrixSql(
  files: Selection,
  maxRestaurants: number = PANEL_LIMITS.heatPlaces,
  maxDishes: number = PANEL_LIMITS.heatDishes,
): string {
  return `WITH
    cells AS (SELECT * FROM ${dishesSql(files)} WHERE restaurant IS NOT NULL),
    top_restaurants AS (SELECT restaurant FROM ${restaurantVisitsSql(files)}
      ORDER BY visits DESC, restaurant LIMIT ${integer(maxRestaurants)}),
    top_dishes AS (SELECT dish FROM cells GROUP BY dish ORDER BY sum(orders) DESC, dish LIMIT ${integer(maxDishes)})
    SELECT restaurant, dish, orders::BIGINT AS orders, ${money('revenue')} AS revenue
    FROM cells JOIN top_restaurants USING (restaurant) JOIN top_dishes USING (dish)
    ORDER BY restaurant, dish`;
}

/** The files of one dataset, or of every dataset. */
export function sourcesSql(dataset: number | null = null): string {
  const only = dataset === null ? '' : `WHERE s.dataset_id = ${integer(dataset)}`;
  return `SELECT s.source_id, s.dataset_id, s.name, s.bytes, s.rows, s.rejected, s.delimiter, s.encoding, s.content_hash,
      strftime(s.loaded_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS loaded_at,
      coalesce(f.unusable_costs, 0)::BIGINT AS unusable_costs, coalesce(f.missing_costs, 0)::BIGINT AS missing_costs
    FROM ${sources} s LEFT JOIN (
      SELECT source_id, sum(unusable_costs) AS unusable_costs, sum(missing_costs) AS missing_costs
      FROM ${facts} WHERE dataset_id > 0 GROUP BY source_id) f USING (source_id)
    ${only} ORDER BY s.source_id`;
}

/** The rejected records of one file, as kept at load time (the first thousand), with line numbers. */
export function rejectedRecordsSql(sourceId: number): string {
  return `SELECT line, error_type, message, csv_line AS record FROM ${rejects}
    WHERE source_id = ${integer(sourceId)} ORDER BY line`;
}

/**
 * Visits and revenue over time, for a dataset with a date role: by day, or by week or month when the
 * dates span more than a quarter or two years, so the chart stays readable. Not narrowed to a customer
 * (the daily summary has none); the panel says so.
 */
export function timelineSql(scope: Scope): string {
  return `WITH d AS (SELECT day, visits, revenue FROM ${dailyRowsSql(scope)} WHERE ${inRestaurant(scope)}),
    span AS (SELECT CASE WHEN max(day) - min(day) <= 92 THEN 'day'
      WHEN max(day) - min(day) <= 731 THEN 'week' ELSE 'month' END AS unit FROM d)
    SELECT (SELECT unit FROM span) AS unit,
      strftime(date_trunc((SELECT unit FROM span), day), '%Y-%m-%d') AS period,
      sum(visits)::BIGINT AS visits, ${money('sum(revenue)')} AS revenue
    FROM d WHERE day IS NOT NULL GROUP BY ALL ORDER BY period`;
}

/** Rows whose date did not read as a date: counted, never silently dropped. */
export function undatedSql(scope: Scope): string {
  return `SELECT coalesce(sum(visits), 0)::BIGINT AS visits FROM ${dailyRowsSql(scope)}
    WHERE ${inRestaurant(scope)} AND day IS NULL`;
}
