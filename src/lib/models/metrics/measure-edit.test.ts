import { describe, expect, it } from 'vitest';
import { editMeasure } from './measure-edit';
import { makeMeasure, type MetricsModel } from './metrics-model';

const column = (name: string, type: 'decimal' | 'text') => ({
  name,
  column: `c_${name}`,
  type,
  timeFormat: null,
  sampleDistinct: 10,
  scale: 1,
});
const model: MetricsModel = {
  columns: [column('wind', 'decimal'), column('weather', 'text')],
  dimensions: ['weather'],
  measures: [makeMeasure('count', null), makeMeasure('sum', 'wind'), makeMeasure('avg', 'wind')],
  time: null,
  rows: 100,
};
const edited = (key: string, edit: Parameters<typeof editMeasure>[2]) => {
  const result = editMeasure(model, key, edit);
  if ('error' in result) throw new Error(result.error);
  return result;
};

describe('editing a measure', () => {
  it('renames it and sets how it reads; its key stays', () => {
    const { model: next, key } = edited('sum:wind', { label: '  Wind   run ', format: 'percent' });
    expect(key).toBe('sum:wind');
    expect(next.measures[1]).toMatchObject({ key: 'sum:wind', label: 'Wind run', format: 'percent' });
    expect(edited('sum:wind', { label: '   ' }).model.measures[1]?.label).toBe('Total wind');
    expect(edited('sum:wind', { label: 'x'.repeat(200) }).model.measures[1]?.label).toHaveLength(60);
  });

  it('changes its aggregation: a new key, a default name that follows, a given name that stays', () => {
    const { model: next, key } = edited('sum:wind', { aggregation: 'max' });
    expect(key).toBe('max:wind');
    expect(next.measures[1]).toMatchObject({ aggregation: 'max', column: 'wind', label: 'Highest wind' });
    const renamed = edited('sum:wind', { label: 'Wind run' }).model;
    const again = editMeasure(renamed, 'sum:wind', { aggregation: 'min' });
    expect('model' in again && again.model.measures[1]?.label).toBe('Wind run');
  });

  it('refuses what would not mean anything, or would repeat a measure', () => {
    expect(editMeasure(model, 'sum:wind', { aggregation: 'avg' })).toEqual({
      error: 'Average wind is already a measure.',
    });
    expect('error' in editMeasure(model, 'count', { aggregation: 'sum' })).toBe(true);
    const text = { ...model, measures: [...model.measures, makeMeasure('distinct', 'weather')] };
    expect('error' in editMeasure(text, 'distinct:weather', { aggregation: 'sum' })).toBe(true);
    expect('error' in editMeasure(model, 'max:nothing', { label: 'x' })).toBe(true);
  });
});
