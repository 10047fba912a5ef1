import {
  aggregationsFor,
  columnOf,
  measureKey,
  measureLabel,
  type Aggregation,
  type Measure,
  type MetricsModel,
  type NumberFormat,
} from './metrics-model';

export const NUMBER_FORMATS: readonly NumberFormat[] = ['plain', 'money', 'percent'];

/** The longest name a measure may be given: a KPI card's title, not a paragraph. */
export const LABEL_MAX = 60;

/** What the user may change of a measure: its name, how it reads, and how it aggregates its column. */
export interface MeasureEdit {
  label?: string;
  format?: NumberFormat;
  aggregation?: Aggregation;
}

/** A name as given, trimmed and bounded; an empty one gives the measure its own name back. */
export function cleanLabel(label: string, fallback: string): string {
  const trimmed = label.replace(/\s+/g, ' ').trim().slice(0, LABEL_MAX);
  return trimmed === '' ? fallback : trimmed;
}

/**
 * The model with one measure changed, or the reason it cannot be. A new aggregation gives the measure a
 * new key (`max:wind`); a name the user gave stays, the default name follows the aggregation.
 */
export function editMeasure(
  model: MetricsModel,
  key: string,
  edit: MeasureEdit,
): { model: MetricsModel; key: string } | { error: string } {
  const measure = model.measures.find((m) => m.key === key);
  if (!measure) return { error: `No measure is called ${key}.` };
  let next: Measure = { ...measure };
  if (edit.aggregation !== undefined && edit.aggregation !== measure.aggregation) {
    const type = columnOf(model, measure.column)?.type;
    if (measure.aggregation === 'count' || !type || !aggregationsFor(type).includes(edit.aggregation))
      return { error: `${measure.label} cannot be aggregated by ${edit.aggregation}.` };
    const nextKey = measureKey(edit.aggregation, measure.column);
    const taken = model.measures.find((m) => m.key === nextKey);
    if (taken) return { error: `${taken.label} is already a measure.` };
    const named = measure.label !== measureLabel(measure.aggregation, measure.column);
    next = {
      ...next,
      key: nextKey,
      aggregation: edit.aggregation,
      label: named ? measure.label : measureLabel(edit.aggregation, measure.column),
    };
  }
  if (edit.label !== undefined)
    next.label = cleanLabel(edit.label, measureLabel(next.aggregation, next.column));
  if (edit.format !== undefined && NUMBER_FORMATS.includes(edit.format)) next.format = edit.format;
  const measures = model.measures.map((m) => (m.key === key ? next : m));
  return { model: { ...model, measures }, key: next.key };
}
