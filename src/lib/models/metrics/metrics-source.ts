import { LINEAGE } from '../dataset/columns';
import { ident, integer, literal } from '../sql';
import type { MetricsFilter } from './metrics-filters';
import { columnOf, type Measure, type MetricsModel, type ModelColumn } from './metrics-model';
import { groupSql, valueSql } from './metrics-sql';

/**
 * Where the panels read a model's figures from, and how: the dataset table itself (every value cast as
 * it is read), or the model's cube (the same figures pre-aggregated per dimension values, period and
 * file). The panels' SQL is written once against this.
 */
export interface MetricsSource {
  /** The relation to read (a table name, quoted). */
  from: string;
  /** A dimension's value, grouped. */
  group(column: string): string;
  /** The time column's period at the model's grain (null when the model has no time). */
  period(): string | null;
  measure(measure: Measure): string;
  /** The rows of the chosen files under every filter but those on `except`. */
  where(filters: readonly MetricsFilter[], files: readonly number[] | null, except?: string | null): string;
}

function needColumn(model: MetricsModel, name: string | null): ModelColumn {
  const column = columnOf(model, name);
  if (!column) throw new Error(`The model has no column named ${JSON.stringify(name)}.`);
  return column;
}

const isNumber = (column: ModelColumn) => column.type === 'integer' || column.type === 'decimal';

/**
 * Sums are exact for values with up to the column's places: summed as doubles with Kahan's compensation
 * (error ~1e-16 of the total), then rounded to those places. A DECIMAL(38) cast per value would be exact
 * too, but ~50× slower in DuckDB.
 */
export const exactSumSql = (partials: string, column: ModelColumn) =>
  `round(fsum(${partials}), ${integer(column.scale)})::DOUBLE`;

const inList = (value: string, values: readonly string[]) =>
  values.length === 0 ? 'false' : `${value} IN (${values.map(literal).join(', ')})`;

/** Several values are OR-ed, or all excluded; a missing value is one of them when picked. */
export function valuesCondition(value: string, values: readonly (string | null)[], exclude: boolean): string {
  const texts = values.filter((v): v is string => v !== null);
  const withNull = values.includes(null);
  if (!exclude) return `(${inList(value, texts)}${withNull ? ` OR ${value} IS NULL` : ''})`;
  if (texts.length === 0) return withNull ? `(${value} IS NOT NULL)` : 'true';
  return withNull
    ? `(${value} IS NOT NULL AND NOT ${inList(value, texts)})`
    : `(${value} IS NULL OR NOT ${inList(value, texts)})`;
}

const finite = (n: number) => {
  if (!Number.isFinite(n)) throw new RangeError(`Expected a finite number for SQL, got ${n}`);
  return `${n}::DOUBLE`;
};

function filesCondition(files: readonly number[] | null, column: string): string[] {
  return files === null ? [] : [`${column} IN (${[-1, ...files].map(integer).join(', ')})`];
}

const whereOf = (conditions: string[]) =>
  conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;

/** The dataset table: every value cast as it is read. Any model, any filter. */
export function scanSource(table: string, model: MetricsModel): MetricsSource {
  const timeColumn = model.time ? columnOf(model, model.time.column) : undefined;
  return {
    from: ident(table),
    group: (name) => groupSql(needColumn(model, name)),
    period: () =>
      model.time && timeColumn?.type === 'time'
        ? `date_trunc(${literal(model.time.grain)}, ${valueSql(timeColumn)})`
        : null,
    measure(measure) {
      if (measure.aggregation === 'count') return 'count(*)::DOUBLE';
      const column = needColumn(model, measure.column);
      if (measure.aggregation === 'distinct') return `count(DISTINCT ${groupSql(column)})::DOUBLE`;
      if (!isNumber(column)) throw new Error(`${measure.label}: ${column.name} is not a number column.`);
      if (measure.aggregation === 'sum') return exactSumSql(valueSql(column), column);
      return `${measure.aggregation}(${valueSql(column)})::DOUBLE`;
    },
    where(filters, files, except = null) {
      const conditions = filters
        .filter((f) => f.column !== except)
        .map((filter) => {
          const column = needColumn(model, filter.column);
          if (filter.kind === 'values')
            return valuesCondition(groupSql(column), filter.values, filter.exclude);
          if (filter.kind === 'time') {
            const value = valueSql(column);
            return `(${value} >= ${literal(filter.from)}::TIMESTAMP AND ${value} < ${literal(filter.to)}::TIMESTAMP)`;
          }
          // A histogram's range reads the column as numbers whatever the model's sample made of it.
          const number = `try_cast(trim(${ident(column.column)}) AS DOUBLE)`;
          return `(${number} BETWEEN ${finite(filter.from)} AND ${finite(filter.to)})`;
        });
      return whereOf([...filesCondition(files, ident(LINEAGE.source)), ...conditions]);
    },
  };
}
