import { describe, expect, it } from 'vitest';
import { columnLabel, keptLabels, renameColumn } from './column-label';
import type { MetricsModel } from './metrics-model';

const column = (name: string) => ({
  name,
  column: name.toLowerCase(),
  type: 'text' as const,
  timeFormat: null,
  sampleDistinct: 3,
  scale: 0,
});
const model: MetricsModel = {
  columns: [column('weather'), column('station'), column('city')],
  dimensions: ['weather', 'station'],
  measures: [{ key: 'count', aggregation: 'count', column: null, label: 'Rows', format: 'plain' }],
  time: null,
  rows: 10,
};

const renamed = (m: MetricsModel, name: string, label: string) => {
  const result = renameColumn(m, name, label);
  if ('error' in result) throw new Error(result.error);
  return result.model;
};

describe('renameColumn', () => {
  it('names a column for the page and keeps everything else', () => {
    const next = renamed(model, 'weather', '  Sky   today ');
    expect(columnLabel(next, 'weather')).toBe('Sky today');
    expect(columnLabel(next, 'station')).toBe('station');
    expect(next.dimensions).toEqual(model.dimensions);
    expect(next.columns).toEqual(model.columns);
  });

  it('gives the header name back for an empty name or the header name itself', () => {
    const named = renamed(model, 'weather', 'Sky');
    expect(renamed(named, 'weather', '   ').labels).toEqual({});
    expect(renamed(named, 'weather', 'weather').labels).toEqual({});
  });

  it('refuses a name another column already goes by, whatever its case', () => {
    expect(renameColumn(model, 'weather', 'Station')).toEqual({
      error: 'Station already names the column station.',
    });
    const named = renamed(model, 'city', 'Town');
    expect(renameColumn(named, 'weather', 'town')).toEqual({ error: 'town already names the column city.' });
    expect(renameColumn(model, 'nope', 'x')).toEqual({ error: 'No column is called nope.' });
  });

  it('bounds a long name', () => {
    expect(columnLabel(renamed(model, 'city', 'x'.repeat(500)), 'city')).toHaveLength(60);
  });
});

describe('keptLabels', () => {
  it('keeps text labels of the model columns only', () => {
    expect(keptLabels({ weather: 'Sky', ghost: 'Boo', city: 42, station: '' }, model)).toEqual({
      weather: 'Sky',
    });
    expect(keptLabels('nonsense', model)).toEqual({});
    expect(keptLabels(null, model)).toEqual({});
  });
});
