import {
  answersSql,
  dishMatrixSql,
  mostRestaurantsSql,
  overviewSql,
  restaurantTotalsSql,
  timelineSql,
  topCustomersSql,
  topDishesPerRestaurantSql,
  topDishesSql,
  type Scope,
} from '$lib/models/restaurant/build-dashboard-sql';
import { createModelsSql } from '$lib/models/restaurant/build-ingest-sql';
import { ingestCsv, type CsvSource } from './ingest';
import { profileDatasetById } from './profile';
import { IngestCancelled } from './ingest-errors';
import type { SqlRunner } from './sql-runner';

type Step = () => Promise<'continue' | 'cancel'>;
const CONTINUE: Step = async () => 'continue';

/** The catalog a warm-up loads into: attached for it, and detached after. */
export const WARM_UP_CATALOG = 'dd_warm_up';

const PLACES = ['north-stand', 'the-harbour-grill', 'south-parlor', 'east-cafe'];

/**
 * A small restaurant-shaped CSV with a date, the same for every start: its load runs the code a real
 * drop runs (sniffing, typing, the cube, the daily summary, the dashboard's queries, the profile).
 */
export function warmUpCsv(rows = 10_000): Uint8Array<ArrayBuffer> {
  const lines = ['restaurant_names,food_names,first_name,food_cost,visit_date'];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const cost = ((i * 7) % 23) / 2 + 1;
    lines.push(
      `${PLACES[i % 4]},dish-${(i * 13) % 37},Guest${(i * 31) % 701},${cost},2026-0${1 + (i % 9)}-${day}`,
    );
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

/**
 * Runs a load and the dashboard's queries on `warmUpCsv`, in a catalog of its own, so the engine's code
 * is compiled before the first real drop: V8 compiles a wasm function on its first call, and that made
 * the first drop after a start ~0.3 s slower at 150k rows (bench harness, bare DuckDB-WASM 0.6 → 0.33 s).
 * `db` must be a connection using an empty catalog; nothing is written anywhere else.
 */
export async function warmUp(db: SqlRunner, source: CsvSource, step: Step = CONTINUE): Promise<void> {
  if ((await step()) === 'cancel') throw new IngestCancelled('The warm-up was stopped.');
  for (const sql of createModelsSql()) await db.exec(sql);
  const outcome = await ingestCsv(db, source, step);
  const all: Scope = { dataset: outcome.datasetId, sources: null, restaurant: null };
  const one: Scope = { ...all, restaurant: PLACES[0] ?? null };
  for (const sql of [
    overviewSql(all),
    answersSql(all),
    mostRestaurantsSql(all),
    restaurantTotalsSql(all),
    topDishesSql(one),
    topCustomersSql(one),
    dishMatrixSql(all),
    topDishesPerRestaurantSql(all),
    timelineSql(all),
  ]) {
    if ((await step()) === 'cancel') throw new IngestCancelled('The warm-up was stopped.');
    await db.rows(sql);
  }
  await profileDatasetById(db, outcome.datasetId, step);
}
