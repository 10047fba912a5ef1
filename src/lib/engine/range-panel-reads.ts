import {
  dishMatrixSql,
  overviewSql,
  restaurantTotalsSql,
  topCustomersSql,
  topDishesPerRestaurantSql,
  topDishesSql,
  type Scope,
} from '$lib/models/restaurant/build-dashboard-sql';
import type { RangePanel, RangePanelRows } from '$lib/models/restaurant/range-panels';
import type { SqlRunner } from './sql-runner';

/** The SQL each range panel reads, for a scope under a range (every place's rows for the store × item ones). */
const PANEL_SQL: Record<RangePanel, (scope: Scope) => string> = {
  overview: overviewSql,
  totals: restaurantTotalsSql,
  dishes: (scope) => topDishesSql(scope),
  customers: (scope) => topCustomersSql(scope),
  matrix: (scope) => dishMatrixSql(scope),
  topDishes: (scope) => topDishesPerRestaurantSql(scope),
};

/** The panels a range narrows, each read with its query: for a range cube whose rows are not in memory. */
export async function readRangePanels(
  db: SqlRunner,
  scope: Scope,
  panels: readonly RangePanel[],
): Promise<RangePanelRows> {
  const out: RangePanelRows = {};
  for (const panel of panels) {
    const rows = await db.rows(PANEL_SQL[panel](scope));
    if (panel === 'overview') out.overview = rows[0];
    else out[panel] = rows;
  }
  return out;
}
