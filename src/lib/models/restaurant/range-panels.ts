import type { Row } from '$lib/engine/sql-runner';
import type { RangeFilter } from '../dataset/range';
import { compareText } from '../text-order';
import { PANEL_LIMITS } from './build-dashboard-sql';
import {
  byRevenueThenName,
  byVisitsThenName,
  groupBy,
  inRange,
  money,
  ranks,
  type CoarseRows,
  type Group,
  type RangeCubeRows,
} from './coarse-rows';

/** What a range's panels are read for: the range, the files (null: all), the place (null: all). */
export interface RangePanelScope {
  range: RangeFilter;
  sources: readonly number[] | null;
  restaurant: string | null;
}

export type RangePanel = 'overview' | 'totals' | 'dishes' | 'customers' | 'matrix' | 'topDishes';

/** The panels' rows, shaped as the SQL builders' results (`build-dashboard-sql.ts`) are. */
export interface RangePanelRows {
  overview?: Row;
  totals?: Row[];
  dishes?: Row[];
  customers?: Row[];
  matrix?: Row[];
  topDishes?: Row[];
}

function overview(rows: CoarseRows, picked: number[]): Row {
  let visits = 0, revenue = 0, missing = 0, unusable = 0, withoutPlace = 0; // prettier-ignore
  const customers = new Set<string>();
  const sources = new Set<number>();
  for (const i of picked) {
    visits += rows.visits[i] ?? 0;
    revenue += rows.revenue[i] ?? 0;
    missing += rows.missing[i] ?? 0;
    unusable += rows.unusable[i] ?? 0;
    if (rows.restaurant[i] === null) withoutPlace += rows.visits[i] ?? 0;
    const customer = rows.member[i];
    if (customer != null) customers.add(customer);
    sources.add(rows.source[i] ?? 0);
  }
  return {
    visits,
    unique_customers: customers.size,
    revenue: money(revenue),
    missing_costs: missing,
    unusable_costs: unusable,
    visits_without_restaurant: withoutPlace,
    source_count: sources.size,
  };
}

/** Ranked dishes (by orders, by revenue; the name breaks ties) within the first `limit` of either. */
function rankedDishes(groups: Group[], limit: number): Row[] {
  const byOrders = ranks(groups, byVisitsThenName);
  const byRevenue = ranks(groups, byRevenueThenName);
  return groups
    .map((g) => ({
      dish: g.name,
      orders: g.visits,
      revenue: money(g.revenue),
      orders_rank: byOrders.get(g.name) ?? 0,
      revenue_rank: byRevenue.get(g.name) ?? 0,
    }))
    .filter((d) => d.orders_rank <= limit || d.revenue_rank <= limit)
    .sort((a, b) => a.orders_rank - b.orders_rank);
}

function topCustomers(rows: CoarseRows, picked: number[], restaurant: string | null, limit: number): Row[] {
  const scoped = restaurant === null ? picked : picked.filter((i) => rows.restaurant[i] === restaurant);
  const people = [...groupBy(rows, scoped, (i) => rows.member[i] ?? null).values()];
  if (people.length === 0) return [];
  // Not Math.max(...): a held cube can have hundreds of thousands of customers, past the argument limit.
  const top = people.reduce((most, p) => Math.max(most, p.visits), -Infinity);
  const tied = people.filter((p) => p.visits === top).length;
  const shown = people.sort(byVisitsThenName).slice(0, limit);
  // Reach counts every place in the range, whichever place the scope shows.
  const names = new Set(shown.map((p) => p.name));
  const places = new Map<string, Set<string>>();
  for (const i of picked) {
    const [customer, place] = [rows.member[i], rows.restaurant[i]];
    if (customer == null || place == null || !names.has(customer)) continue;
    let set = places.get(customer);
    if (!set) places.set(customer, (set = new Set()));
    set.add(place);
  }
  return shown.map((p) => ({
    customer: p.name,
    visits: p.visits,
    restaurants: places.get(p.name)?.size ?? 0,
    tied_at_top: tied,
  }));
}

interface Cell {
  restaurant: string | null;
  dish: string;
  orders: number;
  revenue: number;
}

/** Orders and revenue per place and named dish, as `dishesSql` rolls them up. */
function cells(rows: CoarseRows, picked: number[]): Cell[] {
  const byPlace = new Map<string | null, Map<string, Cell>>();
  for (const i of picked) {
    const [restaurant, dish] = [rows.restaurant[i] ?? null, rows.member[i]];
    if (dish == null) continue;
    let dishes = byPlace.get(restaurant);
    if (!dishes) byPlace.set(restaurant, (dishes = new Map()));
    let cell = dishes.get(dish);
    if (!cell) dishes.set(dish, (cell = { restaurant, dish, orders: 0, revenue: 0 }));
    cell.orders += rows.visits[i] ?? 0;
    cell.revenue += rows.revenue[i] ?? 0;
  }
  return [...byPlace.values()].flatMap((dishes) => [...dishes.values()]);
}

const asGroup = (c: Cell): Group => ({
  name: c.dish,
  visits: c.orders,
  revenue: c.revenue,
  members: null,
});

/** The places with the most visits (every dish row counts), the name breaking ties. */
function busiestPlaces(rows: CoarseRows, picked: number[], limit: number): string[] {
  return [...groupBy(rows, picked, (i) => rows.restaurant[i] ?? null).values()]
    .sort(byVisitsThenName)
    .slice(0, limit)
    .map((g) => g.name);
}

function matrix(rows: CoarseRows, picked: number[], maxPlaces: number, maxDishes: number): Row[] {
  const named = cells(rows, picked).filter((c) => c.restaurant !== null);
  const dishTotals = new Map<string, Group>();
  for (const c of named) {
    const total = dishTotals.get(c.dish) ?? { name: c.dish, visits: 0, revenue: 0, members: null };
    total.visits += c.orders;
    dishTotals.set(c.dish, total);
  }
  const top = [...dishTotals.values()].sort(byVisitsThenName).slice(0, maxDishes);
  const dishes = new Set(top.map((g) => g.name));
  const places = new Set(busiestPlaces(rows, picked, maxPlaces));
  return named
    .filter((c) => places.has(c.restaurant ?? '') && dishes.has(c.dish))
    .sort((a, b) => compareText(a.restaurant ?? '', b.restaurant ?? '') || compareText(a.dish, b.dish))
    .map((c) => ({ ...c, revenue: money(c.revenue) }));
}

function topDishesPerPlace(rows: CoarseRows, picked: number[], limit: number, maxPlaces: number): Row[] {
  const places = busiestPlaces(rows, picked, maxPlaces).sort(compareText);
  const perPlace = new Map<string, Group[]>(places.map((p) => [p, []]));
  for (const c of cells(rows, picked))
    if (c.restaurant !== null) perPlace.get(c.restaurant)?.push(asGroup(c));
  return places.flatMap((restaurant) =>
    rankedDishes(perPlace.get(restaurant) ?? [], limit).map((d) => ({ restaurant, ...d })),
  );
}

/**
 * The panels a range narrows, from a range cube's coarse rows in memory: the same rows as
 * `overviewSql`, `restaurantTotalsSql`, `topDishesSql`, `topCustomersSql`, `dishMatrixSql` and
 * `topDishesPerRestaurantSql` read from those tables (checked against them in `range-panels.test.ts`),
 * without a query each. Only what `panels` names is computed.
 */
export function rangePanelRows(
  cube: RangeCubeRows,
  scope: RangePanelScope,
  panels: readonly RangePanel[],
): RangePanelRows {
  const want = new Set(panels);
  const out: RangePanelRows = {};
  const { restaurant } = scope;
  const ofPlace = (rows: CoarseRows, picked: number[]) =>
    restaurant === null ? picked : picked.filter((i) => rows.restaurant[i] === restaurant);
  const customers = cube.customers;
  const people =
    want.has('overview') || want.has('totals') || want.has('customers') ? inRange(customers, scope) : [];
  const dishRows = cube.dishes;
  const dishes =
    want.has('dishes') || want.has('matrix') || want.has('topDishes') ? inRange(dishRows, scope) : [];
  if (want.has('overview')) out.overview = overview(customers, ofPlace(customers, people));
  if (want.has('totals'))
    out.totals = [
      ...groupBy(customers, people, (i) => customers.restaurant[i] ?? null, {
        distinctMembers: true,
      }).values(),
    ]
      .sort((a, b) => compareText(a.name, b.name))
      .map((g) => ({
        name: g.name,
        visits: g.visits,
        unique_customers: g.members?.size ?? 0,
        revenue: money(g.revenue),
      }));
  const limits = PANEL_LIMITS;
  if (want.has('dishes')) {
    const named = ofPlace(dishRows, dishes).filter((i) => dishRows.member[i] != null);
    const byDish = groupBy(dishRows, named, (i) => dishRows.member[i] ?? null);
    out.dishes = rankedDishes([...byDish.values()], limits.topDishes);
  }
  if (want.has('customers')) out.customers = topCustomers(customers, people, restaurant, limits.topCustomers);
  if (want.has('matrix')) out.matrix = matrix(dishRows, dishes, limits.heatPlaces, limits.heatDishes);
  if (want.has('topDishes'))
    out.topDishes = topDishesPerPlace(dishRows, dishes, limits.menuDishes, limits.menuPlaces);
  return out;
}
