import { columnsSql, datasetsSql } from '$lib/models/dataset/build-dataset-sql';
import { toDatasets, type DatasetInfo } from '$lib/models/dataset/dataset-rows';
import {
  answersSql,
  dishMatrixSql,
  mostRestaurantsSql,
  overviewSql,
  restaurantTotalsSql,
  sourcesSql,
  timelineSql,
  topCustomersSql,
  topDishesPerRestaurantSql,
  topDishesSql,
  undatedSql,
  type Scope,
  type Selection,
} from '$lib/models/restaurant/build-dashboard-sql';
import {
  toAnswer,
  toCustomerRank,
  toDishCell,
  toDishRank,
  toMostRestaurants,
  toOverview,
  toRestaurantDishRank,
  toRestaurantTotals,
  toSource,
  toTimeline,
  type CustomerRank,
  type DishCell,
  type DishRank,
  type MostRestaurants,
  type Overview,
  type RestaurantAnswer,
  type RestaurantDishRank,
  type RestaurantTotals,
  type SourceRow,
  type Timeline,
} from '$lib/models/restaurant/dashboard-rows';
import type { RangePanel } from '$lib/models/restaurant/range-panels';
import { query, rangePanels } from './engine';

/** Everything that does not depend on the selected restaurant; `sources` lists the dataset's files. */
export interface DatasetView {
  selection: Selection;
  totals: Overview;
  restaurants: RestaurantAnswer[];
  mostRestaurants: MostRestaurants;
  matrix: DishCell[];
  topDishes: RestaurantDishRank[];
  sources: SourceRow[];
  /** Every loaded file of every dataset, for the ingestion history. */
  allSources: SourceRow[];
}

/** What the selected restaurant (or all of them) narrows. */
export interface ScopeView {
  scope: Scope;
  overview: Overview;
  /** Per restaurant, narrowed to the selected item when there is one. */
  totals: RestaurantTotals[];
  dishes: DishRank[];
  customers: CustomerRank[];
  /** Null without a date role. */
  timeline: Timeline | null;
}

export async function loadDatasets(): Promise<DatasetInfo[]> {
  const [datasets, columns] = await Promise.all([query(datasetsSql()), query(columnsSql())]);
  return toDatasets(datasets, columns).filter((d) => d.files > 0);
}

/**
 * The five answers and the totals are always those of the selected files; the store × item panels are
 * narrowed by a customer or a range too (an item is chosen on them, so they show every item).
 */
export async function loadDatasetView(selection: Selection): Promise<DatasetView> {
  const files: Selection = { dataset: selection.dataset, sources: selection.sources };
  const [totals, restaurants, most, sources, narrowed] = await Promise.all([
    query(overviewSql({ ...files, restaurant: null })),
    query(answersSql(files)),
    query(mostRestaurantsSql(files)),
    query(sourcesSql()),
    loadNarrowedPanels(selection),
  ]);
  const allSources = sources.map(toSource);
  return {
    selection,
    totals: toOverview(totals[0]),
    restaurants: restaurants.map(toAnswer),
    mostRestaurants: toMostRestaurants(most[0]),
    ...narrowed,
    sources: allSources.filter((s) => s.datasetId === selection.dataset),
    allSources,
  };
}

/**
 * The dataset view under another customer or range of the same files: only its store × item panels
 * change, so only they are read again.
 */
export async function renarrowDatasetView(view: DatasetView, selection: Selection): Promise<DatasetView> {
  const sameFiles =
    view.selection.dataset === selection.dataset &&
    JSON.stringify(view.selection.sources) === JSON.stringify(selection.sources);
  if (!sameFiles) return loadDatasetView(selection);
  return { ...view, selection, ...(await loadNarrowedPanels(selection)) };
}

/**
 * A range read from its range cube, with no item or customer clicked: the engine answers its panels in
 * one call (from the cube's rows in memory), not a query each.
 */
const wholeRange = (s: Selection) =>
  s.range != null && s.rangeCube != null && s.item == null && s.customer == null;

async function loadNarrowedPanels(selection: Selection): Promise<Pick<DatasetView, 'matrix' | 'topDishes'>> {
  const { dataset, sources, customer, range, rangeCube } = selection;
  const narrowed: Selection = { dataset, sources, customer, range, rangeCube };
  if (wholeRange(narrowed)) {
    const rows = await rangePanels({ ...narrowed, restaurant: null }, ['matrix', 'topDishes']);
    return {
      matrix: (rows.matrix ?? []).map(toDishCell),
      topDishes: (rows.topDishes ?? []).map(toRestaurantDishRank),
    };
  }
  const [matrix, topDishes] = await Promise.all([
    query(dishMatrixSql(narrowed)),
    query(topDishesPerRestaurantSql(narrowed)),
  ]);
  return { matrix: matrix.map(toDishCell), topDishes: topDishes.map(toRestaurantDishRank) };
}

// A panel that chooses a filter shows every choice, the chosen one marked: it is not narrowed by it (the
// over-time chart shows every date whatever the date range: see the daily summary's rows in the SQL).
const everyCustomer = (scope: Scope): Scope => ({ ...scope, customer: null });

/**
 * `previous`: the view shown now. Its per-restaurant totals do not depend on the chosen restaurant, so a
 * change of restaurant alone keeps them instead of reading them again. `background`: read ahead.
 */
export async function loadScopeView(
  scope: Scope,
  dated: boolean,
  previous: ScopeView | null = null,
  { background = false } = {},
): Promise<ScopeView> {
  const anyRestaurant = (s: Scope) => JSON.stringify({ ...s, restaurant: null });
  const kept = previous && anyRestaurant(previous.scope) === anyRestaurant(scope) ? previous.totals : null;
  const read = (sql: string) => query(sql, { background });
  if (wholeRange(scope)) {
    const panels: RangePanel[] = ['overview', 'dishes', 'customers', ...(kept ? [] : ['totals' as const])];
    const [rows, timeline, undated] = await Promise.all([
      rangePanels(scope, panels, { background }),
      dated ? read(timelineSql(scope)) : Promise.resolve(null),
      dated ? read(undatedSql(scope)) : Promise.resolve(null),
    ]);
    return {
      scope,
      overview: toOverview(rows.overview),
      totals: kept ?? (rows.totals ?? []).map(toRestaurantTotals),
      dishes: (rows.dishes ?? []).map(toDishRank),
      customers: (rows.customers ?? []).map(toCustomerRank),
      timeline: timeline ? toTimeline(timeline, undated?.[0]) : null,
    };
  }
  const [overview, totals, dishes, customers, timeline, undated] = await Promise.all([
    read(overviewSql(scope)),
    kept ? Promise.resolve(null) : read(restaurantTotalsSql(scope)),
    read(topDishesSql(scope)),
    read(topCustomersSql(everyCustomer(scope))),
    dated ? read(timelineSql(scope)) : Promise.resolve(null),
    dated ? read(undatedSql(scope)) : Promise.resolve(null),
  ]);
  return {
    scope,
    overview: toOverview(overview[0]),
    totals: kept ?? (totals ?? []).map(toRestaurantTotals),
    dishes: dishes.map(toDishRank),
    customers: customers.map(toCustomerRank),
    timeline: timeline ? toTimeline(timeline, undated?.[0]) : null,
  };
}
