import {
  aggregationsFor,
  columnOf,
  makeMeasure,
  type Measure,
  type MetricsModel,
} from '$lib/models/metrics/metrics-model';
import { keptLabels } from '$lib/models/metrics/column-label';
import { cleanLabel, NUMBER_FORMATS } from '$lib/models/metrics/measure-edit';

/** Models the user changed, by column signature: a later file with the same columns gets them again. */
const KEY = 'dropdash:models';

function remembered(): Record<string, MetricsModel> {
  try {
    const parsed: unknown = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, MetricsModel>) : {};
  } catch {
    return {};
  }
}

/**
 * The model kept for these columns, if every column it names is still one of the inferred model's (a
 * kept model is untrusted input: anything else is dropped and the inferred one used).
 */
export function rememberedModel(signature: string, inferred: MetricsModel): MetricsModel | null {
  const kept = remembered()[signature];
  if (!kept || !Array.isArray(kept.dimensions) || !Array.isArray(kept.measures)) return null;
  const names = new Set(inferred.columns.map((c) => c.name));
  const known = (name: unknown): name is string => typeof name === 'string' && names.has(name);
  const measures = kept.measures.map((m: Partial<Measure>) => {
    const column = columnOf(inferred, known(m?.column) ? m.column : null);
    const fits = column && m?.aggregation && aggregationsFor(column.type).includes(m.aggregation);
    const measure =
      m?.aggregation === 'count'
        ? makeMeasure('count', null)
        : fits && m.aggregation
          ? makeMeasure(m.aggregation, column.name)
          : null;
    if (!measure) return null;
    // The name and number format the user chose, when they are still a name and a format.
    const label = typeof m.label === 'string' ? cleanLabel(m.label, measure.label) : measure.label;
    const format = NUMBER_FORMATS.find((f) => f === m.format) ?? measure.format;
    return { ...measure, label, format };
  });
  if (!kept.dimensions.every(known) || measures.some((m) => m === null) || measures.length === 0) return null;
  const time = kept.time;
  if (time !== null && (!known(time?.column) || columnOf(inferred, time.column)?.type !== 'time'))
    return null;
  const labels = keptLabels(kept.labels, inferred);
  return { ...inferred, dimensions: kept.dimensions, measures: measures as Measure[], time, labels };
}

export function rememberModel(signature: string, model: MetricsModel): void {
  try {
    const { dimensions, measures, time, labels } = model;
    const kept = { ...remembered(), [signature]: { dimensions, measures, time, labels } };
    globalThis.localStorage?.setItem(KEY, JSON.stringify(kept));
  } catch {
    // Storage refused: the change still holds for this visit.
  }
}
