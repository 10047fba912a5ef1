import {
  answersSql,
  dishMatrixSql,
  mostRestaurantsSql,
  overviewSql,
  sourcesSql,
  topCustomersSql,
  topDishesPerRestaurantSql,
  topDishesSql,
  type Scope,
  type SourceFilter,
} from '$lib/models/restaurant/build-dashboard-sql';
import {
  toAnswer,
  toCustomerRank,
  toDishCell,
  toDishRank,
  toMostRestaurants,
  toOverview,
  toRestaurantDishRank,
  toSource,
  type CustomerRank,
  type DishCell,
  type DishRank,
  type MostRestaurants,
  type Overview,
  type RestaurantAnswer,
  type RestaurantDishRank,
  type SourceRow,
} from '$lib/models/restaurant/dashboard-rows';
import { query } from './engine';

/** Everything that does not depend on the selected restaurant; `sources` lists every loaded file. */
export interface DatasetView {
  files: SourceFilter;
  totals: Overview;
  restaurants: RestaurantAnswer[];
  mostRestaurants: MostRestaurants;
  matrix: DishCell[];
  topDishes: RestaurantDishRank[];
  sources: SourceRow[];
}

/** What the selected restaurant (or all of them) narrows. */
export interface ScopeView {
  scope: Scope;
  overview: Overview;
  dishes: DishRank[];
  customers: CustomerRank[];
}

export async function loadDatasetView(files: SourceFilter): Promise<DatasetView> {
  const [totals, restaurants, most, matrix, topDishes, sources] = await Promise.all([
    query(overviewSql({ restaurant: null, sources: files })),
    query(answersSql(files)),
    query(mostRestaurantsSql(files)),
    query(dishMatrixSql(files)),
    query(topDishesPerRestaurantSql(files)),
    query(sourcesSql()),
  ]);
  return {
    files,
    totals: toOverview(totals[0]),
    restaurants: restaurants.map(toAnswer),
    mostRestaurants: toMostRestaurants(most[0]),
    matrix: matrix.map(toDishCell),
    topDishes: topDishes.map(toRestaurantDishRank),
    sources: sources.map(toSource),
  };
}

export async function loadScopeView(scope: Scope): Promise<ScopeView> {
  const [overview, dishes, customers] = await Promise.all([
    query(overviewSql(scope)),
    query(topDishesSql(scope)),
    query(topCustomersSql(scope)),
  ]);
  return {
    scope,
    overview: toOverview(overview[0]),
    dishes: dishes.map(toDishRank),
    customers: customers.map(toCustomerRank),
  };
}
