import { existsSync, mkdirSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { restaurantRows } from './restaurant-data';

const HEADER = 'restaurant_names,food_names,first_name,food_cost\n';

/**
 * Writes a large restaurant CSV in chunks (it never holds the whole file), once: an existing file of the
 * same rows and seed is reused. For benchmarks and large-file tests; not committed.
 */
export function ensureRestaurantCsv(path: string, rows: number, seed: number): string {
  const marker = `${path}.${rows}-${seed}.done`;
  if (existsSync(path) && existsSync(marker)) return path;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, HEADER);
  let chunk: string[] = [];
  for (const row of restaurantRows({ rows, seed })) {
    chunk.push(`${row.restaurant_names},${row.food_names},${row.first_name},${row.food_cost}`);
    if (chunk.length === 100_000) {
      appendFileSync(path, chunk.join('\n') + '\n');
      chunk = [];
    }
  }
  if (chunk.length > 0) appendFileSync(path, chunk.join('\n') + '\n');
  writeFileSync(marker, String(statSync(path).size));
  return path;
}
