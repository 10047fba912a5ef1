import * as v from 'valibot';
import { ANSWERS_SCHEMA } from './answers';
import { modelPanelSchema } from './model-panel-schema';

/**
 * `dropdash.snapshot/1`: a dashboard without its data. It holds the aggregated results behind the
 * panels (never raw rows) and is untrusted input wherever it comes from: every field is checked here.
 */
export const SNAPSHOT_SCHEMA = 'dropdash.snapshot/1';

/** Bounds that keep a hostile snapshot from costing the reader memory or time. */
export const LIMITS = {
  /** The snapshot's JSON text, decoded and decompressed. */
  jsonBytes: 1024 * 1024,
  text: 1000,
  restaurants: 500,
  cells: 20_000,
  tied: 5000,
  sources: 500,
  scopeRows: 100,
  panels: 50,
  timelinePoints: 2000,
  queryPoints: 5000,
  queryColumns: 100,
  queryRows: 20,
  sql: 20_000,
} as const;

const text = v.pipe(v.string(), v.maxLength(LIMITS.text, `is longer than ${LIMITS.text} characters`));
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));
const amount = v.pipe(v.number(), v.finite());
const list = <T extends v.GenericSchema>(item: T, max: number) =>
  v.pipe(v.array(item), v.maxLength(max, `has more than ${max.toLocaleString('en-US')} entries`));
const names = list(text, LIMITS.tied);
const isoDay = v.pipe(v.string(), v.isoDate('is not a YYYY-MM-DD date'));

/** A range of one column the dashboard was narrowed to (a brush), as `RangeFilter` has it. */
const rangeFilter = v.variant('kind', [
  v.object({ kind: v.literal('date'), column: text, name: text, from: isoDay, to: isoDay }),
  v.object({ kind: v.literal('number'), column: text, name: text, from: amount, to: amount }),
]);

const answer = v.object({
  name: text,
  visits: count,
  uniqueCustomers: count,
  revenue: amount,
  mostPopular: v.object({ orders: count, dishes: names }),
  mostProfitable: v.object({ revenue: amount, dishes: names }),
  topVisitors: v.object({ visits: count, customers: names }),
});

const overview = v.object({
  visits: count,
  uniqueCustomers: count,
  revenue: amount,
  missingCosts: count,
  unusableCosts: count,
  visitsWithoutRestaurant: count,
  sourceCount: count,
});

const mostRestaurants = v.object({ restaurants: count, customers: names });

const dishRank = {
  dish: text,
  orders: count,
  revenue: amount,
  ordersRank: count,
  revenueRank: count,
};

const totals = v.object({ name: text, visits: count, uniqueCustomers: count, revenue: amount });

const timeline = v.object({
  unit: v.picklist(['day', 'week', 'month']),
  points: list(v.object({ period: text, visits: count, revenue: amount }), LIMITS.timelinePoints),
  undated: count,
});

const scope = v.object({
  /** null: all restaurants. */
  restaurant: v.nullable(text),
  overview,
  timeline: v.nullable(timeline),
  dishes: list(v.object(dishRank), LIMITS.scopeRows),
  customers: list(
    v.object({ customer: text, visits: count, restaurants: count, tiedAtTop: count }),
    LIMITS.scopeRows,
  ),
});

export const sourceSchema = v.object({
  name: text,
  bytes: count,
  rows: count,
  contentHash: v.pipe(v.string(), v.regex(/^([a-z0-9]{1,16}:)?[0-9a-f]{0,128}$/, 'is not a content hash')),
});

const sources = list(sourceSchema, LIMITS.sources);

export const answersSchema = v.object({
  schema: v.literal(ANSWERS_SCHEMA),
  generatedAt: v.pipe(v.string(), v.isoTimestamp()),
  sources: list(v.object({ name: text, bytes: count, rows: count }), LIMITS.sources),
  totalRows: count,
  restaurants: list(answer, LIMITS.restaurants),
  mostRestaurantsVisited: mostRestaurants,
});

export const DISH_METRICS = ['orders', 'revenue'] as const;

/**
 * The panels shown, in order, with their own settings. Unknown ids are kept out of the output rather
 * than refused, so a later Dropdash can add panel kinds (with their data inside the entry) to this version.
 */
const cellValue = v.nullable(v.union([text, v.pipe(v.number(), v.finite()), v.boolean()]));
const valueKind = v.picklist(['number', 'text', 'temporal', 'boolean', 'other']);

/** A SQL query added to the dashboard: its text, chart and the points and first rows it returned. */
const queryPanel = v.object({
  title: text,
  sql: v.pipe(v.string(), v.maxLength(LIMITS.sql, `is longer than ${LIMITS.sql} characters`)),
  chart: v.object({
    type: v.picklist(['bar', 'line', 'scatter', 'pie']),
    x: text,
    xKind: valueKind,
    y: v.nullable(text),
  }),
  data: v.object({
    points: list(
      v.object({
        x: v.nullable(v.union([text, v.pipe(v.number(), v.finite())])),
        y: v.nullable(v.pipe(v.number(), v.finite())),
        other: v.optional(v.boolean()),
      }),
      LIMITS.queryPoints,
    ),
    total: count,
    note: v.nullable(text),
  }),
  columns: list(v.object({ name: text, kind: valueKind }), LIMITS.queryColumns),
  rows: list(list(cellValue, LIMITS.queryColumns), LIMITS.queryRows),
  rowCount: count,
  truncated: v.boolean(),
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
});

export const QUERY_PANEL_PREFIX = 'query:';

export const panelSchema = v.object({
  id: v.pipe(v.string(), v.maxLength(64)),
  metric: v.optional(v.picklist(DISH_METRICS)),
  /** Only on `query:…` panels. */
  query: v.optional(queryPanel),
  /** Only on the `model` panel: the model dashboard as it was shared. */
  model: v.optional(modelPanelSchema),
});

export const snapshotSchema = v.pipe(
  v.object({
    schema: v.literal(SNAPSHOT_SCHEMA, `is not "${SNAPSHOT_SCHEMA}"`),
    title: text,
    createdAt: v.pipe(v.string(), v.isoTimestamp('is not a date and time')),
    sources,
    restaurant: v.nullable(text),
    /** The item the dashboard was narrowed to when it was shared (every scope below is narrowed too). */
    item: v.nullable(text),
    /** A customer and a range the dashboard was narrowed to (absent in snapshots made before either). */
    customer: v.optional(v.nullable(text), null),
    range: v.optional(v.nullable(rangeFilter), null),
    /** The columns that played each role, as the file names them: the panels' wording follows them. */
    roles: v.object({
      place: v.nullable(text),
      item: v.nullable(text),
      customer: v.nullable(text),
      amount: v.nullable(text),
      date: v.nullable(text),
    }),
    panels: list(panelSchema, LIMITS.panels),
    data: v.object({
      totals: overview,
      restaurants: list(answer, LIMITS.restaurants),
      mostRestaurants,
      /** Per place, under the item filter: the same whichever place is selected. */
      placeTotals: list(totals, LIMITS.restaurants),
      matrix: list(v.object({ restaurant: text, dish: text, orders: count, revenue: amount }), LIMITS.cells),
      topDishes: list(v.object({ restaurant: text, ...dishRank }), LIMITS.cells),
      scopes: list(scope, LIMITS.restaurants + 1),
    }),
    answers: answersSchema,
  }),
  v.check(
    (s) => s.data.scopes.some((scope) => scope.restaurant === s.restaurant),
    'names a selected restaurant it holds no figures for',
  ),
);

export type Snapshot = v.InferOutput<typeof snapshotSchema>;
export type SnapshotScope = Snapshot['data']['scopes'][number];
export type SnapshotPanel = v.InferOutput<typeof panelSchema>;
export type SnapshotSource = v.InferOutput<typeof sourceSchema>;

/** "data.matrix.3.dish is longer than 1000 characters": where the first problem is, in words. */
export function describeIssue(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  if (!issue) return 'it is not valid';
  const path = v.getDotPath(issue);
  const message = issue.message.startsWith('Invalid') ? describeInvalid(issue) : issue.message;
  return path ? `${path} ${message}` : message;
}

function describeInvalid(issue: v.BaseIssue<unknown>): string {
  if (issue.received === 'undefined') return 'is missing';
  return issue.expected ? `should be ${issue.expected} but is ${issue.received}` : 'is not valid';
}

export type ValidationResult = { ok: true; snapshot: Snapshot } | { ok: false; problem: string };

export function validateSnapshot(value: unknown): ValidationResult {
  const result = v.safeParse(snapshotSchema, value);
  return result.success
    ? { ok: true, snapshot: result.output }
    : { ok: false, problem: describeIssue(result.issues) };
}
