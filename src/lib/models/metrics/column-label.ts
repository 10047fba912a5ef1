import { cleanLabel } from './measure-edit';
import { columnOf, type MetricsModel } from './metrics-model';

/** What a column is called on the page: the name the user gave it, else the header's name. */
export function columnLabel(model: Pick<MetricsModel, 'labels'>, name: string): string {
  const label = model.labels?.[name];
  return typeof label === 'string' && label !== '' ? label : name;
}

/**
 * The model with a column renamed for the page, or the reason it cannot be. Only how it reads changes:
 * filters, share links and SQL keep the header's name. An empty name gives the header's name back.
 */
export function renameColumn(
  model: MetricsModel,
  name: string,
  label: string,
): { model: MetricsModel } | { error: string } {
  if (!columnOf(model, name)) return { error: `No column is called ${name}.` };
  const next = cleanLabel(label, name);
  const clash = model.columns.find(
    (c) => c.name !== name && columnLabel(model, c.name).toLowerCase() === next.toLowerCase(),
  );
  if (clash) return { error: `${next} already names the column ${clash.name}.` };
  const labels = Object.fromEntries(Object.entries(model.labels ?? {}).filter(([column]) => column !== name));
  if (next !== name) labels[name] = next;
  return { model: { ...model, labels } };
}

/** Labels read back from storage or a link: only text, only for the model's columns, bounded. */
export function keptLabels(kept: unknown, model: MetricsModel): Record<string, string> {
  if (!kept || typeof kept !== 'object') return {};
  const labels: Record<string, string> = {};
  for (const [name, label] of Object.entries(kept)) {
    if (typeof label !== 'string' || !columnOf(model, name)) continue;
    const clean = cleanLabel(label, name);
    if (clean !== name) labels[name] = clean;
  }
  return labels;
}
