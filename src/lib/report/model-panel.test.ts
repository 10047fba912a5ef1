import { describe, expect, it } from 'vitest';
import { makeMeasure, type MetricsModel } from '$lib/models/metrics/metrics-model';
import type { LeaderboardRow } from '$lib/models/metrics/metrics-panels';
import type { ModelPanelSnapshot } from './model-panel-schema';
import { readPanels } from './report-panels';
import { buildSnapshot } from './snapshot-build';
import { sampleInput } from './snapshot-sample.test-data';
import { validateSnapshot } from './snapshot-schema';

const model: MetricsModel = {
  columns: [
    { name: 'weather', column: 'weather', type: 'text', timeFormat: null, sampleDistinct: 5, scale: 0 },
    { name: 'wind', column: 'wind', type: 'decimal', timeFormat: null, sampleDistinct: 70, scale: 1 },
    { name: 'date', column: 'date', type: 'time', timeFormat: null, sampleDistinct: 900, scale: 0 },
  ],
  dimensions: ['weather'],
  measures: [makeMeasure('count', null), makeMeasure('avg', 'wind')],
  time: { column: 'date', grain: 'month' },
  rows: 1461,
};

const shown = (rows: number): ModelPanelSnapshot => ({
  model,
  measure: 'avg:wind',
  filters: [{ kind: 'values', column: 'weather', values: ['v149', null], exclude: false }],
  panels: {
    rows: 40,
    kpis: [40, 3.5],
    leaderboards: [
      {
        column: 'weather',
        measure: 'avg:wind',
        rows: Array.from({ length: rows }, (_, i): LeaderboardRow => ({
          value: `v${i}`,
          measure: rows - i,
          rank: i + 1,
        })).concat({
          value: null,
          measure: 0,
          rank: rows + 1,
        }),
        total: null,
        values: rows + 1,
      },
    ],
    pair: null,
    series: {
      column: 'date',
      grain: 'month',
      points: [{ period: '2012-01-01T00:00:00', values: [31, 3.9] }],
    },
  },
});

describe('the model dashboard in a snapshot', () => {
  it('goes in as a panel of its own, without the five questions when no place is mapped, and comes back out', () => {
    const built = buildSnapshot({ ...sampleInput(), preset: false, model: shown(10) });
    if (!built.ok) throw new Error(built.problem);
    const read = readPanels(built.snapshot.panels);
    expect(read.visible.size).toBe(0);
    expect(read.unknown).toBe(0);
    expect(read.model).toEqual(shown(10));
  });

  it('keeps the first rows of a list shown whole, and its selected values wherever they rank', () => {
    const built = buildSnapshot({ ...sampleInput(), model: shown(5000) });
    if (!built.ok) throw new Error(built.problem);
    const rows = readPanels(built.snapshot.panels).model?.panels.leaderboards[0]?.rows ?? [];
    expect(rows).toHaveLength(100);
    expect(rows.slice(0, 3).map((r) => r.value)).toEqual(['v0', 'v1', 'v2']);
    expect(rows.slice(-2).map((r) => r.value)).toEqual(['v149', null]);
  });

  it('refuses a tampered model panel with where and what is wrong', () => {
    const built = buildSnapshot({ ...sampleInput(), model: shown(3) });
    if (!built.ok) throw new Error(built.problem);
    const tampered = JSON.parse(built.json) as { panels: { id: string; model?: { measure: string } }[] };
    const panel = tampered.panels.find((p) => p.id === 'model');
    if (!panel?.model) throw new Error('no model panel');
    panel.model.measure = 'sum:nothing';
    const checked = validateSnapshot(tampered);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problem).toContain('names a measure its model does not have');
  });
});
