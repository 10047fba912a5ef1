import type { ChartData, ChartSpec, ChartType, ValueKind } from '$lib/sql-console/chart-sql';

/** How many of a query's rows a panel keeps (and a snapshot carries) beside its chart. */
export const QUERY_PANEL_ROWS = 20;

/**
 * A SQL query added to the dashboard: its text, its chart and what it returned, as plain JSON data
 * (no Arrow objects), so a snapshot can carry it as it is.
 */
export interface QueryPanel {
  id: string;
  title: string;
  sql: string;
  chart: ChartSpec;
  data: ChartData;
  columns: { name: string; kind: ValueKind }[];
  /** The first QUERY_PANEL_ROWS rows. */
  rows: (string | number | boolean | null)[][];
  rowCount: number;
  truncated: boolean;
  createdAt: string;
}

/** What is kept across reloads: the query and its chart; the rest is computed again from the data. */
export type QueryPanelDefinition = Pick<QueryPanel, 'id' | 'title' | 'sql' | 'chart'>;

export const QUERY_PANELS_KEY = 'dropdash:query-panels';

const CHART_TYPES: readonly ChartType[] = ['bar', 'line', 'scatter', 'pie'];
const KINDS: readonly ValueKind[] = ['number', 'text', 'temporal', 'boolean', 'other'];

export function definitionOf({ id, title, sql, chart }: QueryPanel): QueryPanelDefinition {
  return { id, title, sql, chart };
}

/** Reads kept definitions; anything that is not one is left out, never trusted. */
export function parseDefinitions(text: string | null): QueryPanelDefinition[] {
  if (!text) return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown): QueryPanelDefinition[] => {
    if (typeof item !== 'object' || item === null) return [];
    const { id, title, sql, chart } = item as Record<string, unknown>;
    if (typeof id !== 'string' || typeof title !== 'string' || typeof sql !== 'string') return [];
    if (typeof chart !== 'object' || chart === null) return [];
    const { type, x, xKind, y } = chart as Record<string, unknown>;
    if (!CHART_TYPES.includes(type as ChartType) || typeof x !== 'string') return [];
    if (!KINDS.includes(xKind as ValueKind) || !(y === null || typeof y === 'string')) return [];
    return [{ id, title, sql, chart: { type: type as ChartType, x, xKind: xKind as ValueKind, y } }];
  });
}

/** A title from the chart when the user gives none: "revenue by dish". */
export function defaultTitle(chart: ChartSpec): string {
  return `${chart.y ?? 'rows'} by ${chart.x}`;
}
