import type { RangeFilter } from '$lib/models/dataset/range';
import type { Scope } from '$lib/models/restaurant/build-dashboard-sql';
import {
  coarseRowCountSql,
  coarseRowsSql,
  type RangeCubeTables,
  type RangeKey,
} from '$lib/models/restaurant/build-range-cube-sql';
import { dayText, exactInMemory, toCoarseRows, type RangeCubeRows } from '$lib/models/restaurant/coarse-rows';
import { rangePanelRows, type RangePanel, type RangePanelRows } from '$lib/models/restaurant/range-panels';
import type { SqlRunner } from './sql-runner';

/** A range cube whose coarse tables have at most this many rows in all is also held in memory. */
export const MAX_IN_MEMORY_ROWS = 250_000;

const EVERY_PANEL: RangePanel[] = ['overview', 'totals', 'dishes', 'customers', 'matrix', 'topDishes'];
const WARM_UP_RANGES = 6;

/**
 * Computes a few ranges' panels as soon as a cube is held: V8 runs new code slowly until it has seen it
 * often (the first brushes took ~10–30 ms here, then ~2), and the cube is usually built ahead of them.
 */
function warmUp(rows: RangeCubeRows, key: RangeKey): void {
  let [min, max] = [Infinity, -Infinity];
  for (const k of rows.customers.key) if (!Number.isNaN(k)) [min, max] = [Math.min(min, k), Math.max(max, k)];
  if (min > max) return;
  for (let i = 0; i < WARM_UP_RANGES; i++) {
    const [from, to] = [min + ((max - min) * (i % 3)) / 4, max - ((max - min) * (i % 2)) / 4];
    const range: RangeFilter =
      key.kind === 'date'
        ? { ...key, kind: 'date', name: key.column, from: dayText(from), to: dayText(to) }
        : { ...key, kind: 'number', name: key.column, from, to };
    rangePanelRows(rows, { range, sources: null, restaurant: null }, EVERY_PANEL);
  }
}

/**
 * Range cubes' coarse rows (place × item × key, place × customer × key) held in the worker's memory, so a
 * range's panels are computed without a query each: in DuckDB-WASM every query of these small tables
 * costs milliseconds of planning and per-operator set-up, whatever its few rows.
 */
export class HeldRangeCubes {
  readonly #held = new Map<string, RangeCubeRows>();

  /** Reads a new cube's coarse tables when they are small and their sums stay exact. */
  async hold(db: SqlRunner, tables: RangeCubeTables, key: RangeKey): Promise<void> {
    const [count] = await db.rows(coarseRowCountSql(tables));
    if (Number(count?.rows ?? Infinity) > MAX_IN_MEMORY_ROWS) return;
    const read = async (grain: 'dishes' | 'customers') =>
      toCoarseRows(await db.rows(coarseRowsSql(tables, grain, key.kind)));
    const rows = { dishes: await read('dishes'), customers: await read('customers') };
    if (!exactInMemory(rows.dishes) || !exactInMemory(rows.customers)) return;
    this.#held.set(tables.facts, rows);
    warmUp(rows, key);
  }

  forget(tables: RangeCubeTables): void {
    this.#held.delete(tables.facts);
  }

  /**
   * The panels a range narrows, from its range cube's rows in memory; null when they are not held, or
   * when a clicked item or customer needs the cube's full grain.
   */
  panelRows(scope: Scope, panels: readonly RangePanel[]): RangePanelRows | null {
    const { range, rangeCube, sources, restaurant } = scope;
    if (!range || !rangeCube || scope.item != null || scope.customer != null) return null;
    const held = this.#held.get(rangeCube.facts);
    return held ? rangePanelRows(held, { range, sources, restaurant }, panels) : null;
  }
}
