import type { DatasetView, ScopeView } from '$lib/client/dashboard-data';
import type { RoleMapping } from '$lib/models/dataset/roles';
import type { AnswersDocument } from './answers';
import type { QueryPanel } from './query-panel';
import { MODEL_LIMITS, type ModelPanelSnapshot } from './model-panel-schema';
import { panelList, type PanelSettings } from './report-panels';
import {
  LIMITS,
  SNAPSHOT_SCHEMA,
  validateSnapshot,
  type Snapshot,
  type SnapshotScope,
} from './snapshot-schema';

export interface SnapshotInput {
  title: string;
  createdAt: string;
  dataset: DatasetView;
  /** Figures for "all restaurants" (scope null) and for each restaurant the snapshot can show. */
  scopes: readonly ScopeView[];
  restaurant: string | null;
  /** The columns playing each role, named as in the file. */
  roles: RoleMapping;
  settings: PanelSettings;
  /** SQL queries added to the dashboard, carried with their points and first rows. */
  queryPanels?: readonly QueryPanel[];
  /** Whether the five questions' panels are on the dashboard (a place is mapped). */
  preset?: boolean;
  /** The model dashboard as shown. */
  model?: ModelPanelSnapshot | null;
  answers: AnswersDocument;
}

export type SnapshotResult = { ok: true; snapshot: Snapshot; json: string } | { ok: false; problem: string };

/** The dashboard's state as a snapshot, checked by the same schema every reader applies. */
export function buildSnapshot(input: SnapshotInput): SnapshotResult {
  const { dataset } = input;
  const included = dataset.sources.filter(
    (s) => dataset.selection.sources === null || dataset.selection.sources.includes(s.sourceId),
  );
  const snapshot: Snapshot = {
    schema: SNAPSHOT_SCHEMA,
    title: input.title,
    createdAt: input.createdAt,
    sources: included.map(({ name, bytes, rows, contentHash }) => ({ name, bytes, rows, contentHash })),
    restaurant: input.restaurant,
    item: input.scopes[0]?.scope.item ?? null,
    customer: input.scopes[0]?.scope.customer ?? null,
    range: input.scopes[0]?.scope.range ?? null,
    roles: input.roles,
    panels: panelList(input.settings, input.queryPanels, {
      preset: input.preset ?? true,
      model: input.model ? boundedModel(input.model) : null,
    }),
    data: {
      totals: dataset.totals,
      restaurants: dataset.restaurants,
      mostRestaurants: dataset.mostRestaurants,
      placeTotals: input.scopes[0]?.totals ?? [],
      matrix: dataset.matrix,
      topDishes: dataset.topDishes,
      scopes: input.scopes.map(toSnapshotScope),
    },
    answers: input.answers,
  };
  const json = JSON.stringify(snapshot);
  if (json.length > LIMITS.jsonBytes) {
    return {
      ok: false,
      problem: `This dashboard holds too much for a snapshot (${(json.length / 1024 / 1024).toFixed(1)} MB of results; a snapshot holds up to 1 MB). Narrow it to fewer files.`,
    };
  }
  const checked = validateSnapshot(JSON.parse(json));
  if (!checked.ok)
    return { ok: false, problem: `This dashboard cannot be saved as a snapshot: ${checked.problem}.` };
  return { ok: true, snapshot: checked.snapshot, json };
}

const toSnapshotScope = (view: ScopeView): SnapshotScope => ({
  restaurant: view.scope.restaurant,
  overview: view.overview,
  timeline: view.timeline,
  dishes: view.dishes,
  customers: view.customers,
});

/** A leaderboard shown whole keeps its first rows (and its selected ones) in a snapshot. */
function boundedModel(model: ModelPanelSnapshot): ModelPanelSnapshot {
  const leaderboards = model.panels.leaderboards.map((board) => {
    const selected = model.filters.find((f) => f.kind === 'values' && f.column === board.column);
    const picked = selected?.kind === 'values' ? selected.values : [];
    const rows = board.rows.filter(
      (r, i) => i < MODEL_LIMITS.leaderboardRows - picked.length || picked.includes(r.value),
    );
    return { ...board, rows: rows.slice(0, MODEL_LIMITS.leaderboardRows) };
  });
  return { ...model, panels: { ...model.panels, leaderboards } };
}
