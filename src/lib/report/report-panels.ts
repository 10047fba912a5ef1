import type { DishMetric } from '$lib/charts/top-dishes-options';
import type { SnapshotPanel } from './snapshot-schema';

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

export function panelList(settings: PanelSettings): SnapshotPanel[] {
  return REPORT_PANELS.map((id) =>
    id === 'top-dishes-per-restaurant'
      ? { id, metric: settings.rankMetric }
      : id === 'dish-matrix'
        ? { id, metric: settings.matrixMetric }
        : { id },
  );
}

/** The panels of a snapshot this Dropdash can draw, their settings, and how many it cannot. */
export function readPanels(panels: readonly SnapshotPanel[]): {
  visible: Set<ReportPanelId>;
  settings: PanelSettings;
  unknown: number;
} {
  const known = new Set<string>(REPORT_PANELS);
  const visible = new Set(panels.flatMap((p) => (known.has(p.id) ? [p.id as ReportPanelId] : [])));
  const metric = (id: ReportPanelId) => panels.find((p) => p.id === id)?.metric ?? 'orders';
  return {
    visible,
    settings: { rankMetric: metric('top-dishes-per-restaurant'), matrixMetric: metric('dish-matrix') },
    unknown: panels.filter((p) => !known.has(p.id)).length,
  };
}
