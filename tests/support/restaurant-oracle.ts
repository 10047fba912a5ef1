import Papa from 'papaparse';

/**
 * An independent computation of the five answers: Papa Parse and plain TypeScript, no SQL. Tests compare
 * Dropdash's answers with it, and the benchmark runs it as the "Papa Parse + JS" peer. It shares no code
 * with the app.
 */
export interface OracleAnswers {
  totalRows: number;
  restaurants: {
    name: string;
    visits: number;
    uniqueCustomers: number;
    revenue: number;
    mostPopular: { orders: number; dishes: string[] };
    mostProfitable: { revenue: number; dishes: string[] };
    topVisitors: { visits: number; customers: string[] };
  }[];
  mostRestaurantsVisited: { restaurants: number; customers: string[] };
}

export type RestaurantRecord = Record<string, string | undefined>;

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const clean = (value: string | undefined) => {
  const text = (value ?? '').trim();
  return text === '' ? null : text;
};
/** Cost in millionths, so sums are exact integers; anything that is not a plain decimal is unusable. */
const micros = (value: string | undefined): number | null => {
  const text = clean(value);
  if (text === null || !/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) return null;
  return Math.round(Number(text) * 1e6);
};

function winners<K>(counts: Map<K, number>): { top: number; keys: K[] } {
  let top = -Infinity;
  for (const value of counts.values()) top = Math.max(top, value);
  return { top: counts.size ? top : 0, keys: [...counts].filter(([, v]) => v === top).map(([k]) => k) };
}

interface PerRestaurant {
  visits: number;
  revenue: number;
  customers: Map<string, number>;
  orders: Map<string, number>;
  dishRevenue: Map<string, number>;
}

/** Takes records one at a time, so a file of any size can stream through it. */
export class RestaurantAccumulator {
  private rows = 0;
  private perRestaurant = new Map<string, PerRestaurant>();
  private reach = new Map<string, Set<string>>();

  add(row: RestaurantRecord): void {
    this.rows++;
    const restaurant = clean(row.restaurant_names);
    if (restaurant === null) return;
    const dish = clean(row.food_names);
    const customer = clean(row.first_name);
    const cost = micros(row.food_cost) ?? 0;
    let acc = this.perRestaurant.get(restaurant);
    if (!acc) {
      acc = { visits: 0, revenue: 0, customers: new Map(), orders: new Map(), dishRevenue: new Map() };
      this.perRestaurant.set(restaurant, acc);
    }
    acc.visits++;
    acc.revenue += cost;
    if (dish !== null) {
      acc.orders.set(dish, (acc.orders.get(dish) ?? 0) + 1);
      acc.dishRevenue.set(dish, (acc.dishRevenue.get(dish) ?? 0) + cost);
    }
    if (customer !== null) {
      acc.customers.set(customer, (acc.customers.get(customer) ?? 0) + 1);
      let places = this.reach.get(customer);
      if (!places) this.reach.set(customer, (places = new Set()));
      places.add(restaurant);
    }
  }

  answers(): OracleAnswers {
    const money = (m: number) => Math.round(m / 1e4) / 100;
    const restaurants = [...this.perRestaurant]
      .sort(([a], [b]) => byName(a, b))
      .map(([name, acc]) => {
        const popular = winners(acc.orders);
        const profitable = winners(acc.dishRevenue);
        const visitors = winners(acc.customers);
        return {
          name,
          visits: acc.visits,
          uniqueCustomers: acc.customers.size,
          revenue: money(acc.revenue),
          mostPopular: { orders: popular.top, dishes: popular.keys.sort(byName) },
          mostProfitable: { revenue: money(profitable.top), dishes: profitable.keys.sort(byName) },
          topVisitors: { visits: visitors.top, customers: visitors.keys.sort(byName) },
        };
      });
    const most = winners(new Map([...this.reach].map(([customer, set]) => [customer, set.size])));
    return {
      totalRows: this.rows,
      restaurants,
      mostRestaurantsVisited: { restaurants: most.top, customers: most.keys.sort(byName) },
    };
  }
}

/** Rows by header name. Records with the wrong number of fields are skipped, as the app rejects them. */
export function parseRestaurantCsv(text: string, delimiter = ''): RestaurantRecord[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter, skipEmptyLines: true });
  const [header, ...records] = parsed.data;
  if (!header) return [];
  const keys = header.map((h) => h.trim().toLowerCase());
  return records
    .filter((record) => record.length === keys.length)
    .map((record) => Object.fromEntries(keys.map((key, i) => [key, record[i] ?? ''])));
}

export function oracleAnswers(rows: RestaurantRecord[]): OracleAnswers {
  const accumulator = new RestaurantAccumulator();
  for (const row of rows) accumulator.add(row);
  return accumulator.answers();
}
