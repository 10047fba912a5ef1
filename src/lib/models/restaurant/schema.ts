/** Model names, layered like the earlier dbt answer: dataset tables → fact cube → summaries. */
export const MODELS = {
  datasets: 'dd_datasets',
  columns: 'dd_columns',
  sources: 'dd_sources',
  rejects: 'dd_rejects',
  facts: 'fct_visit_cube',
  daily: 'fct_daily',
} as const;
