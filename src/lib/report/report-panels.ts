import type { DishMetric } from '$lib/charts/top-dishes-options';
import type { ModelPanelSnapshot } from './model-panel-schema';
import type { QueryPanel } from './query-panel';
import { QUERY_PANEL_PREFIX, type SnapshotPanel } from './snapshot-schema';

/** The restaurant preset's panels, in the order the dashboard shows them. */
export const REPORT_PANELS = [
  'kpis',
  'answers',
  'restaurant-metrics',
  'top-orders',
  'top-revenue',
  'top-dishes-per-restaurant',
  'dish-matrix',
  'timeline',
  'customers',
] as const;

export type ReportPanelId = (typeof REPORT_PANELS)[number];

/** What the reader chose on the panels that have a choice. */
export interface PanelSettings {
  rankMetric: DishMetric;
  matrixMetric: DishMetric;
}

export const MODEL_PANEL = 'model';

/**
 * The preset's panels (when the five questions are asked of the dataset), the model dashboard, then the
 * SQL queries added to the dashboard, in their order.
 */
export function panelList(
  settings: PanelSettings,
  queries: readonly QueryPanel[] = [],
  { preset: presetShown = true, model = null }: { preset?: boolean; model?: ModelPanelSnapshot | null } = {},
): SnapshotPanel[] {
  const preset: SnapshotPanel[] = (presetShown ? REPORT_PANELS : []).map((id) =>
    id === 'top-dishes-per-restaurant'
      ? { id, metric: settings.rankMetric }
      : id === 'dish-matrix'
        ? { id, metric: settings.matrixMetric }
        : { id },
  );
  return [
    ...preset,
    ...(model ? [{ id: MODEL_PANEL, model }] : []),
    ...queries.map(({ id, ...query }) => ({ id: `${QUERY_PANEL_PREFIX}${id}`.slice(0, 64), query })),
  ];
}

/** The panels of a snapshot this Dropdash can draw, their settings, and how many it cannot. */
export function readPanels(panels: readonly SnapshotPanel[]): {
  visible: Set<ReportPanelId>;
  settings: PanelSettings;
  queries: QueryPanel[];
  model: ModelPanelSnapshot | null;
  unknown: number;
} {
  const known = new Set<string>(REPORT_PANELS);
  const visible = new Set(panels.flatMap((p) => (known.has(p.id) ? [p.id as ReportPanelId] : [])));
  const metric = (id: ReportPanelId) => panels.find((p) => p.id === id)?.metric ?? 'orders';
  const queries = panels.flatMap((p) =>
    p.id.startsWith(QUERY_PANEL_PREFIX) && p.query
      ? [{ id: p.id.slice(QUERY_PANEL_PREFIX.length), ...p.query }]
      : [],
  );
  const model = panels.find((p) => p.id === MODEL_PANEL)?.model ?? null;
  return {
    visible,
    settings: { rankMetric: metric('top-dishes-per-restaurant'), matrixMetric: metric('dish-matrix') },
    queries,
    model,
    unknown: panels.length - visible.size - queries.length - (model ? 1 : 0),
  };
}
