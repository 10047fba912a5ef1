import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { ensureRestaurantCsv } from './write-restaurant-csv';

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * Writes the restaurant rows of `rows` and `seed` as `<stem>.csv` (made first if missing) and the same rows
 * as `<stem>.parquet`, once, with native DuckDB: snappy, DuckDB's default row groups; every column text
 * but food_cost, a double. Existing files of the same rows and seed are reused. For benchmarks; not committed.
 */
export async function ensureRestaurantParquet(
  stem: string,
  rows: number,
  seed: number,
): Promise<{ parquet: string; csv: string }> {
  const csv = ensureRestaurantCsv(`${stem}.csv`, rows, seed);
  const path = `${stem}.parquet`;
  const marker = `${path}.${rows}-${seed}.done`;
  if (existsSync(path) && existsSync(marker)) return { parquet: path, csv };
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(
      `COPY (SELECT * REPLACE (CAST(food_cost AS DOUBLE) AS food_cost)
         FROM read_csv(${literal(csv)}, header = true, all_varchar = true))
       TO ${literal(path)} (FORMAT parquet, COMPRESSION snappy)`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  writeFileSync(marker, String(statSync(path).size));
  return { parquet: path, csv };
}
