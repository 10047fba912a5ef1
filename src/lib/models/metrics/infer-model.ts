import type { Row } from '$lib/engine/sql-runner';
import { SAMPLE_ROWS, sampleValuesSql, TYPE_SHARE } from '../profile/column-type';
import { ident, literal } from '../sql';
import { valueSql } from './metrics-sql';
import {
  makeMeasure,
  type Measure,
  type MetricsModel,
  type ModelColumn,
  type ModelColumnType,
  type TimeGrain,
} from './metrics-model';

/** Dates and times that are not ISO, tried on text columns; the first that reads the most values wins. */
export const TIME_FORMATS = [
  '%m/%d/%Y',
  '%d/%m/%Y',
  '%m/%d/%Y %H:%M',
  '%m/%d/%Y %H:%M:%S',
  '%d/%m/%Y %H:%M',
  '%d/%m/%Y %H:%M:%S',
  '%d.%m.%Y',
  '%Y/%m/%d',
  '%b %d %Y',
  '%b %d, %Y',
  '%d %b %Y',
  '%B %d %Y',
  '%B %d, %Y',
  '%d %B %Y',
] as const;

const numberLike = (v: string) => `ascii(${v}) BETWEEN 43 AND 57`;
const BOOLEAN_WORDS = `('true', 'false', 't', 'f', 'yes', 'no', 'y', 'n')`;

/** What the first rows say of each column (a row per `name`): how many values, how varied, which types. */
export function columnFactsSql(table: string, columns: readonly string[], rows = SAMPLE_ROWS): string {
  const v = 'v';
  const converts = (type: string, guard: string) =>
    `count(CASE WHEN ${guard} THEN try_cast(${v} AS ${type}) END)`;
  return `SELECT name, count(${v}) AS n, count(DISTINCT ${v}) AS d,
      ${converts('BIGINT', `${numberLike(v)} AND NOT contains(${v}, '.')`)} AS int,
      ${converts('DOUBLE', numberLike(v))} AS dec,
      ${converts('TIMESTAMP', `${numberLike(v)} AND length(${v}) BETWEEN 8 AND 40`)} AS ts,
      count(*) FILTER (lower(${v}) IN ${BOOLEAN_WORDS}) AS bool,
      avg(length(${v})) AS len,
      max(CASE WHEN ${numberLike(v)} AND try_cast(${v} AS DOUBLE) IS NOT NULL
        THEN length(split_part(${v}, '.', 2)) END) AS scale
    FROM ${sampleValuesSql(table, columns, rows)}
    GROUP BY name`;
}

/** For text columns (a row per `name`): how many sampled values each non-ISO date format reads. */
export function timeFormatsSql(table: string, columns: readonly string[], rows = SAMPLE_ROWS): string {
  const parts = TIME_FORMATS.map(
    (format, f) =>
      `count(CASE WHEN length(v) BETWEEN 6 AND 30 THEN try_strptime(v, ${literal(format)}) END) AS f${f}`,
  );
  return `SELECT name, ${parts.join(', ')} FROM ${sampleValuesSql(table, columns, rows)} GROUP BY name`;
}

/** One column as the sample shows it. */
export interface ColumnFacts {
  name: string;
  column: string;
  values: number;
  distinct: number;
  integers: number;
  decimals: number;
  timestamps: number;
  booleans: number;
  averageLength: number;
  scale: number;
  /** Values read by each of TIME_FORMATS, when asked. */
  formats: number[];
}

/** A column's facts from its row of `columnFactsSql` (none: no value in the first rows). */
export function factsFromRow(row: Row | undefined, name: string, column: string): ColumnFacts {
  const num = (key: string) => Number(row?.[key] ?? 0);
  return {
    name,
    column,
    values: num('n'),
    distinct: num('d'),
    integers: num('int'),
    decimals: num('dec'),
    timestamps: num('ts'),
    booleans: num('bool'),
    averageLength: num('len'),
    scale: num('scale'),
    formats: [],
  };
}

export const formatsFromRow = (row: Row | undefined) =>
  TIME_FORMATS.map((_, f) => Number(row?.[`f${f}`] ?? 0));

/** A column whose type is text by the first pass and could still be a date in another form. */
export const mayBeTime = (facts: ColumnFacts) =>
  typeOf(facts).type === 'text' && facts.values > 0 && facts.averageLength >= 6 && facts.averageLength <= 30;

function typeOf(facts: ColumnFacts): { type: ModelColumnType; timeFormat: string | null } {
  const fits = (n: number) => facts.values > 0 && n >= TYPE_SHARE * facts.values;
  if (fits(facts.integers)) return { type: 'integer', timeFormat: null };
  if (fits(facts.decimals)) return { type: 'decimal', timeFormat: null };
  if (fits(facts.timestamps)) return { type: 'time', timeFormat: null };
  const best = Math.max(0, ...facts.formats);
  if (fits(best)) return { type: 'time', timeFormat: TIME_FORMATS[facts.formats.indexOf(best)] ?? null };
  if (fits(facts.booleans)) return { type: 'boolean', timeFormat: null };
  return { type: 'text', timeFormat: null };
}

const IDENTIFIER_NAME = /(^|[^a-z])(id|uuid|guid|key|code|zip|postcode|phone|number|no)$/i;
/** Few enough values to read as a list: a whole-number column with at most this many is a code. */
const CODE_VALUES = 24;
/** Free text (notes, descriptions): long values, nearly all different. Not worth grouping by. */
const FREE_TEXT_LENGTH = 40;
const DEFAULT_DIMENSIONS = 12;
const DEFAULT_NUMBER_MEASURES = 6;
const DEFAULT_DISTINCT_MEASURES = 2;

export function modelColumn(facts: ColumnFacts): ModelColumn {
  const { type, timeFormat } = typeOf(facts);
  return {
    name: facts.name,
    column: facts.column,
    type,
    timeFormat,
    sampleDistinct: facts.distinct,
    scale: type === 'decimal' ? Math.min(facts.scale, 10) : 0,
  };
}

const varied = (facts: ColumnFacts) => facts.distinct >= 20 && facts.distinct >= 0.2 * facts.values;

/**
 * The model a person would start from: every grouping column a dimension, a sum and an average of every
 * number, distinct counts of identifier-like columns, the first time column. Found from the values,
 * not the names (names only keep an id from being summed).
 */
export function inferModel(
  allFacts: readonly ColumnFacts[],
  rows: number,
): Omit<MetricsModel, 'time'> & {
  timeColumn: string | null;
} {
  const columns = allFacts.map(modelColumn);
  const dimensions: string[] = [];
  const numbers: string[] = [];
  const distincts: string[] = [];
  for (const [i, column] of columns.entries()) {
    const facts = allFacts[i] as ColumnFacts;
    if (facts.values === 0) continue;
    const identifier = IDENTIFIER_NAME.test(column.name);
    const freeText = facts.averageLength > FREE_TEXT_LENGTH && varied(facts);
    const number = column.type === 'integer' || column.type === 'decimal';
    if ((column.type === 'text' && !freeText) || column.type === 'boolean') dimensions.push(column.name);
    if (column.type === 'integer' && facts.distinct <= CODE_VALUES) dimensions.push(column.name);
    if (number && !identifier) numbers.push(column.name);
    if ((column.type === 'text' || identifier) && !freeText && varied(facts)) distincts.push(column.name);
  }
  const measures: Measure[] = [
    makeMeasure('count', null),
    ...numbers
      .slice(0, DEFAULT_NUMBER_MEASURES)
      .flatMap((c) => [makeMeasure('sum', c), makeMeasure('avg', c)]),
    ...distincts.slice(0, DEFAULT_DISTINCT_MEASURES).map((c) => makeMeasure('distinct', c)),
  ];
  const timeColumn = columns.find((c) => c.type === 'time')?.name ?? null;
  return { columns, dimensions: dimensions.slice(0, DEFAULT_DIMENSIONS), measures, rows, timeColumn };
}

const DAY = 86_400_000;

/** The grain that draws a span in a readable number of points (a few dozen to a few hundred). */
export function grainFor(fromIso: string | null, toIso: string | null): TimeGrain {
  if (fromIso === null || toIso === null) return 'day';
  const span = Date.parse(toIso) - Date.parse(fromIso);
  if (!Number.isFinite(span) || span <= 3 * DAY) return 'hour';
  if (span <= 200 * DAY) return 'day';
  if (span <= 3 * 365 * DAY) return 'week';
  if (span <= 30 * 365 * DAY) return 'month';
  return 'year';
}

/**
 * The time column's first and last value over the whole table. ISO text sorts as time does, so its
 * text's least and greatest are read (casting two values, not every one); other forms are parsed.
 */
export function timeSpanSql(table: string, column: ModelColumn): string {
  const iso = column.timeFormat === null;
  const text = `nullif(trim(${ident(column.column)}), '')`;
  const value = iso ? text : valueSql(column);
  const ends = `SELECT min(${value}) AS lo, max(${value}) AS hi FROM ${ident(table)}`;
  const at = (end: string) => `strftime(${iso ? `try_cast(${end} AS TIMESTAMP)` : end}, '%Y-%m-%dT%H:%M:%S')`;
  return `SELECT ${at('lo')} AS lo, ${at('hi')} AS hi FROM (${ends})`;
}
