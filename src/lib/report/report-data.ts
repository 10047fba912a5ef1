import type {
  DishCell,
  MostRestaurants,
  Overview,
  RestaurantAnswer,
  RestaurantDishRank,
} from '$lib/models/restaurant/dashboard-rows';

/** What the report's panels read besides the selected scope: a DatasetView, or a snapshot's data. */
export interface ReportData {
  totals: Overview;
  restaurants: RestaurantAnswer[];
  mostRestaurants: MostRestaurants;
  matrix: DishCell[];
  topDishes: RestaurantDishRank[];
}
