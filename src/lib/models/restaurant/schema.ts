/** The assignment's columns, in the order the raw table stores them. */
export const REQUIRED_COLUMNS = ['restaurant_names', 'food_names', 'first_name', 'food_cost'] as const;
export type RequiredColumn = (typeof REQUIRED_COLUMNS)[number];

/** Model names, layered like the earlier dbt answer: raw → staging → facts → summaries. */
export const MODELS = {
  sources: 'dd_sources',
  rejects: 'dd_rejects',
  raw: 'raw_visits',
  staging: 'stg_visits',
  facts: 'fct_visit_cube',
  restaurants: 'sum_restaurants',
  dishes: 'sum_restaurant_dishes',
  customers: 'sum_restaurant_customers',
} as const;

export type ColumnMapping = Record<RequiredColumn, string>;

export interface ColumnMatch {
  mapping: ColumnMapping | null;
  missing: RequiredColumn[];
}

/** Finds the required columns in a header: order and extra columns do not matter, case and padding neither. */
export function matchColumns(header: readonly string[]): ColumnMatch {
  const byKey = new Map<string, string>();
  for (const name of header) {
    const key = name.trim().toLowerCase();
    if (!byKey.has(key)) byKey.set(key, name);
  }
  const missing = REQUIRED_COLUMNS.filter((column) => !byKey.has(column));
  if (missing.length > 0) return { mapping: null, missing };
  const mapping = Object.fromEntries(REQUIRED_COLUMNS.map((c) => [c, byKey.get(c) as string]));
  return { mapping: mapping as ColumnMapping, missing };
}
