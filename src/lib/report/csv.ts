import type { DishMetric } from '$lib/charts/top-dishes-options';
import type {
  CustomerRank,
  RestaurantAnswer,
  RestaurantDishRank,
} from '$lib/models/restaurant/dashboard-rows';

type Cell = string | number | null;

/** RFC 4180: a field with a comma, quote, CR or LF (or edge spaces) is quoted, quotes doubled; CRLF rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const field = (value: Cell) => {
    const text = value === null ? '' : String(value);
    return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/** Tied names in one field, so every winner is kept. */
const ties = (names: readonly string[]) => names.join('; ');
const cents = (value: number) => Math.round(value * 100) / 100;

export const answersCsv = (restaurants: readonly RestaurantAnswer[]) =>
  toCsv(
    [
      'restaurant',
      'visits',
      'unique_customers',
      'revenue',
      'most_popular_dishes',
      'most_popular_orders',
      'most_profitable_dishes',
      'most_profitable_revenue',
      'top_visitors',
      'top_visitor_visits',
    ],
    restaurants.map((r) => [
      r.name,
      r.visits,
      r.uniqueCustomers,
      cents(r.revenue),
      ties(r.mostPopular.dishes),
      r.mostPopular.orders,
      ties(r.mostProfitable.dishes),
      cents(r.mostProfitable.revenue),
      ties(r.topVisitors.customers),
      r.topVisitors.visits,
    ]),
  );

export function topDishesCsv(dishes: readonly RestaurantDishRank[], metric: DishMetric, limit = 5): string {
  const rank = metric === 'orders' ? 'ordersRank' : 'revenueRank';
  const rows = dishes
    .filter((d) => d[rank] <= limit)
    .sort((a, b) => (a.restaurant < b.restaurant ? -1 : a.restaurant > b.restaurant ? 1 : a[rank] - b[rank]));
  return toCsv(
    ['restaurant', `rank_by_${metric}`, 'dish', 'orders', 'revenue'],
    rows.map((d) => [d.restaurant, d[rank], d.dish, d.orders, cents(d.revenue)]),
  );
}

export const customersCsv = (customers: readonly CustomerRank[]) =>
  toCsv(
    ['customer', 'visits', 'restaurants'],
    customers.map((c) => [c.customer, c.visits, c.restaurants]),
  );

export const sourcesCsv = (
  sources: readonly { name: string; bytes: number; rows: number; contentHash: string }[],
) =>
  toCsv(
    ['file', 'bytes', 'rows', 'content_hash'],
    sources.map((s) => [s.name, s.bytes, s.rows, s.contentHash]),
  );
