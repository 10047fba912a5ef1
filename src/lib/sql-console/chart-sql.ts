import { ident } from '$lib/models/sql';
import { splitStatements } from './statement';

export type ChartType = 'bar' | 'line' | 'scatter' | 'pie';
export type ValueKind = 'number' | 'text' | 'temporal' | 'boolean' | 'other';

/** What to draw from a query's result: plain data, kept in query panels and snapshots. */
export interface ChartSpec {
  type: ChartType;
  /** The column on the x axis (the slices of a pie). */
  x: string;
  xKind: ValueKind;
  /** A numeric column, or null to count rows. */
  y: string | null;
}

/** The most a chart draws: bars and slices are summed per x, lines averaged in buckets, scatters sampled. */
export const CHART_POINTS: Record<ChartType, number> = { bar: 50, pie: 10, line: 2000, scatter: 5000 };

/** How many rows the query returns, counted by DuckDB without bringing them to the page. */
export function rowCountSql(query: string): string {
  const inner = splitStatements(query)[0]?.text ?? query;
  return `SELECT count(*) AS dd_rows FROM (\n${inner}\n) AS dd_query`;
}

/**
 * The points of a chart, computed by DuckDB from the query (run again as a subquery), so a result of any
 * size becomes at most CHART_POINTS[type] rows: x, y, dd_total (how many x values or rows there were) and,
 * for a pie, dd_other (the slice that gathers the rest). Bars keep the order in which x values first appear.
 */
export function chartDataSql(query: string, spec: ChartSpec): string {
  const limit = CHART_POINTS[spec.type];
  const y = spec.y === null ? '1' : `CAST(${ident(spec.y)} AS DOUBLE)`;
  const x = ident(spec.x);
  // The statement without its semicolon; the line breaks keep a trailing comment from eating the bracket.
  const inner = splitStatements(query)[0]?.text ?? query;
  const rows = `q AS (SELECT row_number() OVER () AS dd_row, ${x} AS x, ${y} AS y FROM (\n${inner}\n) AS dd_query)`;
  const sum = spec.y === null ? 'CAST(count(*) AS DOUBLE)' : 'sum(y)';
  const groups = `g AS (SELECT x, ${sum} AS y, min(dd_row) AS dd_first FROM q GROUP BY x)`;
  switch (spec.type) {
    case 'bar':
      return `WITH ${rows}, ${groups},
        top AS (SELECT *, count(*) OVER () AS dd_total FROM g ORDER BY y DESC NULLS LAST, dd_first LIMIT ${limit})
        SELECT CAST(x AS VARCHAR) AS x, y, dd_total FROM top ORDER BY dd_first`;
    case 'pie':
      return `WITH ${rows}, ${groups},
        ranked AS (SELECT *, row_number() OVER (ORDER BY y DESC, dd_first) AS dd_rank, count(*) OVER () AS dd_total
          FROM g WHERE y > 0),
        sliced AS (SELECT *, dd_total > ${limit} AND dd_rank >= ${limit} AS dd_other FROM ranked)
        SELECT CASE WHEN NOT dd_other THEN CAST(x AS VARCHAR) END AS x, sum(y) AS y, any_value(dd_total) AS dd_total,
          dd_other
        FROM sliced GROUP BY dd_other, CASE WHEN NOT dd_other THEN CAST(x AS VARCHAR) END ORDER BY min(dd_rank)`;
    case 'line': {
      const ordered = spec.xKind === 'number' || spec.xKind === 'temporal';
      const xValue =
        spec.xKind === 'temporal'
          ? 'CAST(epoch_ms(CAST(min(x) AS TIMESTAMP)) AS DOUBLE)'
          : ordered
            ? 'CAST(min(x) AS DOUBLE)'
            : 'CAST(first(x ORDER BY dd_row) AS VARCHAR)';
      return `WITH ${rows},
        points AS (SELECT *, y AS v FROM q WHERE ${ordered ? 'x IS NOT NULL' : 'true'}),
        bucketed AS (SELECT *, ntile(${limit}) OVER (ORDER BY ${ordered ? 'x, dd_row' : 'dd_row'}) AS dd_bucket,
          count(*) OVER () AS dd_total FROM points)
        SELECT ${xValue} AS x, avg(v) AS y, any_value(dd_total) AS dd_total
        FROM bucketed GROUP BY dd_bucket ORDER BY dd_bucket`;
    }
    case 'scatter': {
      const xValue = spec.xKind === 'number' ? 'CAST(x AS DOUBLE)' : 'CAST(x AS VARCHAR)';
      return `WITH ${rows},
        points AS (SELECT * FROM q WHERE x IS NOT NULL AND y IS NOT NULL),
        total AS (SELECT count(*) AS dd_total FROM points),
        sampled AS (SELECT * FROM points USING SAMPLE reservoir(${limit} ROWS) REPEATABLE (7))
        SELECT ${xValue} AS x, y, (SELECT dd_total FROM total) AS dd_total FROM sampled ORDER BY dd_row`;
    }
  }
}

export interface ChartPoint {
  x: string | number | null;
  y: number | null;
  /** The slice that gathers every value past the largest ones (pies). */
  other?: boolean;
}

export interface ChartData {
  points: ChartPoint[];
  /** How many x values (bars, pies) or rows (lines, scatters) the result had. */
  total: number;
  /** Says how the points were capped, when they were. */
  note: string | null;
}

const count = new Intl.NumberFormat('en-US');

export function chartNote(spec: ChartSpec, total: number, drawn: number): string | null {
  const limit = CHART_POINTS[spec.type];
  if (total <= limit) return null;
  const of = count.format(total);
  switch (spec.type) {
    case 'bar':
      return `The ${drawn} largest of ${of} ${spec.x} values.`;
    case 'pie':
      return `The ${limit - 1} largest of ${of} ${spec.x} values; the rest are one slice, “Other”.`;
    case 'line':
      return `${of} rows averaged into ${count.format(drawn)} points of consecutive ${spec.x}.`;
    case 'scatter':
      return `A random sample of ${count.format(drawn)} of ${of} points.`;
  }
}

/** Rows of chartDataSql's result as points; anything else is refused by name. */
export function chartDataFromRows(spec: ChartSpec, rows: readonly Record<string, unknown>[]): ChartData {
  const points = rows.map((row): ChartPoint => {
    const x = row.x;
    const y = row.y;
    const point: ChartPoint = {
      x:
        typeof x === 'string' || typeof x === 'number' ? x : x === null || x === undefined ? null : String(x),
      y: typeof y === 'number' && Number.isFinite(y) ? y : null,
    };
    if (row.dd_other === true) point.other = true;
    return point;
  });
  const total = Number(rows[0]?.dd_total ?? 0);
  return { points, total, note: chartNote(spec, total, points.length) };
}
