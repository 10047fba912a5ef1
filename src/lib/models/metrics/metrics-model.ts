/**
 * A dataset's metrics model: which columns group (dimensions), which figures summarise it (measures),
 * and which column is its time. Inferred from the values, shown and editable on the page, and sent
 * back whole with every panel request. Columns are named as the file's header names them.
 */

/** How a column's text is read: a number, a point in time (cast, or parsed with a strptime format). */
export type ModelColumnType = 'integer' | 'decimal' | 'time' | 'boolean' | 'text';

export interface ModelColumn {
  /** The header's name: what the user sees and what measure keys use. */
  name: string;
  /** The dataset table's column holding it. */
  column: string;
  type: ModelColumnType;
  /** For a time column that is not ISO: the strptime format its values follow (e.g. `%m/%d/%Y`). */
  timeFormat: string | null;
  /** Distinct non-empty values among the sampled rows. */
  sampleDistinct: number;
  /** The most digits after the decimal point among the sampled values (0 for whole numbers). */
  scale: number;
}

export type Aggregation = 'count' | 'sum' | 'avg' | 'min' | 'max' | 'distinct';
export const AGGREGATIONS: readonly Aggregation[] = ['count', 'sum', 'avg', 'min', 'max', 'distinct'];
export type NumberFormat = 'plain' | 'money' | 'percent';

export interface Measure {
  /** `count`, or `<aggregation>:<column name>`: the stable key outside checks read. */
  key: string;
  aggregation: Aggregation;
  /** The column aggregated; null for `count`. */
  column: string | null;
  label: string;
  format: NumberFormat;
}

export type TimeGrain = 'hour' | 'day' | 'week' | 'month' | 'year';
export const TIME_GRAINS: readonly TimeGrain[] = ['hour', 'day', 'week', 'month', 'year'];

export interface MetricsModel {
  columns: ModelColumn[];
  /** Column names, in the order their leaderboards show. */
  dimensions: string[];
  measures: Measure[];
  /** The time column's name, and the grain its series is drawn at (chosen from its span). */
  time: { column: string; grain: TimeGrain } | null;
  /** Rows in the dataset when the model was inferred. */
  rows: number;
  /** Names the user gave columns, by the header's name; a column without one is shown as the header names it. */
  labels?: Record<string, string>;
}

export function measureKey(aggregation: Aggregation, column: string | null): string {
  return aggregation === 'count' || column === null ? 'count' : `${aggregation}:${column}`;
}

const AGGREGATION_WORDS: Record<Aggregation, string> = {
  count: 'Rows',
  sum: 'Total',
  avg: 'Average',
  min: 'Lowest',
  max: 'Highest',
  distinct: 'Distinct',
};

export function measureLabel(aggregation: Aggregation, column: string | null): string {
  if (aggregation === 'count' || column === null) return AGGREGATION_WORDS.count;
  return `${AGGREGATION_WORDS[aggregation]} ${column}`;
}

const MONEY_NAME = /(price|cost|revenue|amount|sales|spend|fee|income|profit|usd|eur|gbp|\$|€|£)/i;

export function makeMeasure(aggregation: Aggregation, column: string | null): Measure {
  const money =
    column !== null && MONEY_NAME.test(column) && (aggregation === 'sum' || aggregation === 'avg');
  return {
    key: measureKey(aggregation, column),
    aggregation,
    column: aggregation === 'count' ? null : column,
    label: measureLabel(aggregation, column),
    format: money ? 'money' : 'plain',
  };
}

/** Sums and averages only mean something for numbers; distinct counts for anything. */
export function aggregationsFor(type: ModelColumnType): Aggregation[] {
  if (type === 'integer' || type === 'decimal') return ['sum', 'avg', 'min', 'max', 'distinct'];
  return ['distinct'];
}

/** A share of the total means something only for measures that add up over the rows. */
export const isAdditive = (measure: Measure) =>
  measure.aggregation === 'count' || measure.aggregation === 'sum';

export const columnOf = (model: MetricsModel, name: string | null) =>
  name === null ? undefined : model.columns.find((c) => c.name === name);
