import { LINEAGE } from '../dataset/columns';
import { ident, integer, literal } from '../sql';
import type { MetricsFilter } from './metrics-filters';
import { columnOf, type Measure, type MetricsModel, type TimeGrain } from './metrics-model';
import { exactSumSql, scanSource, valuesCondition, type MetricsSource } from './metrics-source';
import { valueSql } from './metrics-sql';

/**
 * A model's cube: its figures pre-aggregated per file × dimension values × period, so every panel reads
 * a few thousand rows instead of casting every value of the table again. What it holds follows the model.
 */
export interface CubePlan {
  dimensions: string[];
  /** Number columns the measures aggregate: each keeps its exact sum, count, lowest and highest. */
  numbers: string[];
  grain: TimeGrain | null;
}

/**
 * A dimension with more values than this among the sampled rows (a user id) stays out of the cube: the
 * cube would be nearly as large as the table. Its panels read the rows.
 */
export const CUBE_DIMENSION_VALUES = 500;

/** What a model's cube holds: its dimensions with few values, every number its measures aggregate. */
export function cubePlan(model: MetricsModel): CubePlan {
  const numbers: string[] = [];
  for (const measure of model.measures) {
    if (measure.aggregation === 'count' || measure.aggregation === 'distinct') continue;
    if (measure.column !== null && !numbers.includes(measure.column)) numbers.push(measure.column);
  }
  const dimensions = model.dimensions.filter(
    (d) => (columnOf(model, d)?.sampleDistinct ?? Infinity) <= CUBE_DIMENSION_VALUES,
  );
  return { dimensions, numbers, grain: model.time?.grain ?? null };
}

/** Whether the cube can compute a measure: a distinct count only of a dimension it groups by. */
export function cubeHasMeasure(plan: CubePlan, measure: Measure): boolean {
  if (measure.aggregation === 'count') return true;
  if (measure.aggregation === 'distinct') return plan.dimensions.includes(measure.column ?? '');
  return plan.numbers.includes(measure.column ?? '');
}

/** One key per plan: a cube is built again only when what it must hold changes. */
export const cubeKey = (plan: CubePlan, time: string | null) => JSON.stringify([plan, time]);

/** Cubes are temporary tables: the catalog is named, whatever database the connection uses. */
export const cubeTable = (name: string) => `temp.main.${ident(name)}`;

/**
 * Grouped twice: first by the raw text of each dimension (cheap to hash), with each number cast once per
 * row; then by the cleaned values (trimmed, empty as missing), over the few groups left.
 */
export function createCubeSql(name: string, table: string, model: MetricsModel, plan: CubePlan): string {
  const scan = scanSource(table, model);
  const period = scan.period() ?? 'NULL::TIMESTAMP';
  const numbers = plan.numbers.map((name) => {
    const column = columnOf(model, name);
    if (!column) throw new Error(`The model has no column named ${JSON.stringify(name)}.`);
    return column;
  });
  const dimensions = plan.dimensions.map((name) => {
    const column = columnOf(model, name);
    if (!column) throw new Error(`The model has no column named ${JSON.stringify(name)}.`);
    return column;
  });
  const rows = [
    `${ident(LINEAGE.source)} AS src`,
    ...dimensions.map((c, i) => `${ident(c.column)} AS r${i}`),
    `${period} AS p`,
    ...numbers.map((c, k) => `${valueSql(c)} AS v${k}`),
  ];
  const raw = [
    'src',
    ...dimensions.map((_, i) => `r${i}`),
    'p',
    'count(*) AS n',
    ...numbers.flatMap((_, k) => [
      `fsum(v${k}) AS s${k}`,
      `count(v${k}) AS c${k}`,
      `min(v${k}) AS lo${k}`,
      `max(v${k}) AS hi${k}`,
    ]),
  ];
  const clean = [
    'src',
    ...dimensions.map((_, i) => `nullif(trim(r${i}), '') AS g${i}`),
    'p',
    'sum(n)::BIGINT AS n',
    ...numbers.flatMap((_, k) => [
      `fsum(s${k}) AS s${k}`,
      `sum(c${k})::BIGINT AS c${k}`,
      `min(lo${k}) AS lo${k}`,
      `max(hi${k}) AS hi${k}`,
    ]),
  ];
  return `CREATE TEMP TABLE ${cubeTable(name)} AS SELECT ${clean.join(', ')} FROM (
      SELECT ${raw.join(', ')} FROM (SELECT ${rows.join(', ')} FROM ${ident(table)}) GROUP BY ALL
    ) GROUP BY ALL`;
}

/** Whether an ISO time (no zone) is where a period of the grain starts: a span of whole periods. */
export function isPeriodStart(iso: string, grain: TimeGrain): boolean {
  const at = new Date(`${iso}Z`);
  if (Number.isNaN(at.getTime())) return false;
  const time = at.getUTCMinutes() === 0 && at.getUTCSeconds() === 0 && at.getUTCMilliseconds() === 0;
  if (grain === 'hour') return time;
  const day = time && at.getUTCHours() === 0;
  if (grain === 'day') return day;
  if (grain === 'week') return day && at.getUTCDay() === 1;
  if (grain === 'month') return day && at.getUTCDate() === 1;
  return day && at.getUTCDate() === 1 && at.getUTCMonth() === 0;
}

/** A cube answers filters on its dimensions and spans of whole periods; a number range needs the rows. */
export function cubeAnswers(plan: CubePlan, model: MetricsModel, filters: readonly MetricsFilter[]): boolean {
  return filters.every((f) => {
    if (f.kind === 'values') return plan.dimensions.includes(f.column);
    if (f.kind === 'time') {
      const grain = plan.grain;
      return (
        grain !== null &&
        model.time?.column === f.column &&
        isPeriodStart(f.from, grain) &&
        isPeriodStart(f.to, grain)
      );
    }
    return false;
  });
}

/** The cube as a source: the same panels' SQL reads it. */
export function cubeSource(name: string, plan: CubePlan, model: MetricsModel): MetricsSource {
  const needNumber = (name: string | null) => {
    const column = columnOf(model, name);
    if (!column) throw new Error(`The model has no column named ${JSON.stringify(name)}.`);
    return column;
  };
  const dimension = (column: string) => {
    const i = plan.dimensions.indexOf(column);
    if (i < 0) throw new Error(`The cube does not group by ${JSON.stringify(column)}.`);
    return `g${i}`;
  };
  const number = (column: string | null) => {
    const k = plan.numbers.indexOf(column ?? '');
    if (k < 0) throw new Error(`The cube keeps no figures of ${JSON.stringify(column)}.`);
    return k;
  };
  return {
    from: cubeTable(name),
    group: dimension,
    period: () => (plan.grain === null ? null : 'p'),
    measure(measure) {
      if (measure.aggregation === 'count') return 'sum(n)::DOUBLE';
      if (measure.aggregation === 'distinct')
        return `count(DISTINCT ${dimension(measure.column ?? '')})::DOUBLE`;
      const k = number(measure.column);
      if (measure.aggregation === 'sum') return exactSumSql(`s${k}`, needNumber(measure.column));
      if (measure.aggregation === 'avg') return `(fsum(s${k}) / nullif(sum(c${k}), 0))::DOUBLE`;
      return measure.aggregation === 'min' ? `min(lo${k})::DOUBLE` : `max(hi${k})::DOUBLE`;
    },
    where(filters, files, except = null) {
      const conditions = filters
        .filter((f) => f.column !== except)
        .map((f) => {
          if (f.kind === 'values') return valuesCondition(dimension(f.column), f.values, f.exclude);
          if (f.kind === 'time')
            return `(p >= ${literal(f.from)}::TIMESTAMP AND p < ${literal(f.to)}::TIMESTAMP)`;
          throw new Error('A cube cannot answer a number range.');
        });
      const sources = files === null ? [] : [`src IN (${[-1, ...files].map(integer).join(', ')})`];
      const all = [...sources, ...conditions];
      return all.length === 0 ? '' : `WHERE ${all.join(' AND ')}`;
    },
  };
}
