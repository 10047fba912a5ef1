// Writes the small test files under tests/fixtures from fixed seeds. Run: npx tsx scripts/generate-fixtures.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { restaurantRows, toCsv, type RestaurantRow } from './data/restaurant-data';
import { seededRandom } from './data/random';
import { SALES_COLUMNS, salesRows } from './data/sales-data';
import { dialectCorpus } from './data/dialect-corpus';
import { writeFormatFixtures } from './data/format-fixtures';
import { eventRows, incidentRows, numberRows, weatherRows, wordRows } from './data/shaped-data';

const dir = 'tests/fixtures';
mkdirSync(dir, { recursive: true });
const write = (name: string, content: string | Uint8Array) => writeFileSync(`${dir}/${name}`, content);
const COLUMNS = ['restaurant_names', 'food_names', 'first_name', 'food_cost'];
const rows = (n: number, seed: number, unusableCostShare = 0) => [
  ...restaurantRows({ rows: n, seed, unusableCostShare }),
];

// Ties built on purpose; the expected answers are written out by hand in the tests.
const tie = (
  restaurant_names: string,
  food_names: string,
  first_name: string,
  food_cost: string,
): RestaurantRow => ({
  restaurant_names,
  food_names,
  first_name,
  food_cost,
});
write(
  'ties.csv',
  toCsv(
    [
      tie('alpha', 'beans', 'Ann', '1.0'),
      tie('alpha', 'beans', 'Bob', '2.0'),
      tie('alpha', 'chips', 'Ann', '1.5'),
      tie('alpha', 'chips', 'Bob', '1.5'),
      tie('alpha', 'corn', 'Cy', '3.0'),
      tie('beta', 'tea', 'Ann', '2.5'),
      tie('beta', 'tea', 'Cy', 'N/A'),
      tie('beta', 'soup', 'Cy', '4.0'),
      tie('beta', '', 'Dee', '1.0'),
      tie('beta', 'soup', '', ''),
    ],
    { columns: COLUMNS },
  ),
);

// Another column order, extra columns, CRLF line ends and a byte order mark.
const random = seededRandom(7);
write(
  'shuffled-extra-columns.csv',
  toCsv(
    rows(3000, 11).map((r, i) => ({
      order_id: String(i + 1),
      ...r,
      table: String(1 + Math.floor(random() * 30)),
    })),
    {
      columns: ['food_cost', 'order_id', 'first_name', 'table', 'restaurant_names', 'food_names'],
      newline: '\r\n',
      bom: true,
    },
  ),
);

// Quoted fields holding delimiters, quotes and line breaks.
write(
  'quoted.csv',
  toCsv(
    rows(1500, 12).map((r, i) =>
      i % 7 === 0
        ? { ...r, food_names: `${r.food_names}, "house" style`, first_name: `${r.first_name}\nJr.` }
        : r,
    ),
    { columns: COLUMNS, quoteAll: true },
  ),
);

write('semicolon.csv', toCsv(rows(2000, 13), { columns: COLUMNS, delimiter: ';' }));
write('tab.tsv', toCsv(rows(1200, 14), { columns: COLUMNS, delimiter: '\t' }));

// Unusable costs everywhere, including far past the type sniffer's sample.
write(
  'unusable-costs.csv',
  toCsv(
    rows(21_000, 15).map((r, i) =>
      i > 20_500 && i % 9 === 0 ? { ...r, food_cost: ['N/A', '', 'n.a.', '12,50'][i % 4] as string } : r,
    ),
    { columns: COLUMNS },
  ),
);

write('part-1.csv', toCsv(rows(2500, 16), { columns: COLUMNS }));
write(
  'part-2.csv',
  toCsv(rows(1800, 17), { columns: ['first_name', 'food_cost', 'restaurant_names', 'food_names'] }),
);

// Hostile values: markup, SQL and template syntax must stay plain text.
write(
  'hostile-values.csv',
  toCsv(
    [
      tie('<img src=x onerror=alert(1)>', '"; DROP TABLE raw_visits; --', '{{constructor}}', '2.5'),
      tie('<img src=x onerror=alert(1)>', '<script>alert(2)</script>', '{{constructor}}', '1.0'),
      tie("O'Brien's <b>diner</b>", '"; DROP TABLE raw_visits; --', '<svg onload=alert(3)>', '3.0'),
    ],
    { columns: COLUMNS },
  ),
);

// Latin-1 text (not UTF-8): é is the single byte 0xE9.
const latin = toCsv(
  [tie('café-bistro', 'crème brûlée', 'José', '4.5'), tie('café-bistro', 'thé', 'Zoë', '2.0')],
  { columns: COLUMNS },
);
write('latin1.csv', Uint8Array.from([...latin].map((c) => c.charCodeAt(0))));

write('pipe.psv', toCsv(rows(900, 18), { columns: COLUMNS, delimiter: '|' }));

// Duplicate and empty column names among the extra columns: the four needed ones are still found.
write(
  'odd-headers.csv',
  ['notes,restaurant_names,notes,food_names,first_name,food_cost,']
    .concat(
      rows(700, 19).map(
        (r, i) => `n${i},${r.restaurant_names},m${i},${r.food_names},${r.first_name},${r.food_cost},`,
      ),
    )
    .join('\n') + '\n',
);

// Other column names (roles to map), with a date column.
write('sales.csv', toCsv(salesRows(3000, 21), { columns: [...SALES_COLUMNS] }));

// Column names that are markup and SQL, and one that is a lineage column's name: they stay names.
write(
  'hostile-columns.csv',
  [
    'shop,"""; DROP TABLE x; --","<img src=x onerror=alert(1)>",dd_row_id',
    'north,x,<b>1</b>,2.5',
    'south,y,2,4',
    'north,y,3,N/A',
    '',
  ].join('\n'),
);

// Bad input: each must fail with its own message and leave loaded data untouched.
write('empty.csv', '');
write(
  'unclosed-quote.csv',
  [COLUMNS.join(','), 'alpha,beans,Ann,1.0', 'alpha,"chips,Bob,2.0', 'beta,tea,Cy,3.0', ''].join('\n'),
);
write('header-only.csv', COLUMNS.join(',') + '\n');
write('missing-columns.csv', 'store,item,price\nalpha,beans,1.0\n');
write(
  'not-a-csv.csv',
  Uint8Array.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0,
  ]),
);
write(
  'malformed-rows.csv',
  [
    COLUMNS.join(','),
    'alpha,beans,Ann,1.0',
    'alpha,beans,Bob',
    'alpha,chips,Cy,2.0,extra',
    'beta,tea,Dee,3.0',
    '',
  ].join('\n'),
);
console.log(`fixtures written to ${dir}`);

// Files of other shapes, for the dashboard of any model.
write('weather.csv', toCsv(weatherRows(1461, 31)));
write('incidents.csv', toCsv(incidentRows(2500, 32)));
write('events.csv', toCsv(eventRows(4000, 1500, 33)));
write('readings.csv', toCsv(numberRows(800, 34)));
write('trees.csv', toCsv(wordRows(600, 35)));

// The CSV dialects real files come in (headerless, title lines, trailing delimiters, UTF-16…).
mkdirSync(`${dir}/dialects`, { recursive: true });
for (const file of dialectCorpus()) write(`dialects/${file.name}`, file.content);

// The same rows in other formats (gzip, ZIP, JSON, Arrow, Parquet), and each cut short.
mkdirSync(`${dir}/formats`, { recursive: true });
await writeFormatFixtures(dir);
