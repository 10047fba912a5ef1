import { describe, expect, it } from 'vitest';
import type { DishCell, DishRank, RestaurantAnswer } from '$lib/models/restaurant/dashboard-rows';
import { dishMatrixOption } from './dish-matrix-options';
import { restaurantMetricsOption } from './restaurant-metrics-options';
import { topDishesOption } from './top-dishes-options';

const HOSTILE = '<img src=x onerror=alert(1)>';

const answer = (name: string, visits: number, revenue: number): RestaurantAnswer => ({
  name,
  visits,
  uniqueCustomers: Math.round(visits / 10),
  revenue,
  mostPopular: { orders: 1, dishes: ['tea'] },
  mostProfitable: { revenue: 1, dishes: ['tea'] },
  topVisitors: { visits: 1, customers: ['Ann'] },
});
const dish = (
  name: string,
  orders: number,
  revenue: number,
  ordersRank: number,
  revenueRank: number,
): DishRank => ({
  dish: name,
  orders,
  revenue,
  ordersRank,
  revenueRank,
});

type Series = { data: { value: number; itemStyle: { color: string } }[] | number[][] }[];
type Formatter = (params: unknown) => string;
const tooltip = (option: Record<string, unknown>) => (option.tooltip as { formatter: Formatter }).formatter;
const series = (option: Record<string, unknown>) => option.series as Series;

describe('restaurantMetricsOption', () => {
  const restaurants = [answer('beta', 10, 55.5), answer(HOSTILE, 30, 120), answer('alpha', 20, 80.25)];
  const option = restaurantMetricsOption(restaurants, { selected: 'alpha', width: 900 }) as Record<
    string,
    unknown
  >;

  it('draws visits, customers and revenue with the busiest restaurant on top', () => {
    const [visits, customers, revenue] = series(option);
    expect((visits?.data as { value: number }[]).map((d) => d.value)).toEqual([10, 20, 30]);
    expect((customers?.data as { value: number }[]).map((d) => d.value)).toEqual([1, 2, 3]);
    expect((revenue?.data as { value: number }[]).map((d) => d.value)).toEqual([55.5, 80.25, 120]);
  });

  it('highlights the selected restaurant and mutes the others', () => {
    const colors = (series(option)[0]?.data as { itemStyle: { color: string } }[]).map(
      (d) => d.itemStyle.color,
    );
    expect(new Set([colors[0], colors[2]]).size).toBe(1);
    expect(colors[1]).not.toBe(colors[0]);
  });

  it('escapes names in tooltips', () => {
    const html = tooltip(option)({ dataIndex: 2 });
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('120.00');
  });

  it('is deterministic', () => {
    expect(JSON.stringify(option)).toMatchSnapshot();
  });
});

describe('topDishesOption', () => {
  const dishes = [
    dish('tea', 9, 10, 1, 3),
    dish(HOSTILE, 5, 40, 2, 1),
    dish('soup', 4, 20, 3, 2),
    dish('corn', 1, 1, 4, 4),
  ];

  it('keeps the top dishes of its metric, best at the top', () => {
    const byOrders = topDishesOption(dishes, 'orders', { limit: 3 }) as Record<string, unknown>;
    expect((byOrders.yAxis as { data: string[] }).data).toEqual(['soup', HOSTILE, 'tea']);
    const byRevenue = topDishesOption(dishes, 'revenue', { limit: 2 }) as Record<string, unknown>;
    expect((byRevenue.yAxis as { data: string[] }).data).toEqual(['soup', HOSTILE]);
  });

  it('escapes dish names in tooltips', () => {
    const option = topDishesOption(dishes, 'revenue', { limit: 2 }) as Record<string, unknown>;
    expect(tooltip(option)({ dataIndex: 1 })).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('dishMatrixOption', () => {
  const cells: DishCell[] = [
    { restaurant: 'alpha', dish: 'tea', orders: 3, revenue: 6 },
    { restaurant: 'alpha', dish: HOSTILE, orders: 1, revenue: 2.5 },
    { restaurant: 'beta', dish: 'tea', orders: 7, revenue: 14 },
  ];

  it('places each cell at its dish and restaurant, scaled to the measure', () => {
    const option = dishMatrixOption(cells, 'revenue', { width: 800 }) as Record<string, unknown>;
    expect((option.xAxis as { data: string[] }).data).toEqual([HOSTILE, 'tea']);
    expect((option.yAxis as { data: string[] }).data).toEqual(['beta', 'alpha']);
    expect(series(option)[0]?.data).toEqual([
      [1, 1, 6],
      [0, 1, 2.5],
      [1, 0, 14],
    ]);
    expect(option.visualMap).toMatchObject({ min: 2.5, max: 14 });
  });

  it('escapes both names in tooltips', () => {
    const option = dishMatrixOption(cells, 'orders', { width: 800 }) as Record<string, unknown>;
    const html = tooltip(option)({ value: [0, 1, 1] });
    expect(html).toContain('alpha · &lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });
});
