import { cpus, totalmem } from 'node:os';
import type { DropdashFigures } from './measure-dropdash';
import type { PeerFigures } from './measure-peers';

export interface SizeResult {
  /** When this size was measured: a run of some sizes keeps the other sizes' latest figures. */
  date: string;
  rows: number;
  bytes: number;
  dropdash: Omit<DropdashFigures, 'answers' | 'landingScripts'>;
  papaparse: Omit<PeerFigures, 'answers'> & { agrees: boolean };
  arquero: Omit<PeerFigures, 'answers'> & { agrees: boolean };
  /** Bare DuckDB-WASM: load + five queries, the floor the engine allows (absent from runs before it). */
  bare?: Omit<PeerFigures, 'answers'> & { agrees: boolean };
  native: { ms: number; agrees: true };
}

const s = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : 'failed');
const ratio = (peer: number, ours: number) => (Number.isFinite(peer) ? `${(peer / ours).toFixed(1)}×` : '—');
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

export function machine(chromium: string): string {
  return `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${mb(totalmem())} RAM, Node ${process.version}, ${chromium}`;
}

/** The table as Markdown: the same text goes to the terminal and to docs/benchmarks.md. */
export function table(results: SizeResult[]): string {
  const lines = [
    '| rows (CSV), date | first paint | engine start | ingest (MB/s) | drop → drawn (queries + draw) | filter median / p95 | range filter: first / median / p95 | longest main-thread task: loading / drop → drawn | browser memory peak (the tab’s own growth; what DuckDB holds) | keep in browser | Papa Parse + JS | Arquero | bare DuckDB-WASM: load + 5 queries | native DuckDB, 1 thread |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const d = r.dropdash;
    const peer = (p: NonNullable<SizeResult['bare']>) =>
      p.error
        ? `fails: ${p.error}`
        : `${s(p.ms)} (${ratio(p.ms, d.dropToDrawnMs)}${p.agrees ? '' : ', answers differ'})`;
    lines.push(
      `| ${r.rows.toLocaleString('en-US')} (${mb(r.bytes)}), ${r.date.slice(0, 10)} | ${d.firstPaintMs === undefined ? '—' : `${d.firstPaintMs.toFixed(0)} ms`} | ${s(d.engineStartMs)}${d.warmUpMs === undefined ? '' : ` + ${s(d.warmUpMs)} warm-up`} | ${s(d.ingestMs)} (${(r.bytes / 1e6 / (d.ingestMs / 1000)).toFixed(0)}) | ${s(d.dropToDrawnMs)} (${d.queriesMs.toFixed(0)} + ${d.drawMs.toFixed(0)} ms) | ${d.filterMedianMs.toFixed(0)} / ${d.filterP95Ms.toFixed(0)} ms | ${d.rangeMedianMs === undefined ? '—' : `${d.rangeFirstMs === undefined ? '—' : d.rangeFirstMs.toFixed(0)} / ${d.rangeMedianMs.toFixed(0)} / ${(d.rangeP95Ms ?? NaN).toFixed(0)} ms`} | ${d.longestLoadTaskMs === undefined ? '—' : d.longestLoadTaskMs.toFixed(0)} / ${d.longestTaskMs.toFixed(0)} ms | ${mb(d.peakMemoryBytes)}${d.tabGrowthBytes === undefined ? '' : ` (${mb(d.tabGrowthBytes)}; ${d.engineMemoryBytes === undefined ? '—' : mb(d.engineMemoryBytes)})`} | ${s(d.keepMs)} | ${peer(r.papaparse)} | ${peer(r.arquero)} | ${r.bare ? peer(r.bare) : 'not measured'} | ${s(r.native.ms)} (Dropdash ${ratio(d.dropToDrawnMs, r.native.ms)}) |`,
    );
  }
  return lines.join('\n');
}

/** The new figures replace those of the same size; other sizes keep their latest run. */
export function mergeResults(previous: SizeResult[], latest: SizeResult[]): SizeResult[] {
  const sizes = new Set(latest.map((r) => r.rows));
  return [...previous.filter((r) => !sizes.has(r.rows) && r.date), ...latest].sort((a, b) => a.rows - b.rows);
}

export const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
