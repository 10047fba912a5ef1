import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeMeasure, type MetricsModel } from '$lib/models/metrics/metrics-model';
import { rememberedModel, rememberModel } from './model-memory';

const inferred: MetricsModel = {
  columns: [{ name: 'wind', column: 'c1', type: 'decimal', timeFormat: null, sampleDistinct: 9, scale: 1 }],
  dimensions: [],
  measures: [makeMeasure('count', null), makeMeasure('sum', 'wind')],
  time: null,
  rows: 10,
};

describe('a changed model, kept for files with the same columns', () => {
  let stored: Record<string, string>;
  beforeEach(() => {
    stored = {};
    globalThis.localStorage = {
      getItem: (key: string) => stored[key] ?? null,
      setItem: (key: string, value: string) => void (stored[key] = value),
    } as Storage;
  });
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'localStorage');
  });

  it('keeps a measure’s name and number format', () => {
    const named = { ...makeMeasure('max', 'wind'), label: 'Gust', format: 'percent' as const };
    rememberModel('sig', { ...inferred, measures: [named] });
    expect(rememberedModel('sig', inferred)?.measures).toEqual([named]);
  });

  it('treats what it reads back as untrusted: a bad name or format falls back, a bad measure drops it', () => {
    const kept = (measures: unknown[]) =>
      (stored['dropdash:models'] = JSON.stringify({ sig: { dimensions: [], measures, time: null } }));
    kept([{ aggregation: 'sum', column: 'wind', label: 42, format: '<b>' }]);
    expect(rememberedModel('sig', inferred)?.measures).toEqual([makeMeasure('sum', 'wind')]);
    kept([{ aggregation: 'sum', column: 'nowhere', label: 'x', format: 'plain' }]);
    expect(rememberedModel('sig', inferred)).toBeNull();
  });

  it('keeps the names given to columns, and only those of columns the file still has', () => {
    rememberModel('sig', { ...inferred, labels: { wind: 'Wind speed' } });
    expect(rememberedModel('sig', inferred)?.labels).toEqual({ wind: 'Wind speed' });
    stored['dropdash:models'] = JSON.stringify({
      sig: {
        dimensions: [],
        measures: [{ aggregation: 'count' }],
        time: null,
        labels: { gone: 'x', wind: 7 },
      },
    });
    expect(rememberedModel('sig', inferred)?.labels).toEqual({});
  });
});
