import Papa from 'papaparse';

/**
 * An independent computation of the five answers: Papa Parse and plain TypeScript, no SQL.
 * Tests compare Dropdash's answers with it; it shares no code with the app.
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

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const clean = (value: string | undefined) => {
  const text = (value ?? '').trim();
  return text === '' ? null : text;
};
/** Cost in millionths, so sums are exact integers; anything that is not a plain decimal is unusable. */
const micros = (value: string | undefined): number | null => {
  const text = clean(value);
  if (text === null || !/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return null;
  return Math.round(Number(text) * 1e6);
};

function winners<K>(counts: Map<K, number>): { top: number; keys: K[] } {
  let top = -Infinity;
  for (const value of counts.values()) top = Math.max(top, value);
  return { top: counts.size ? top : 0, keys: [...counts].filter(([, v]) => v === top).map(([k]) => k) };
}

/** Rows by header name. Records with the wrong number of fields are skipped, as the app rejects them. */
export function parseRestaurantCsv(text: string, delimiter = ''): Record<string, string>[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter, skipEmptyLines: true });
  const [header, ...records] = parsed.data;
  if (!header) return [];
  const keys = header.map((h) => h.trim().toLowerCase());
  return records
    .filter((record) => record.length === keys.length)
    .map((record) => Object.fromEntries(keys.map((key, i) => [key, record[i] ?? ''])));
}

export function oracleAnswers(rows: Record<string, string>[]): OracleAnswers {
  type Acc = {
    visits: number;
    revenue: number;
    customers: Map<string, number>;
    orders: Map<string, number>;
    dishRevenue: Map<string, number>;
  };
  const perRestaurant = new Map<string, Acc>();
  const reach = new Map<string, Set<string>>();
  for (const row of rows) {
    const restaurant = clean(row.restaurant_names);
    if (restaurant === null) continue;
    const dish = clean(row.food_names);
    const customer = clean(row.first_name);
    const cost = micros(row.food_cost) ?? 0;
    let acc = perRestaurant.get(restaurant);
    if (!acc)
      perRestaurant.set(
        restaurant,
        (acc = { visits: 0, revenue: 0, customers: new Map(), orders: new Map(), dishRevenue: new Map() }),
      );
    acc.visits++;
    acc.revenue += cost;
    if (dish !== null) {
      acc.orders.set(dish, (acc.orders.get(dish) ?? 0) + 1);
      acc.dishRevenue.set(dish, (acc.dishRevenue.get(dish) ?? 0) + cost);
    }
    if (customer !== null) {
      acc.customers.set(customer, (acc.customers.get(customer) ?? 0) + 1);
      if (!reach.has(customer)) reach.set(customer, new Set());
      reach.get(customer)?.add(restaurant);
    }
  }
  const money = (m: number) => Math.round(m / 1e4) / 100;
  const restaurants = [...perRestaurant]
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
  const most = winners(new Map([...reach].map(([customer, set]) => [customer, set.size])));
  return {
    totalRows: rows.length,
    restaurants,
    mostRestaurantsVisited: { restaurants: most.top, customers: most.keys.sort(byName) },
  };
}
