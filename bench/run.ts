// npm run bench [-- --sizes 150000,1000000,10000000] [--parquet 3000000] [--skip-build]
// Builds the site, serves it on 127.0.0.1, and drives headless Chromium through the real page; runs the
// peers in the same browser and native DuckDB in Node, on the same generated files; prints a table and
// writes .cache/bench/results.json and docs/benchmarks.md.
import { chromium } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { ensureRestaurantCsv } from '../scripts/data/write-restaurant-csv';
import { CHROMIUM_ARGS, chromiumExecutable } from '../tests/chromium';
import { ensureEventsCsv } from '../scripts/data/write-events-csv';
import { measureDropdash } from './measure-dropdash';
import { eventsTable, measureEvents, type EventsFigures } from './measure-events';
import { measureNative } from './measure-native';
import { measureWide, wideTable, type WideFigures } from './measure-wide';
import { ensureWideCsv } from '../scripts/data/write-wide-csv';
import { ensureRestaurantParquet } from '../scripts/data/write-restaurant-parquet';
import {
  measureParquet,
  mergeParquet,
  parquetSection,
  parquetTable,
  type ParquetFigures,
} from './measure-parquet';
import { measurePeer, type PeerFigures } from './measure-peers';
import { bundleFigures, type BundleFigures } from './bundle';
import { kilobytes, machine, mergeResults, table, type SizeResult } from './report';
import { targetsTable } from './targets';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '150000,1000000,10000000' },
    /** Sizes of the events file (the dashboard of any file); an empty value skips it. */
    events: { type: 'string', default: '1000000' },
    /** A wide file, columns x rows (the reader and profile of thousands of columns); empty skips it. */
    wide: { type: 'string', default: '2000x1000' },
    /** Rows of the restaurant file as Parquet, next to the same rows as CSV; empty skips it. */
    parquet: { type: 'string', default: '3000000' },
    'skip-build': { type: 'boolean' },
  },
});
const sizes = (values.sizes ?? '').split(',').filter(Boolean).map(Number);
const eventSizes = (values.events ?? '').split(',').filter(Boolean).map(Number);
const wideShapes = (values.wide ?? '')
  .split(',')
  .filter(Boolean)
  .map((shape) => shape.split('x').map(Number) as [number, number]);
const parquetSizes = (values.parquet ?? '').split(',').filter(Boolean).map(Number);
const APP = 'http://127.0.0.1:4191/';
const PEERS = 'http://127.0.0.1:4192/';

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

async function serve(args: string[], url: string): Promise<ChildProcess> {
  const server = spawn('npx', ['vite', 'preview', ...args], { stdio: 'ignore', detached: true });
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return server;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server at ${url} did not start`);
}

if (!values['skip-build']) run('npm', ['run', 'build']);
run('npx', ['vite', 'build', '--config', 'bench/harness/vite.config.ts']);
const servers = [
  await serve(['--port', '4191', '--host', '127.0.0.1', '--strictPort'], APP),
  await serve(['--config', 'bench/harness/vite.config.ts', '--port', '4192'], PEERS),
];
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
const results: SizeResult[] = [];
const events: EventsFigures[] = [];
const wide: WideFigures[] = [];
const parquet: ParquetFigures[] = [];
let bundle: BundleFigures | null = null;
try {
  for (const rows of sizes) {
    const file = ensureRestaurantCsv(`.cache/bench/restaurants-${rows}.csv`, rows, 4242);
    console.log(`\n${rows.toLocaleString('en-US')} rows: ${file}`);
    const dropdash = await measureDropdash(browser, APP, file);
    console.log(`  dropdash: drawn ${dropdash.dropToDrawnMs.toFixed(0)} ms`);
    const expected = {
      restaurants: dropdash.answers.restaurants,
      most: dropdash.answers.mostRestaurantsVisited,
    };
    const agree = (p: PeerFigures) =>
      p.answers !== null &&
      isDeepStrictEqual(
        { restaurants: p.answers.restaurants, most: p.answers.mostRestaurantsVisited },
        expected,
      );
    const papa = await measurePeer(browser, PEERS, file, 'papaparse');
    console.log(`  papaparse: ${papa.ms.toFixed(0)} ms ${papa.error ?? ''}`);
    const arquero = await measurePeer(browser, PEERS, file, 'arquero');
    console.log(`  arquero: ${arquero.ms.toFixed(0)} ms ${arquero.error ?? ''}`);
    const bare = await measurePeer(browser, PEERS, file, 'duckdb-wasm');
    console.log(`  bare duckdb-wasm: ${bare.ms.toFixed(0)} ms ${bare.error ?? ''}`);
    const native = await measureNative(file);
    console.log(`  native: ${native.ms.toFixed(0)} ms`);
    const { answers: _a, landingScripts, ...figures } = dropdash;
    bundle ??= bundleFigures('build', landingScripts);
    results.push({
      date: new Date().toISOString(),
      rows,
      bytes: statSync(file).size,
      dropdash: figures,
      papaparse: { ms: papa.ms, error: papa.error, agrees: agree(papa) },
      arquero: { ms: arquero.ms, error: arquero.error, agrees: agree(arquero) },
      bare: { ms: bare.ms, error: bare.error, agrees: agree(bare) },
      native: { ...native, agrees: true },
    });
  }
  for (const rows of eventSizes) {
    const file = ensureEventsCsv(`.cache/bench/events-${rows}.csv`, rows, 4343);
    console.log(`\n${rows.toLocaleString('en-US')} events: ${file}`);
    const figures = await measureEvents(browser, APP, file, rows, statSync(file).size);
    console.log(`  drawn ${figures.dropToDrawnMs} ms; interactions p95 ${figures.interactionP95Ms} ms`);
    events.push(figures);
  }
  for (const [columns, rows] of wideShapes) {
    const file = ensureWideCsv(`.cache/bench/wide-${columns}x${rows}.csv`, columns, rows, 2121);
    console.log(`\n${columns} columns × ${rows} rows: ${file}`);
    const figures = await measureWide(browser, APP, file, { columns, rows, bytes: statSync(file).size });
    console.log(
      `  loaded ${figures.loadMs} ms; drawn ${figures.dropToDrawnMs} ms; profile ${figures.dropToProfileMs} ms`,
    );
    wide.push(figures);
  }
  for (const rows of parquetSizes) {
    const files = await ensureRestaurantParquet(`.cache/bench/restaurants-${rows}`, rows, 4242);
    console.log(`\n${rows.toLocaleString('en-US')} rows as Parquet and as CSV: ${files.parquet}`);
    const figures = await measureParquet(browser, APP, { rows, ...files });
    console.log(
      `  Parquet drawn ${figures.parquet.dropToDrawnMs} ms; CSV drawn ${figures.csv.dropToDrawnMs} ms`,
    );
    parquet.push(figures);
  }
} finally {
  await browser.close();
  for (const server of servers) if (server.pid) process.kill(-server.pid);
}

const where = machine(`Chromium ${browser.version()}`);
console.log(`\n${where}\n\n${table(results)}`);
const RESULTS = '.cache/bench/results.json';
const previous = existsSync(RESULTS)
  ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as { results: SizeResult[] }).results
  : [];
const all = mergeResults(previous, results);
// A run of the events alone keeps the bundle figures of the last run that measured them.
bundle ??= existsSync(RESULTS)
  ? ((JSON.parse(readFileSync(RESULTS, 'utf8')) as { bundle?: BundleFigures | null }).bundle ?? null)
  : null;
const previousEvents = existsSync(RESULTS)
  ? ((JSON.parse(readFileSync(RESULTS, 'utf8')) as { events?: EventsFigures[] }).events ?? [])
  : [];
const eventSizesRun = new Set(events.map((e) => e.rows));
const allEvents = [...previousEvents.filter((e) => !eventSizesRun.has(e.rows)), ...events].sort(
  (a, b) => a.rows - b.rows,
);
if (allEvents.length > 0) console.log(`\n${eventsTable(allEvents)}`);
const previousWide = existsSync(RESULTS)
  ? ((JSON.parse(readFileSync(RESULTS, 'utf8')) as { wide?: WideFigures[] }).wide ?? [])
  : [];
const wideRun = new Set(wide.map((w) => `${w.columns}x${w.rows}`));
const allWide = [...previousWide.filter((w) => !wideRun.has(`${w.columns}x${w.rows}`)), ...wide];
if (allWide.length > 0) console.log(`\n${wideTable(allWide)}`);
const previousParquet = existsSync(RESULTS)
  ? ((JSON.parse(readFileSync(RESULTS, 'utf8')) as { parquet?: ParquetFigures[] }).parquet ?? [])
  : [];
const allParquet = mergeParquet(previousParquet, parquet);
if (allParquet.length > 0) console.log(`\n${parquetTable(allParquet)}`);
const scripts = bundle
  ? `App JavaScript (gzip -9): ${kilobytes(bundle.initialJsGzBytes)} fetched by the landing view, ` +
    `${kilobytes(bundle.totalJsGzBytes)} with every lazy chunk; the engine worker and DuckDB's wasm aside.`
  : '';
console.log(scripts);
const eventsSection =
  allEvents.length === 0
    ? ''
    : `\n\n## The dashboard of any file: events\n\nA generated events file (a timestamp, 8 dimensions of 3 to 100,000 values, 4 numbers), dropped on the page; then, per dimension, a value picked (its first interaction, shown apart), a second one, exclude, include, both taken off; a measure switch and a brush of the series. Each until every panel is drawn again.\n\n${eventsTable(allEvents)}`;
const wideSection =
  allWide.length === 0
    ? ''
    : `\n\n## A wide file\n\nA generated CSV of thousands of columns (one in ten text, the rest numbers with 5% empty), dropped on the page: the load, the dashboard drawn, the column profile listed. The profile's passes unpivoted instead of one aggregate set per column (A/B on 2026-12-08, two runs each, alternating): drop → profile listed 18.8 and 19.9 s before, 16.7 and 16.9 s after; the profile's own time, after the dashboard is drawn, 9.3 and 9.5 s before, 6.9 and 7.0 s after. The longest main-thread task went from 298–359 ms in those runs to 156 ms once the column pickers (five role selects and the model's two, 2,000 options each) were put on the page a slice a frame.\n\n${wideTable(allWide)}`;
const markdown = `${table(all)}\n\n${scripts}${eventsSection}${wideSection}${parquetSection(allParquet)}\n\n## Targets\n\n${targetsTable(all, bundle)}`;
mkdirSync('.cache/bench', { recursive: true });
writeFileSync(
  RESULTS,
  JSON.stringify(
    {
      machine: where,
      date: new Date().toISOString(),
      bundle,
      results: all,
      events: allEvents,
      wide: allWide,
      parquet: allParquet,
    },
    null,
    2,
  ),
);
writeFileSync(
  'docs/benchmarks.md',
  `# Benchmarks\n\nLatest \`npm run bench\` on ${where}, ${new Date().toISOString().slice(0, 10)}.\n` +
    `Every figure is one run (the date says when each size last ran); ratios are the peer's time over ` +
    `Dropdash's drop → drawn.\n\n${markdown}\n`,
);
