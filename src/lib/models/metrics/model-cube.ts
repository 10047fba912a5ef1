import { LINEAGE } from '../dataset/columns';
import { ident, integer, literal } from '../sql';
import type { MetricsFilter } from './metrics-filters';
import { columnOf, type MetricsModel, type TimeGrain } from './metrics-model';
import { exactSql, scanSource, valuesCondition, type MetricsSource } from './metrics-source';
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

/** The plan for a model, or null when a measure needs what a cube cannot keep (distinct values of a non-dimension). */
export function cubePlan(model: MetricsModel): CubePlan | null {
  const numbers: string[] = [];
  for (const measure of model.measures) {
    if (measure.aggregation === 'count') continue;
    if (measure.aggregation === 'distinct') {
      if (!model.dimensions.includes(measure.column ?? '')) return null;
      continue;
    }
    if (measure.column !== null && !numbers.includes(measure.column)) numbers.push(measure.column);
  }
  return { dimensions: [...model.dimensions], numbers, grain: model.time?.grain ?? null };
}

/** One key per plan: a cube is built again only when what it must hold changes. */
export const cubeKey = (plan: CubePlan, time: string | null) => JSON.stringify([plan, time]);

/** Cubes are temporary tables: the catalog is named, whatever database the connection uses. */
export const cubeTable = (name: string) => `temp.main.${ident(name)}`;

export function createCubeSql(name: string, table: string, model: MetricsModel, plan: CubePlan): string {
  const scan = scanSource(table, model);
  const period = scan.period();
  const keys = [
    `${ident(LINEAGE.source)} AS src`,
    ...plan.dimensions.map((d, i) => `${scan.group(d)} AS g${i}`),
    `${period ?? 'NULL::TIMESTAMP'} AS p`,
  ];
  const figures = plan.numbers.flatMap((name, k) => {
    const column = columnOf(model, name);
    if (!column) throw new Error(`The model has no column named ${JSON.stringify(name)}.`);
    const value = valueSql(column);
    return [
      `sum(${exactSql(column)}) AS s${k}`,
      `count(${value}) AS c${k}`,
      `min(${value}) AS lo${k}`,
      `max(${value}) AS hi${k}`,
    ];
  });
  return `CREATE TEMP TABLE ${cubeTable(name)} AS SELECT ${[...keys, 'count(*) AS n', ...figures].join(', ')}
    FROM ${ident(table)} GROUP BY ALL`;
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
export function cubeSource(name: string, plan: CubePlan): MetricsSource {
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
      if (measure.aggregation === 'sum') return `sum(s${k})::DOUBLE`;
      if (measure.aggregation === 'avg') return `(sum(s${k})::DOUBLE / nullif(sum(c${k}), 0))`;
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
