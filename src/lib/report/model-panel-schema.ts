import * as v from 'valibot';
import { LABEL_MAX } from '$lib/models/metrics/measure-edit';
import { AGGREGATIONS, TIME_GRAINS } from '$lib/models/metrics/metrics-model';

/** The model dashboard in a snapshot: its model, measure, filters and figures, bounded like the rest. */
export const MODEL_LIMITS = {
  text: 1000,
  columns: 2000,
  dimensions: 50,
  measures: 100,
  filters: 50,
  filterValues: 500,
  /** Rows per leaderboard a snapshot keeps (a list shown whole keeps its first ones). */
  leaderboardRows: 100,
  seriesPoints: 2000,
  pairCells: 12 * 20,
  pairLeaders: 50,
  tied: 5000,
} as const;

const text = v.pipe(
  v.string(),
  v.maxLength(MODEL_LIMITS.text, `is longer than ${MODEL_LIMITS.text} characters`),
);
const list = <T extends v.GenericSchema>(item: T, max: number) =>
  v.pipe(v.array(item), v.maxLength(max, `has more than ${max.toLocaleString('en-US')} entries`));
const figure = v.nullable(v.pipe(v.number(), v.finite()));
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));
const isoTime = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/, 'is not a YYYY-MM-DDThh:mm:ss time'),
);

const measure = v.object({
  key: text,
  aggregation: v.picklist(AGGREGATIONS),
  column: v.nullable(text),
  label: text,
  format: v.picklist(['plain', 'money', 'percent']),
});

const modelSchema = v.object({
  columns: list(
    v.object({
      name: text,
      column: text,
      type: v.picklist(['integer', 'decimal', 'time', 'boolean', 'text']),
      timeFormat: v.nullable(text),
      sampleDistinct: count,
      scale: count,
    }),
    MODEL_LIMITS.columns,
  ),
  dimensions: list(text, MODEL_LIMITS.dimensions),
  measures: v.pipe(list(measure, MODEL_LIMITS.measures), v.minLength(1, 'has no measure')),
  time: v.nullable(v.object({ column: text, grain: v.picklist(TIME_GRAINS) })),
  rows: count,
  labels: v.optional(
    v.pipe(
      v.record(text, v.pipe(v.string(), v.maxLength(LABEL_MAX, `is longer than ${LABEL_MAX} characters`))),
      v.check(
        (labels) => Object.keys(labels).length <= MODEL_LIMITS.columns,
        `names more than ${MODEL_LIMITS.columns} columns`,
      ),
    ),
  ),
});

const filter = v.variant('kind', [
  v.object({
    kind: v.literal('values'),
    column: text,
    values: list(v.nullable(text), MODEL_LIMITS.filterValues),
    exclude: v.boolean(),
  }),
  v.object({
    kind: v.literal('range'),
    column: text,
    from: v.pipe(v.number(), v.finite()),
    to: v.pipe(v.number(), v.finite()),
  }),
  v.object({ kind: v.literal('time'), column: text, from: isoTime, to: isoTime }),
]);

const panels = v.object({
  rows: count,
  kpis: list(figure, MODEL_LIMITS.measures),
  leaderboards: list(
    v.object({
      column: text,
      measure: text,
      rows: list(
        v.object({ value: v.nullable(text), measure: figure, rank: count }),
        MODEL_LIMITS.leaderboardRows,
      ),
      total: figure,
      values: count,
    }),
    MODEL_LIMITS.dimensions,
  ),
  pair: v.optional(
    v.nullable(
      v.object({
        rows: text,
        columns: text,
        measure: text,
        cells: list(
          v.object({ a: v.nullable(text), b: v.nullable(text), measure: figure }),
          MODEL_LIMITS.pairCells,
        ),
        leaders: list(
          v.object({
            a: v.nullable(text),
            measure: figure,
            winners: list(v.nullable(text), MODEL_LIMITS.tied),
          }),
          MODEL_LIMITS.pairLeaders,
        ),
      }),
    ),
    null,
  ),
  series: v.nullable(
    v.object({
      column: text,
      grain: v.picklist(TIME_GRAINS),
      points: list(
        v.object({ period: isoTime, values: list(figure, MODEL_LIMITS.measures) }),
        MODEL_LIMITS.seriesPoints,
      ),
    }),
  ),
});

export const modelPanelSchema = v.pipe(
  v.object({ model: modelSchema, measure: text, filters: list(filter, MODEL_LIMITS.filters), panels }),
  v.check(
    (m) => m.model.measures.some((x) => x.key === m.measure),
    'names a measure its model does not have',
  ),
  v.check((m) => m.panels.kpis.length === m.model.measures.length, 'has KPIs that do not match its measures'),
);

export type ModelPanelSnapshot = v.InferOutput<typeof modelPanelSchema>;
