import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { restaurantRows, toCsv } from './data/restaurant-data';

// The bundled sample: 150,000 rows in the assignment's schema, reproducible from its seed.
const target = 'static/sample/restaurants.csv';
const csv = toCsv(restaurantRows({ rows: 150_000, seed: 20_241_027, unusableCostShare: 0.0004 }), {
  columns: ['restaurant_names', 'food_names', 'first_name', 'food_cost'],
});
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, csv);
console.log(`sample: ${target} (${(csv.length / 1e6).toFixed(1)} MB)`);

// A second sample of another shape, read by link with HTTP range requests: the daily weather log the
// format fixtures write as Parquet (committed, small).
const weather = 'static/sample/weather.parquet';
copyFileSync('tests/fixtures/formats/weather.parquet', weather);
console.log(`sample: ${weather}`);
