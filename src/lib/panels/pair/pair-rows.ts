import type { Row } from '$lib/engine/sql-runner';
import type { PairPanel } from '$lib/models/metrics/metrics-panels';

const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
const figure = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/** The pair query's rows as the panel's cells and leaders (in value order, missing last; ties kept together). */
export function pairPanel(rows: string, columns: string, measure: string, result: readonly Row[]): PairPanel {
  const cells = result
    .filter((r) => r.kind === 'cell')
    .map((r) => ({ a: text(r.a), b: text(r.b), measure: figure(r.measure) }));
  const leaders: PairPanel['leaders'] = [];
  for (const r of result.filter((r) => r.kind === 'leader')) {
    const a = text(r.a);
    const last = leaders.at(-1);
    if (last && last.a === a) last.winners.push(text(r.b));
    else leaders.push({ a, measure: figure(r.measure), winners: [text(r.b)] });
  }
  return { rows, columns, measure, cells, leaders };
}
