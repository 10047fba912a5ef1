import { describe, expect, it } from 'vitest';
import { defaultChart, defaultSpec } from '$lib/client/sql-console.svelte';
import { defaultTitle, parseDefinitions } from './query-panel';

describe('kept query panels', () => {
  it('reads back definitions and leaves out anything else', () => {
    const good = {
      id: 'a',
      title: 'T',
      sql: 'SELECT 1',
      chart: { type: 'bar', x: 'x', xKind: 'text', y: null },
    };
    const text = JSON.stringify([
      good,
      { ...good, chart: { ...good.chart, type: 'radar' } },
      7,
      null,
      { id: 1 },
    ]);
    expect(parseDefinitions(text)).toEqual([good]);
    expect(parseDefinitions('not json')).toEqual([]);
    expect(parseDefinitions(null)).toEqual([]);
  });

  it('titles a panel from its chart', () => {
    expect(defaultTitle({ type: 'bar', x: 'dish', xKind: 'text', y: 'revenue' })).toBe('revenue by dish');
    expect(defaultTitle({ type: 'pie', x: 'dish', xKind: 'text', y: null })).toBe('rows by dish');
  });
});

describe('defaultSpec', () => {
  const columns = [
    { name: 'n', type: 'Int64', kind: 'number' as const },
    { name: 'dish', type: 'Utf8', kind: 'text' as const },
    { name: 'revenue', type: 'Float64', kind: 'number' as const },
  ];
  it('takes the first text column as x and the first numeric one as y', () => {
    expect(defaultSpec(columns)).toEqual({ type: 'bar', x: 'dish', xKind: 'text', y: 'n' });
  });
  it('puts a number on the x of a scatter, and needs a y', () => {
    expect(defaultSpec(columns, 'scatter')).toEqual({
      type: 'scatter',
      x: 'n',
      xKind: 'number',
      y: 'revenue',
    });
    expect(defaultSpec([columns[1]!], 'line')).toBeNull();
    expect(defaultSpec([columns[1]!], 'pie')).toEqual({ type: 'pie', x: 'dish', xKind: 'text', y: null });
  });
  it('passes over the lineage columns of a dataset table', () => {
    const lineage = [
      { name: 'dd_source_id', type: 'Int32', kind: 'number' as const },
      { name: 'dd_row_id', type: 'Int32', kind: 'number' as const },
    ];
    expect(defaultSpec([...lineage, columns[1]!])).toEqual({
      type: 'bar',
      x: 'dish',
      xKind: 'text',
      y: null,
    });
  });
});

describe('defaultChart', () => {
  it('draws bars over text, and a line over dates or numbers', () => {
    const text = { name: 'dish', type: 'Utf8', kind: 'text' as const };
    const day = { name: 'day', type: 'Date32<DAY>', kind: 'temporal' as const };
    const n = { name: 'n', type: 'Int64', kind: 'number' as const };
    expect(defaultChart([text, n])?.type).toBe('bar');
    expect(defaultChart([n, day])).toEqual({ type: 'line', x: 'day', xKind: 'temporal', y: 'n' });
    expect(defaultChart([n])).toEqual({ type: 'bar', x: 'n', xKind: 'number', y: null });
  });
});
