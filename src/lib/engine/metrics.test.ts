import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MetricsFilter } from '$lib/models/metrics/metrics-filters';
import type { MetricsModel } from '$lib/models/metrics/metrics-model';
import { ingestPath, openTestDatabase } from '$lib/testing/node-duckdb';
import {
  filtered,
  leaderboard,
  measure,
  parseCsv,
  type OracleFilter,
} from '../../../tests/support/metrics-oracle';
import { inferMetricsModel, readMetricsPanels } from './metrics';
import { ModelCubes } from './model-cubes';

let db: Awaited<ReturnType<typeof openTestDatabase>>;
let cubes: ModelCubes;
beforeEach(async () => {
  db = await openTestDatabase();
  cubes = new ModelCubes(db, 0);
});
afterEach(() => db.close());

const fixture = (name: string) => `tests/fixtures/${name}`;
/** Figures to 12 significant digits: a cube adds the same values in another order than a scan. */
const rounded = (value: unknown): unknown =>
  JSON.parse(
    JSON.stringify(value, (_, x: unknown) => (typeof x === 'number' ? Number(x.toPrecision(12)) : x)),
  );

async function load(name: string) {
  const outcome = await ingestPath(db, fixture(name));
  if (!('datasetId' in outcome)) throw new Error(`${name} did not load`);
  return { datasetId: outcome.datasetId, model: await inferMetricsModel(db, outcome.datasetId) };
}

/** Every KPI and every leaderboard row the engine answers, against the oracle over Papa Parse's records. */
async function expectOracle(
  name: string,
  datasetId: number,
  model: MetricsModel,
  measureKey: string,
  filters: MetricsFilter[],
  oracleFilters: OracleFilter[],
) {
  const records = parseCsv(readFileSync(fixture(name), 'utf8'));
  const request = { datasetId, files: null, model, measure: measureKey, filters };
  const panels = await readMetricsPanels(db, new ModelCubes(db, Infinity), request);
  // The cube answers the same (where it can: a number range always reads the rows).
  expect(rounded(await readMetricsPanels(db, cubes, request))).toEqual(rounded(panels));
  const kept = filtered(records, oracleFilters);
  expect(panels.rows).toBe(kept.length);
  model.measures.forEach((m, i) => {
    const expected = measure(kept, m.key);
    if (expected === null) expect(panels.kpis[i]).toBeNull();
    else expect(panels.kpis[i], m.key).toBeCloseTo(expected, 6);
  });
  for (const board of panels.leaderboards) {
    const expected = leaderboard(records, board.column, measureKey, oracleFilters).slice(0, 10);
    const shown = board.rows.filter((r) => r.rank <= 10);
    expect(
      shown.map((r) => r.value),
      board.column,
    ).toEqual(expected.map((r) => r.value));
    shown.forEach((r, i) => expect(r.measure).toBeCloseTo(expected[i]?.measure ?? NaN, 6));
  }
  return panels;
}

describe('the metrics model', () => {
  it('finds a weather log’s time column, its grouping column and its numbers from their values', async () => {
    const { model } = await load('weather.csv');
    expect(model.time).toEqual({ column: 'date', grain: 'month' });
    expect(model.dimensions).toEqual(['weather']);
    expect(model.measures.map((m) => m.key)).toEqual([
      'count',
      'sum:precipitation',
      'avg:precipitation',
      'sum:temp_max',
      'avg:temp_max',
      'sum:temp_min',
      'avg:temp_min',
      'sum:wind',
      'avg:wind',
    ]);
  });

  it('reads US dates, groups by every short text column and never sums a cost named as an id', async () => {
    const { model } = await load('incidents.csv');
    const flightDate = model.columns.find((c) => c.name === 'Flight Date');
    expect(flightDate).toMatchObject({ type: 'time', timeFormat: '%m/%d/%Y' });
    expect(model.time?.column).toBe('Flight Date');
    expect(model.dimensions).toEqual([
      'Airport Name',
      'Aircraft Model',
      'Damage',
      'Operator',
      'Origin State',
      'Phase of Flight',
      'Wildlife Size',
      'Wildlife Species',
      'Time of Day',
    ]);
    expect(model.measures.map((m) => m.key)).toContain('sum:Cost Repair');
    expect(model.measures.find((m) => m.key === 'sum:Cost Repair')?.format).toBe('money');
  });

  it('counts distinct users of an events log, whose ISO timestamps are its time', async () => {
    const { model } = await load('events.csv');
    expect(model.time).toEqual({ column: 'event_time', grain: 'day' });
    expect(model.measures.map((m) => m.key)).toContain('distinct:user_id');
    expect(model.dimensions).toContain('user_id');
  });
});

describe('the metrics panels', () => {
  it('equal an independent computation, before and after a click, an exclude and a time span', async () => {
    const { datasetId, model } = await load('incidents.csv');
    await expectOracle('incidents.csv', datasetId, model, 'count', [], []);
    const damage: MetricsFilter = {
      kind: 'values',
      column: 'Damage',
      values: ['Minor', 'Substantial'],
      exclude: false,
    };
    await expectOracle('incidents.csv', datasetId, model, 'sum:Cost Repair', [damage], [damage]);
    const notDenver: MetricsFilter = {
      kind: 'values',
      column: 'Airport Name',
      values: ['DENVER INTL'],
      exclude: true,
    };
    const span = {
      kind: 'time' as const,
      column: 'Flight Date',
      from: '2003-01-01T00:00:00',
      to: '2005-07-01T00:00:00',
    };
    const usDate = (text: string) => {
      const [m, d, y] = text.split('/').map(Number);
      return m && d && y ? Date.UTC(y, m - 1, d) : null;
    };
    const panels = await expectOracle(
      'incidents.csv',
      datasetId,
      model,
      'avg:Speed',
      [damage, notDenver, span],
      [damage, notDenver, { ...span, parse: usDate }],
    );
    // The airports' own leaderboard keeps Denver (its own filter is not applied to it), marked selected.
    expect(panels.leaderboards.find((b) => b.column === 'Airport Name')?.rows.map((r) => r.value)).toContain(
      'DENVER INTL',
    );
    expect(panels.series?.points.length).toBeGreaterThan(100);
  });

  it('reads a user id of many values from the rows and the rest from the cube, with the same figures', async () => {
    const { datasetId, model } = await load('events.csv');
    const country: MetricsFilter = {
      kind: 'values',
      column: 'country',
      values: ['PT', 'ES'],
      exclude: false,
    };
    await expectOracle('events.csv', datasetId, model, 'sum:revenue', [country], [country]);
    const held = await cubes.sources('events', datasetId, model, [country]);
    expect(held.cube?.plan.dimensions).toEqual(['event', 'country', 'device']);
  });

  it('keeps missing values as a value of their own, and a selected value past the first ten rows', async () => {
    const { datasetId, model } = await load('weather.csv');
    const missing: MetricsFilter = { kind: 'values', column: 'weather', values: [null], exclude: false };
    const panels = await expectOracle('weather.csv', datasetId, model, 'avg:temp_max', [missing], [missing]);
    expect(panels.rows).toBe(16);
    const board = panels.leaderboards[0];
    expect(board?.rows.map((r) => r.value)).toContain(null);
    const events = await load('events.csv');
    const rare: MetricsFilter = { kind: 'values', column: 'user_id', values: ['u001400'], exclude: false };
    const read = await readMetricsPanels(db, cubes, {
      datasetId: events.datasetId,
      files: null,
      model: events.model,
      measure: 'count',
      filters: [rare],
    });
    const users = read.leaderboards.find((b) => b.column === 'user_id');
    expect(users?.rows.at(-1)).toMatchObject({ value: 'u001400' });
    expect(users?.rows.at(-1)?.rank).toBeGreaterThan(10);
  });
});
