import { escape, fromCSV, op } from 'arquero';
import type { OracleAnswers } from '../../tests/support/restaurant-oracle';

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const text = (v: unknown) => {
  const t = typeof v === 'string' ? v.trim() : '';
  return t === '' ? null : t;
};
const cents = (v: unknown) => {
  const t = text(v);
  return t !== null && /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t) ? Math.round(Number(t) * 100) : 0;
};

type Row = Record<string, unknown>;

function leaders(
  rows: Row[],
  group: string,
  value: string,
  name: string,
): Map<string, { top: number; names: string[] }> {
  const out = new Map<string, { top: number; names: string[] }>();
  for (const row of rows) {
    const key = String(row[group]);
    const v = Number(row[value]);
    const current = out.get(key);
    if (!current || v > current.top) out.set(key, { top: v, names: [String(row[name])] });
    else if (v === current.top) current.names.push(String(row[name]));
  }
  return out;
}

/** Arquero: the whole file as text (it has no streaming reader), then table verbs for each answer. */
export async function arqueroAnswers(file: File): Promise<OracleAnswers> {
  const raw = fromCSV(await file.text(), { autoType: false });
  const t = raw
    .derive({
      restaurant: escape((d: Row) => text(d.restaurant_names)),
      dish: escape((d: Row) => text(d.food_names)),
      customer: escape((d: Row) => text(d.first_name)),
      cents: escape((d: Row) => cents(d.food_cost)),
    })
    .select('restaurant', 'dish', 'customer', 'cents')
    .filter((d: Row) => d.restaurant !== null);
  const perRestaurant = t
    .groupby('restaurant')
    .rollup({ visits: op.count(), revenue: op.sum('cents') })
    .objects() as Row[];
  const named = t.filter((d: Row) => d.customer !== null);
  const customers = named.groupby('restaurant', 'customer').count({ as: 'visits' }).objects() as Row[];
  const dishes = t
    .filter((d: Row) => d.dish !== null)
    .groupby('restaurant', 'dish')
    .rollup({ orders: op.count(), revenue: op.sum('cents') })
    .objects() as Row[];
  const reach = named
    .groupby('customer')
    .rollup({ restaurants: op.distinct('restaurant') })
    .objects() as Row[];

  const popular = leaders(dishes, 'restaurant', 'orders', 'dish');
  const profitable = leaders(dishes, 'restaurant', 'revenue', 'dish');
  const visitors = leaders(customers, 'restaurant', 'visits', 'customer');
  const unique = new Map<string, number>();
  for (const c of customers) unique.set(String(c.restaurant), (unique.get(String(c.restaurant)) ?? 0) + 1);
  const most = leaders(
    reach.map((r) => ({ ...r, all: '' })),
    'all',
    'restaurants',
    'customer',
  ).get('');
  const sorted = (names: string[] | undefined) => [...(names ?? [])].sort(byName);

  return {
    totalRows: raw.numRows(),
    restaurants: perRestaurant
      .map((r) => String(r.restaurant))
      .sort(byName)
      .map((name) => {
        const r = perRestaurant.find((x) => x.restaurant === name) as Row;
        return {
          name,
          visits: Number(r.visits),
          uniqueCustomers: unique.get(name) ?? 0,
          revenue: Number(r.revenue) / 100,
          mostPopular: { orders: popular.get(name)?.top ?? 0, dishes: sorted(popular.get(name)?.names) },
          mostProfitable: {
            revenue: (profitable.get(name)?.top ?? 0) / 100,
            dishes: sorted(profitable.get(name)?.names),
          },
          topVisitors: { visits: visitors.get(name)?.top ?? 0, customers: sorted(visitors.get(name)?.names) },
        };
      }),
    mostRestaurantsVisited: { restaurants: most?.top ?? 0, customers: sorted(most?.names) },
  };
}
