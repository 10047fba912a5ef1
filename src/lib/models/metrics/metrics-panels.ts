import type { MetricsFilter } from './metrics-filters';
import type { MetricsModel, TimeGrain } from './metrics-model';

/** What the page asks for: the model, the measure the leaderboards and the series rank by, the filters. */
export interface MetricsRequest {
  datasetId: number;
  /** The source files read; null for all of them. */
  files: number[] | null;
  model: MetricsModel;
  /** A measure key of the model. */
  measure: string;
  filters: MetricsFilter[];
  /** Dimensions whose whole list is wanted (the user pressed "show all"), not only the first rows. */
  expanded?: string[];
  /** Two dimensions to set against each other (rows, columns); none when the model has fewer than two. */
  pair?: { rows: string; columns: string } | null;
}

export interface LeaderboardRow {
  value: string | null;
  measure: number | null;
  rank: number;
}

export interface Leaderboard {
  column: string;
  measure: string;
  rows: LeaderboardRow[];
  /** The measure summed over every value of the dimension (a share's denominator). */
  total: number | null;
  /** How many values the dimension has under the other filters. */
  values: number;
}

export interface SeriesPoint {
  /** The period's start, ISO without a zone. */
  period: string;
  /** One figure per measure of the model, in its order. */
  values: (number | null)[];
}

/** Two dimensions against each other: the measure per pair of leading values, and each row value's leaders. */
export interface PairPanel {
  rows: string;
  columns: string;
  measure: string;
  cells: { a: string | null; b: string | null; measure: number | null }[];
  /** For each leading value of `rows`, every value of `columns` that ties for the top. */
  leaders: { a: string | null; measure: number | null; winners: (string | null)[] }[];
}

/** The panels' figures, answered in one call. */
export interface MetricsPanels {
  /** Rows under the filters. */
  rows: number;
  /** One figure per measure of the model, in its order. */
  kpis: (number | null)[];
  leaderboards: Leaderboard[];
  series: { column: string; grain: TimeGrain; points: SeriesPoint[] } | null;
  pair: PairPanel | null;
}
