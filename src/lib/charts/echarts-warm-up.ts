import type { EChartsCoreOption } from 'echarts/core';
import type { DishCell, DishRank, RestaurantTotals } from '$lib/models/restaurant/dashboard-rows';
import { dishMatrixOption } from './dish-matrix-options';
import { loadCharts } from './echarts';
import { distributionOption } from './profile-options';
import { restaurantMetricsOption } from './restaurant-metrics-options';
import { topDishesOption } from './top-dishes-options';

const PLACES = ['north', 'south', 'east'];
const ITEMS = Array.from({ length: 30 }, (_, i) => `item-${i}`);

/** Made-up figures for the i-th draw: each draw differs, as a filter's would. */
function sample(i: number) {
  const totals: RestaurantTotals[] = PLACES.map((name, p) => ({
    name,
    visits: 100 + ((p * 37 + i * 11) % 90),
    uniqueCustomers: 20 + p + i,
    revenue: 1000.5 + p * 10 + i,
  }));
  const dishes: DishRank[] = ITEMS.map((dish, d) => ({
    dish,
    orders: 50 + ((d * 13 + i * 7) % 40),
    revenue: 300.25 + ((d * 17 + i * 5) % 60),
    ordersRank: d + 1,
    revenueRank: ITEMS.length - d,
  }));
  const cells: DishCell[] = PLACES.flatMap((restaurant, p) =>
    ITEMS.map((dish, d) => ({ restaurant, dish, orders: 1 + ((p + d + i) % 9), revenue: 2.5 * (d + i) })),
  );
  const bins = Array.from({ length: 20 }, (_, b) => ({ from: b, to: b + 1, count: 10 + ((b * 7 + i) % 30) }));
  return { totals, dishes, cells, bins };
}

/** The dashboard's charts as a filter redraws them: made once, then updated in place. */
const CHARTS: ((i: number) => EChartsCoreOption | null)[] = [
  (i) => restaurantMetricsOption(sample(i).totals, { selected: PLACES[i % 3] ?? null, width: 800 }),
  (i) => topDishesOption(sample(i).dishes, 'orders'),
  (i) => dishMatrixOption(sample(i).cells, 'orders', { width: 800 }),
  (i) =>
    distributionOption(
      { kind: 'bins', time: false, bins: sample(i).bins },
      { brush: true, selected: { from: 2 + (i % 3), to: 9 + i } },
    ),
];
const UPDATES = 10;

/**
 * ECharts' first chart pays a one-time cost (about 100 ms here: code warming up, text measuring set up),
 * and so does its first update in place (a filter's redraw). Paying both while the landing page is idle,
 * one small task at a time, keeps the dashboard's first draw and its first filters short. It stops once
 * `stop()` says so (a load has begun: its tasks must stay short, and its charts warm up by themselves).
 */
export async function warmUpCharts(stop: () => boolean): Promise<void> {
  const idle = () =>
    new Promise<void>((resolve) =>
      'requestIdleCallback' in window
        ? requestIdleCallback(() => resolve(), { timeout: 2000 })
        : setTimeout(resolve, 200),
    );
  await idle();
  if (stop()) return;
  const [{ init }] = await Promise.all([loadCharts(), import('./echarts-brush')]);
  const node = Object.assign(document.createElement('div'), { ariaHidden: 'true' });
  node.style.cssText = 'position: absolute; left: -10000px; width: 800px; height: 260px';
  document.body.append(node);
  try {
    for (const optionAt of CHARTS) {
      await idle();
      if (stop()) return;
      const chart = init(node, 'dropdash', { renderer: 'canvas' });
      try {
        for (let i = 0; i <= UPDATES; i++) {
          await idle();
          if (stop()) return;
          const option = optionAt(i);
          if (option) chart.setOption(option, { notMerge: i === 0, lazyUpdate: false });
        }
      } finally {
        chart.dispose();
      }
    }
  } finally {
    node.remove();
  }
}
