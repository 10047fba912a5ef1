import type { DatasetView, ScopeView } from '$lib/client/dashboard-data';
import type { RestaurantAnswer } from '$lib/models/restaurant/dashboard-rows';
import { buildAnswersDocument } from './answers';
import { buildSnapshot, type SnapshotInput } from './snapshot-build';
import type { Snapshot } from './snapshot-schema';

/** A small dashboard state for unit tests; `dish` lets a test put any value into every dish name. */
export function sampleInput(dish = 'soup'): SnapshotInput {
  const restaurants: RestaurantAnswer[] = [
    {
      name: 'alpha',
      visits: 3,
      uniqueCustomers: 2,
      revenue: 7.5,
      mostPopular: { orders: 2, dishes: [dish] },
      mostProfitable: { revenue: 5, dishes: [dish] },
      topVisitors: { visits: 2, customers: ['Ann'] },
    },
  ];
  const overview = {
    visits: 3,
    uniqueCustomers: 2,
    revenue: 7.5,
    missingCosts: 0,
    unusableCosts: 0,
    visitsWithoutRestaurant: 0,
    sourceCount: 1,
  };
  const dishes = [{ dish, orders: 2, revenue: 5, ordersRank: 1, revenueRank: 1 }];
  const customers = [{ customer: 'Ann', visits: 2, restaurants: 1, tiedAtTop: 1 }];
  const sources = [
    {
      sourceId: 1,
      datasetId: 1,
      name: 'orders.csv',
      bytes: 120,
      rows: 3,
      rejected: 0,
      delimiter: ',',
      encoding: 'utf-8' as const,
      contentHash: 'xxh128:95536e4e59ff8dacd791c9f4f62a1dd3',
      loadedAt: '2026-12-01T10:00:00.000Z',
      unusableCosts: 0,
      missingCosts: 0,
    },
  ];
  const dataset: DatasetView = {
    selection: { dataset: 1, sources: null },
    totals: overview,
    restaurants,
    mostRestaurants: { restaurants: 1, customers: ['Ann', 'Bo'] },
    matrix: [{ restaurant: 'alpha', dish, orders: 2, revenue: 5 }],
    topDishes: dishes.map((d) => ({ restaurant: 'alpha', ...d })),
    sources,
    allSources: sources,
  };
  const scope = (restaurant: string | null): ScopeView => ({
    scope: { dataset: 1, restaurant, sources: null, item: null },
    overview,
    totals: restaurants.map(({ name, visits, uniqueCustomers, revenue }) => ({
      name,
      visits,
      uniqueCustomers,
      revenue,
    })),
    timeline: null,
    dishes,
    customers,
  });
  const createdAt = '2026-12-01T12:00:00.000Z';
  return {
    title: 'Restaurant orders',
    createdAt,
    dataset,
    scopes: [scope(null), scope('alpha')],
    restaurant: 'alpha',
    roles: {
      place: 'restaurant_names',
      item: 'food_names',
      customer: 'first_name',
      amount: 'food_cost',
      date: null,
    },
    settings: { matrixMetric: 'revenue', rankMetric: 'orders' },
    answers: buildAnswersDocument({
      restaurants,
      mostRestaurants: dataset.mostRestaurants,
      sources,
      totalRows: 3,
      generatedAt: createdAt,
    }),
  };
}

export function sampleSnapshot(dish?: string): Snapshot {
  const result = buildSnapshot(sampleInput(dish));
  if (!result.ok) throw new Error(result.problem);
  return result.snapshot;
}
