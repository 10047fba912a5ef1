import type { Row } from '$lib/engine/sql-runner';
import { ENCODINGS, type Encoding } from '../csv-read/encoding';
import type { SourceRecord } from './build-ingest-sql';

/** One restaurant's totals: what the per-restaurant bar charts show. */
export interface RestaurantTotals {
  name: string;
  visits: number;
  uniqueCustomers: number;
  revenue: number;
}

export interface RestaurantAnswer extends RestaurantTotals {
  mostPopular: { orders: number; dishes: string[] };
  mostProfitable: { revenue: number; dishes: string[] };
  topVisitors: { visits: number; customers: string[] };
}

export interface Overview {
  visits: number;
  uniqueCustomers: number;
  revenue: number;
  missingCosts: number;
  unusableCosts: number;
  visitsWithoutRestaurant: number;
  sourceCount: number;
}

export interface MostRestaurants {
  restaurants: number;
  customers: string[];
}

export interface DishRank {
  dish: string;
  orders: number;
  revenue: number;
  ordersRank: number;
  revenueRank: number;
}

export interface RestaurantDishRank extends DishRank {
  restaurant: string;
}

export interface CustomerRank {
  customer: string;
  visits: number;
  restaurants: number;
  tiedAtTop: number;
}

export interface DishCell {
  restaurant: string;
  dish: string;
  orders: number;
  revenue: number;
}

export interface SourceRow extends SourceRecord {
  loadedAt: string;
  /** food_cost values that were not numbers (N/A, 12,50): null, so they add nothing to revenue. */
  unusableCosts: number;
  missingCosts: number;
}

const num = (value: unknown) => (typeof value === 'number' ? value : Number(value ?? 0));
const str = (value: unknown) => String(value ?? '');
const strings = (value: unknown) => (Array.isArray(value) ? value.map(str) : []);

export const toAnswer = (r: Row): RestaurantAnswer => ({
  name: str(r.name),
  visits: num(r.visits),
  uniqueCustomers: num(r.unique_customers),
  revenue: num(r.revenue),
  mostPopular: { orders: num(r.popular_orders), dishes: strings(r.popular_dishes) },
  mostProfitable: { revenue: num(r.profitable_revenue), dishes: strings(r.profitable_dishes) },
  topVisitors: { visits: num(r.top_visits), customers: strings(r.top_customers) },
});

export const toRestaurantTotals = (r: Row): RestaurantTotals => ({
  name: str(r.name),
  visits: num(r.visits),
  uniqueCustomers: num(r.unique_customers),
  revenue: num(r.revenue),
});

export const toOverview = (r: Row | undefined): Overview => ({
  visits: num(r?.visits),
  uniqueCustomers: num(r?.unique_customers),
  revenue: num(r?.revenue),
  missingCosts: num(r?.missing_costs),
  unusableCosts: num(r?.unusable_costs),
  visitsWithoutRestaurant: num(r?.visits_without_restaurant),
  sourceCount: num(r?.source_count),
});

export const toMostRestaurants = (r: Row | undefined): MostRestaurants => ({
  restaurants: num(r?.restaurants),
  customers: strings(r?.customers),
});

export const toDishRank = (r: Row): DishRank => ({
  dish: str(r.dish),
  orders: num(r.orders),
  revenue: num(r.revenue),
  ordersRank: num(r.orders_rank),
  revenueRank: num(r.revenue_rank),
});

export const toRestaurantDishRank = (r: Row): RestaurantDishRank => ({
  restaurant: str(r.restaurant),
  ...toDishRank(r),
});

export const toCustomerRank = (r: Row): CustomerRank => ({
  customer: str(r.customer),
  visits: num(r.visits),
  restaurants: num(r.restaurants),
  tiedAtTop: num(r.tied_at_top),
});

export const toDishCell = (r: Row): DishCell => ({
  restaurant: str(r.restaurant),
  dish: str(r.dish),
  orders: num(r.orders),
  revenue: num(r.revenue),
});

/** Kept encodings; files loaded before UTF-16 and the others were read kept 'latin-1'. */
const toEncoding = (value: unknown): Encoding =>
  (ENCODINGS as readonly unknown[]).includes(value)
    ? (value as Encoding)
    : value === 'latin-1'
      ? 'windows-1252'
      : 'utf-8';

export const toSource = (r: Row): SourceRow => ({
  sourceId: num(r.source_id),
  datasetId: num(r.dataset_id),
  name: str(r.name),
  bytes: num(r.bytes),
  rows: num(r.rows),
  rejected: num(r.rejected),
  delimiter: r.delimiter == null ? null : str(r.delimiter),
  encoding: toEncoding(r.encoding),
  contentHash: str(r.content_hash),
  loadedAt: str(r.loaded_at),
  unusableCosts: num(r.unusable_costs),
  missingCosts: num(r.missing_costs),
});

export interface TimelinePoint {
  period: string;
  visits: number;
  revenue: number;
}

export interface Timeline {
  unit: 'day' | 'week' | 'month';
  points: TimelinePoint[];
  /** Rows whose date did not read as one. */
  undated: number;
}

export function toTimeline(rows: Row[], undated: Row | undefined): Timeline {
  const unit = rows[0]?.unit;
  return {
    unit: unit === 'week' || unit === 'month' ? unit : 'day',
    points: rows.map((r) => ({ period: str(r.period), visits: num(r.visits), revenue: num(r.revenue) })),
    undated: num(undated?.visits),
  };
}
