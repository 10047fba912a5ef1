import { describe, expect, it } from 'vitest';
import { buildAnswersDocument } from './answers';

describe('buildAnswersDocument', () => {
  it('sorts restaurants and tie lists by name and rounds money to cents', () => {
    const doc = buildAnswersDocument({
      restaurants: [
        {
          name: 'zeta',
          visits: 3,
          uniqueCustomers: 2,
          revenue: 10.005000001,
          mostPopular: { orders: 2, dishes: ['tea', 'corn'] },
          mostProfitable: { revenue: 4.499999, dishes: ['tea'] },
          topVisitors: { visits: 2, customers: ['Zoe', 'Ann'] },
        },
        {
          name: 'alpha',
          visits: 1,
          uniqueCustomers: 1,
          revenue: 1,
          mostPopular: { orders: 1, dishes: ['soup'] },
          mostProfitable: { revenue: 1, dishes: ['soup'] },
          topVisitors: { visits: 1, customers: ['Bo'] },
        },
      ],
      mostRestaurants: { restaurants: 2, customers: ['Bo', 'Ann'] },
      sources: [
        {
          sourceId: 1,
          datasetId: 1,
          name: 'a.csv',
          bytes: 10,
          rows: 4,
          rejected: 1,
          delimiter: ',',
          encoding: 'utf-8',
          contentHash: 'xxh128:0',
          loadedAt: '',
          unusableCosts: 0,
          missingCosts: 0,
        },
      ],
      totalRows: 4,
      generatedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(doc).toEqual({
      schema: 'dropdash.answers/1',
      generatedAt: '2026-01-01T00:00:00.000Z',
      sources: [{ name: 'a.csv', bytes: 10, rows: 4 }],
      totalRows: 4,
      restaurants: [
        {
          name: 'alpha',
          visits: 1,
          uniqueCustomers: 1,
          revenue: 1,
          mostPopular: { orders: 1, dishes: ['soup'] },
          mostProfitable: { revenue: 1, dishes: ['soup'] },
          topVisitors: { visits: 1, customers: ['Bo'] },
        },
        {
          name: 'zeta',
          visits: 3,
          uniqueCustomers: 2,
          revenue: 10.01,
          mostPopular: { orders: 2, dishes: ['corn', 'tea'] },
          mostProfitable: { revenue: 4.5, dishes: ['tea'] },
          topVisitors: { visits: 2, customers: ['Ann', 'Zoe'] },
        },
      ],
      mostRestaurantsVisited: { restaurants: 2, customers: ['Ann', 'Bo'] },
    });
    expect(Object.keys(doc)).toEqual([
      'schema',
      'generatedAt',
      'sources',
      'totalRows',
      'restaurants',
      'mostRestaurantsVisited',
    ]);
  });
});
