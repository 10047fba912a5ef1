import { columnOf, type MetricsModel } from '$lib/models/metrics/metrics-model';

/** A list worth reading per row: the columns side has at most this many values. */
const PAIR_COLUMN_VALUES = 50;

/**
 * Rows: the dimension with the fewest values (at least two); columns: the one with the most values up
 * to 50 (a restaurant's dishes: "the most popular dish at each restaurant").
 */
export function defaultPair(model: MetricsModel): { rows: string; columns: string } | null {
  const sized = model.dimensions.map((name) => ({
    name,
    values: columnOf(model, name)?.sampleDistinct ?? 0,
  }));
  const rows = sized.filter((d) => d.values >= 2).sort((a, b) => a.values - b.values)[0];
  const columns = sized
    .filter((d) => d !== rows && d.values <= PAIR_COLUMN_VALUES)
    .sort((a, b) => b.values - a.values)[0];
  return rows && columns ? { rows: rows.name, columns: columns.name } : null;
}
