// The test files of other formats, written from the CSV fixtures by other tools than the app's readers:
// Node's zlib, fflate, apache-arrow and native DuckDB. Run through `npm run fixtures`.
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { zipSync } from 'fflate';
import Papa from 'papaparse';
import { writeXlsx } from './write-xlsx';

const parse = (path: string) =>
  Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;

/** The first half of a file: what a download cut off midway leaves. */
const half = (bytes: Uint8Array) => bytes.subarray(0, Math.floor(bytes.length / 2));

const sqlPath = (path: string) => `'${path.replace(/'/g, "''")}'`;

export async function writeFormatFixtures(fixtures: string): Promise<void> {
  const dir = `${fixtures}/formats`;
  const write = (name: string, content: string | Uint8Array) => writeFileSync(`${dir}/${name}`, content);
  const part1 = readFileSync(`${fixtures}/part-1.csv`);
  const part2 = readFileSync(`${fixtures}/part-2.csv`);
  const rows = parse(`${fixtures}/part-1.csv`);

  const gz = gzipSync(part1, { level: 9 });
  write('part-1.csv.gz', gz);
  write('part-1.truncated.csv.gz', half(gz));

  const mtime = new Date('2024-01-01T00:00:00Z');
  const zip = zipSync(
    {
      'part-1.csv': [part1, { mtime }],
      'nested/part-2.csv': [part2, { mtime }],
      '__MACOSX/._part-1.csv': [new Uint8Array([0, 5, 22, 7]), { mtime }],
      'notes.pdf': [new TextEncoder().encode('%PDF-1.4 not data'), { mtime }],
    },
    { level: 6 },
  );
  write('parts.zip', zip);
  write('parts.truncated.zip', half(zip));

  // Costs as JSON numbers, the rest as strings: a reader must not lose 1.0's worth.
  const typed = rows.map((r) => ({ ...r, food_cost: Number(r.food_cost) }));
  write('part-1.json', `${JSON.stringify(typed, null, 2)}\n`);
  write('part-1.ndjson', typed.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const lines = JSON.stringify(typed.slice(0, 40), null, 2).split('\n');
  lines[57] = lines[57]?.replace(/"food_names": "/, '"food_names": ') ?? '';
  write('broken.json', lines.join('\n'));
  write(
    'nested.ndjson',
    [
      { id: 1, user: { name: 'Ann', address: { city: 'Lisbon' } }, tags: ['a', 'b'], paid: true },
      { id: 2, user: { name: 'Bob', address: { city: 'Porto' } }, tags: [], paid: false, note: 'late' },
      { id: 3, user: { name: '<b>Cy</b>' }, paid: null },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n') + '\n',
  );

  const arrow = tableToIPC(
    tableFromArrays({
      restaurant_names: rows.map((r) => r.restaurant_names ?? ''),
      food_names: rows.map((r) => r.food_names ?? ''),
      first_name: rows.map((r) => r.first_name ?? ''),
      food_cost: Float64Array.from(rows, (r) => Number(r.food_cost)),
    }),
    'file',
  );
  write('part-1.arrow', arrow);
  write('part-1.truncated.arrow', half(arrow));

  // A workbook: part-2's rows under a title, costs as numbers; a second sheet with dates and a group header.
  const part2Rows = parse(`${fixtures}/part-2.csv`);
  const header = ['restaurant_names', 'food_names', 'first_name', 'food_cost'];
  const orders = [
    ['Restaurant orders, part 2'],
    [],
    header,
    ...part2Rows.map((r) => [
      r.restaurant_names ?? '',
      r.food_names ?? '',
      r.first_name ?? '',
      Number(r.food_cost),
    ]),
  ];
  const readings = [
    [null, 'Temperature', null, 'Sky'],
    ['day', 'max', 'min', 'weather'],
    ...Array.from({ length: 10 }, (_, i) => [
      new Date(Date.UTC(2024, 0, 1 + i)),
      10 + i,
      i - 2,
      i % 3 === 0 ? 'rain' : 'sun',
    ]),
  ];
  const book = writeXlsx([
    { name: 'Orders', rows: orders },
    { name: 'Readings', rows: readings },
  ]);
  write('book.xlsx', book);
  write('book.truncated.xlsx', half(book));

  const db = await (await DuckDBInstance.create(':memory:')).connect();
  const csv = (name: string) => sqlPath(`${fixtures}/${name}`);
  await db.run(
    `COPY (SELECT restaurant_names, food_names, first_name, food_cost::DOUBLE AS food_cost
      FROM read_csv(${csv('part-1.csv')}, all_varchar = true))
    TO ${sqlPath(`${dir}/part-1.parquet`)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 1000)`,
  );
  await db.run(
    `COPY (SELECT date::DATE AS date, precipitation::DOUBLE AS precipitation, temp_max::DOUBLE AS temp_max,
        temp_min::DOUBLE AS temp_min, wind::DOUBLE AS wind, weather
      FROM read_csv(${csv('weather.csv')}, all_varchar = true))
    TO ${sqlPath(`${dir}/weather.parquet`)} (FORMAT parquet, COMPRESSION snappy)`,
  );
  write('part-1.truncated.parquet', half(readFileSync(`${dir}/part-1.parquet`)));
  // Damaged inside, its footer intact: the bytes of a data page inverted (the reader's WebAssembly traps).
  const plain = `${dir}/part-1.damaged.parquet`;
  await db.run(
    `COPY (SELECT * FROM read_parquet(${sqlPath(`${dir}/part-1.parquet`)}))
    TO ${sqlPath(plain)} (FORMAT parquet, COMPRESSION uncompressed)`,
  );
  const damaged = readFileSync(plain);
  const middle = Math.floor(damaged.length / 2);
  for (let i = middle - 2048; i < middle + 2048; i++) damaged[i] = (damaged[i] ?? 0) ^ 0xff;
  write('part-1.damaged.parquet', damaged);
}
