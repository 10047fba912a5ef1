import { describe, expect, it } from 'vitest';
import { resultCsvSql, resultFileName } from './result-file';
import type { SchemaTable } from './schema';

const table = (name: string): SchemaTable => ({ schema: 'main', name, kind: 'table', columns: [], rows: 0 });
const tables = [table('weather'), table('weather_daily'), table('my "odd" table')];

describe('a console result as a file', () => {
  it('is named after the first table the query reads', () => {
    expect(resultFileName('SELECT * FROM weather_daily JOIN weather USING (date)', tables, 'csv')).toBe(
      'weather_daily.query.csv',
    );
    expect(resultFileName('select 1 from "WEATHER"', tables, 'parquet')).toBe('weather.query.parquet');
    expect(resultFileName('SELECT * FROM "my ""odd"" table"', tables, 'arrow')).toBe(
      'my_odd_table.query.arrow',
    );
    expect(resultFileName('SELECT 42 AS answer', tables, 'csv')).toBe('query-result.csv');
  });

  it('is written from the statement alone, its semicolon and trailing comment left out', () => {
    const sql = resultCsvSql('SELECT 1 AS one; -- the end', "it's.csv");
    expect(sql).toBe(
      "COPY (\nSELECT 1 AS one\n) TO 'it''s.csv' (FORMAT csv, HEADER true, USE_TMP_FILE false)",
    );
  });
});
