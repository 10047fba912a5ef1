import type { MostRestaurants, RestaurantAnswer, SourceRow } from '$lib/models/restaurant/dashboard-rows';

export const ANSWERS_SCHEMA = 'dropdash.answers/1';

export interface AnswersDocument {
  schema: typeof ANSWERS_SCHEMA;
  generatedAt: string;
  sources: { name: string; bytes: number; rows: number }[];
  totalRows: number;
  restaurants: RestaurantAnswer[];
  mostRestaurantsVisited: MostRestaurants;
}

const cents = (value: number) => Math.round(value * 100) / 100;
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The assignment's answers in the published shape: restaurants and tie lists sorted by name, money in cents. */
export function buildAnswersDocument(input: {
  restaurants: readonly RestaurantAnswer[];
  mostRestaurants: MostRestaurants;
  sources: readonly SourceRow[];
  totalRows: number;
  generatedAt: string;
}): AnswersDocument {
  return {
    schema: ANSWERS_SCHEMA,
    generatedAt: input.generatedAt,
    sources: input.sources.map(({ name, bytes, rows }) => ({ name, bytes, rows })),
    totalRows: input.totalRows,
    restaurants: [...input.restaurants]
      .sort((a, b) => byName(a.name, b.name))
      .map((r) => ({
        name: r.name,
        visits: r.visits,
        uniqueCustomers: r.uniqueCustomers,
        revenue: cents(r.revenue),
        mostPopular: { orders: r.mostPopular.orders, dishes: [...r.mostPopular.dishes].sort(byName) },
        mostProfitable: {
          revenue: cents(r.mostProfitable.revenue),
          dishes: [...r.mostProfitable.dishes].sort(byName),
        },
        topVisitors: { visits: r.topVisitors.visits, customers: [...r.topVisitors.customers].sort(byName) },
      })),
    mostRestaurantsVisited: {
      restaurants: input.mostRestaurants.restaurants,
      customers: [...input.mostRestaurants.customers].sort(byName),
    },
  };
}

export const nowIso = () => new Date().toISOString();

export function downloadJson(fileName: string, value: unknown): void {
  downloadBlob(fileName, new Blob([JSON.stringify(value, null, 2) + '\n'], { type: 'application/json' }));
}

export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
