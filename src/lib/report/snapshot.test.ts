import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { QueryPanel } from './query-panel';
import { readPanels } from './report-panels';
import { buildSnapshot } from './snapshot-build';
import {
  decodePayload,
  encodePayload,
  parseSnapshotJson,
  SnapshotError,
  toBase64Url,
} from './snapshot-codec';
import { payloadFromHash, shareUrl } from './snapshot-link';
import { sampleInput, sampleSnapshot } from './snapshot-sample.test-data';
import { LIMITS } from './snapshot-schema';
import { scopeView } from './snapshot-view';

const withChange = (change: (s: Record<string, unknown>) => void) => {
  const value = JSON.parse(JSON.stringify(sampleSnapshot())) as Record<string, unknown>;
  change(value);
  return JSON.stringify(value);
};
const data = (s: Record<string, unknown>) => s.data as { restaurants: unknown[] };
const problem = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(SnapshotError);
    return (error as Error).message;
  }
  throw new Error('expected a SnapshotError');
};

describe('snapshot build', () => {
  it('holds the dashboard state: sources, selection, panels with their settings, one scope per restaurant', () => {
    const snapshot = sampleSnapshot();
    expect(snapshot.schema).toBe('dropdash.snapshot/1');
    expect(snapshot.sources).toEqual([
      { name: 'orders.csv', bytes: 120, rows: 3, contentHash: 'xxh128:95536e4e59ff8dacd791c9f4f62a1dd3' },
    ]);
    expect(snapshot.restaurant).toBe('alpha');
    expect(snapshot.data.scopes.map((s) => s.restaurant)).toEqual([null, 'alpha']);
    expect(readPanels(snapshot.panels).settings).toEqual({ matrixMetric: 'revenue', rankMetric: 'orders' });
    expect(snapshot.answers.schema).toBe('dropdash.answers/1');
    expect(scopeView(snapshot, 'alpha').scope.restaurant).toBe('alpha');
    expect(scopeView(snapshot, 'missing').scope.restaurant).toBeNull();
  });

  it('keeps only the files the dashboard was narrowed to', () => {
    const input = sampleInput();
    const second = { ...input.dataset.sources[0]!, sourceId: 2, name: 'other.csv' };
    input.dataset = {
      ...input.dataset,
      selection: { dataset: 1, sources: [2] },
      sources: [...input.dataset.sources, second],
    };
    const result = buildSnapshot(input);
    expect(result.ok && result.snapshot.sources.map((s) => s.name)).toEqual(['other.csv']);
  });

  it('refuses a dashboard whose values it could not read back, saying which', () => {
    const result = buildSnapshot(sampleInput('x'.repeat(LIMITS.text + 1)));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toMatch(
      /data\.restaurants\.0\.mostPopular\.dishes\.0 is longer than 1000/,
    );
  });

  it('refuses one larger than 1 MB', () => {
    const input = sampleInput();
    const many = Array.from({ length: 400 }, (_, i) => `customer number ${i} with a long name`);
    input.dataset = {
      ...input.dataset,
      mostRestaurants: { restaurants: 1, customers: many.concat(many, many, many) },
    };
    input.dataset.restaurants = Array.from({ length: 400 }, (_, i) => ({
      ...input.dataset.restaurants[0]!,
      name: `restaurant ${i}`,
      topVisitors: { visits: 1, customers: many },
    }));
    const result = buildSnapshot(input);
    expect(!result.ok && result.problem).toMatch(/too much for a snapshot .* up to 1 MB/);
  });
});

describe('share link payload', () => {
  it('round-trips through fflate and base64url, in the fragment only', () => {
    const snapshot = sampleSnapshot();
    const payload = encodePayload(snapshot);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePayload(payload)).toEqual(snapshot);
    const url = shareUrl('https://dropdash.example/app/?x=1#old', payload);
    expect(url).toBe(`https://dropdash.example/app/?x=1#snapshot=${payload}`);
    expect(payloadFromHash(new URL(url).hash)).toBe(payload);
    expect(payloadFromHash('#other')).toBeNull();
  });

  it('rejects a tampered, cut or foreign payload with a clear message', () => {
    const payload = encodePayload(sampleSnapshot());
    const flipped = payload.slice(0, 40) + (payload[40] === 'A' ? 'B' : 'A') + payload.slice(41);
    expect(problem(() => decodePayload(flipped))).toMatch(/damaged|not valid|not a Dropdash|JSON/);
    expect(problem(() => decodePayload(payload.slice(0, payload.length / 2)))).toMatch(/damaged/);
    expect(problem(() => decodePayload('<script>alert(1)</script>'))).toMatch(
      /characters a Dropdash link never has/,
    );
    expect(problem(() => decodePayload(toBase64Url(strToU8('plain text'))))).toMatch(/damaged/);
    expect(problem(() => decodePayload(toBase64Url(deflateSync(strToU8('{"a":1}')))))).toBe(
      'it is not a Dropdash snapshot.',
    );
  });

  it('stops unpacking a zip bomb at the size cap', () => {
    const bomb = toBase64Url(deflateSync(new Uint8Array(8 * 1024 * 1024).fill(32), { level: 9 }));
    expect(bomb.length).toBeLessThan(200_000);
    expect(problem(() => decodePayload(bomb))).toMatch(/unpacks to more than 1 MB/);
    expect(problem(() => decodePayload('A'.repeat(600_000)))).toMatch(/too large/);
  });
});

describe('snapshot schema', () => {
  it('carries a customer and a range the dashboard was narrowed to, and older snapshots read without them', () => {
    const range = {
      kind: 'date',
      column: 'order_date',
      name: 'Order date',
      from: '2024-03-01',
      to: '2024-03-31',
    };
    const narrowed = parseSnapshotJson(withChange((s) => Object.assign(s, { customer: 'Ann', range })));
    expect([narrowed.customer, narrowed.range]).toEqual(['Ann', range]);
    expect(scopeView(narrowed, null).scope).toMatchObject({ customer: 'Ann', range });
    const older = parseSnapshotJson(withChange((s) => (delete s.customer, delete s.range)));
    expect([older.customer, older.range]).toEqual([null, null]);
    const bad = withChange((s) => Object.assign(s, { range: { ...range, to: '<img src=x>' } }));
    expect(problem(() => parseSnapshotJson(bad))).toMatch(/range\.to is not a YYYY-MM-DD date/);
  });

  it('names the field and what is wrong with it', () => {
    const wrongType = withChange((s) => ((data(s).restaurants[0]! as Record<string, unknown>).visits = '3'));
    expect(problem(() => parseSnapshotJson(wrongType))).toBe(
      'it is not a valid snapshot: data.restaurants.0.visits should be number but is "3".',
    );
    const negative = withChange((s) => ((data(s).restaurants[0]! as Record<string, unknown>).visits = -1));
    expect(problem(() => parseSnapshotJson(negative))).toMatch(/data\.restaurants\.0\.visits/);
    const markup = withChange((s) => ((s.sources as Record<string, unknown>[])[0]!.contentHash = '<b>'));
    expect(problem(() => parseSnapshotJson(markup))).toMatch(/sources\.0\.contentHash is not a content hash/);
    const missing = withChange((s) => delete (s.data as Record<string, unknown>).totals);
    expect(problem(() => parseSnapshotJson(missing))).toBe(
      'it is not a valid snapshot: data.totals is missing.',
    );
    const noScope = withChange((s) => (s.restaurant = 'beta'));
    expect(problem(() => parseSnapshotJson(noScope))).toMatch(/selected restaurant it holds no figures for/);
  });

  it('refuses too many rows, too much text and other versions', () => {
    const names = Array.from({ length: LIMITS.tied + 1 }, () => 'a');
    const rows = withChange(
      (s) => ((s.data as { mostRestaurants: { customers: string[] } }).mostRestaurants.customers = names),
    );
    expect(problem(() => parseSnapshotJson(rows))).toMatch(
      /data\.mostRestaurants\.customers has more than 5,000 entries/,
    );
    expect(problem(() => parseSnapshotJson(' '.repeat(LIMITS.jsonBytes + 1)))).toMatch(/larger than 1 MB/);
    expect(problem(() => parseSnapshotJson('{"schema":"dropdash.snapshot/2"}'))).toMatch(
      /made in the format dropdash\.snapshot\/2; this Dropdash reads dropdash\.snapshot\/1/,
    );
    expect(problem(() => parseSnapshotJson('{nope'))).toBe('it is not valid JSON.');
    expect(problem(() => parseSnapshotJson('null'))).toBe('it is not a Dropdash snapshot.');
  });

  it('keeps unknown panels out of what it draws, and unknown fields out of the output', () => {
    const json = withChange((s) => {
      (s.panels as unknown[]).push({ id: 'sql-query', sql: 'SELECT 1', rows: [[1]] });
      s.__proto__polluted = true;
      (s as { constructor?: unknown }).constructor = { prototype: { polluted: true } };
    });
    const snapshot = parseSnapshotJson(json.replace('"__proto__polluted"', '"__proto__"'));
    const panels = readPanels(snapshot.panels);
    expect(panels.unknown).toBe(1);
    expect(panels.visible.has('dish-matrix')).toBe(true);
    expect(snapshot.panels.at(-1)).toEqual({ id: 'sql-query' });
    expect(Object.keys(snapshot)).not.toContain('constructor');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('carries SQL query panels with their chart points and first rows, and reads them back', () => {
    const query: QueryPanel = {
      id: 'q1',
      title: 'Revenue <b>per</b> dish',
      sql: 'SELECT dish, sum(cost) AS revenue FROM t GROUP BY ALL',
      chart: { type: 'bar', x: 'dish', xKind: 'text', y: 'revenue' },
      data: { points: [{ x: 'soup', y: 5 }], total: 1, note: null },
      columns: [
        { name: 'dish', kind: 'text' },
        { name: 'revenue', kind: 'number' },
      ],
      rows: [['soup', 5]],
      rowCount: 1,
      truncated: false,
      createdAt: '2026-12-01T12:00:00.000Z',
    };
    const result = buildSnapshot({ ...sampleInput(), queryPanels: [query] });
    if (!result.ok) throw new Error(result.problem);
    const panels = readPanels(parseSnapshotJson(result.json).panels);
    expect(panels.queries).toEqual([query]);
    expect(panels.unknown).toBe(0);

    const tampered = result.json.replace('"sql":"SELECT', `"sql":"${'x'.repeat(LIMITS.sql)}`);
    expect(problem(() => parseSnapshotJson(tampered))).toMatch(/panels\.\d+\.query\.sql is longer than/);
  });
});
