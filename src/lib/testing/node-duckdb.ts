import { DuckDBInstance } from '@duckdb/node-api';
import { createModelsSql } from '$lib/models/restaurant/build-ingest-sql';
import type { Row, SqlRunner } from '$lib/engine/sql-runner';

function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

/** Native DuckDB behind the same SqlRunner the worker uses, with the models created. For tests only. */
export async function openTestDatabase(): Promise<SqlRunner & { close(): void }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const runner = {
    async rows(sql: string): Promise<Row[]> {
      const result = await connection.runAndReadAll(sql);
      return result
        .getRowObjectsJS()
        .map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])));
    },
    async exec(sql: string): Promise<void> {
      await connection.run(sql);
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
  for (const sql of createModelsSql()) await runner.exec(sql);
  return runner;
}

/** Loads a file from tests/fixtures (or any path) the way the worker does, and returns the outcome. */
export async function ingestPath(
  db: SqlRunner,
  path: string,
  name = path.split('/').pop() ?? path,
  remembered: Parameters<typeof import('$lib/engine/ingest').ingestCsv>[3] = {},
  choice: Parameters<typeof import('$lib/engine/ingest').ingestCsv>[4] = {},
) {
  const { readFileSync, writeFileSync, mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { ingestCsv, SAMPLE_BYTES } = await import('$lib/engine/ingest');
  const { SourceViews } = await import('$lib/engine/source-views');
  const { contentHash } = await import('$lib/engine/content-hash');
  const content = new Uint8Array(readFileSync(path));
  const hash = await contentHash((start, end) => content.subarray(start, end), content.length);
  const reader = (blob: Blob) => async (start: number, end: number) =>
    new Uint8Array(await blob.slice(start, end).arrayBuffer());
  const views = new SourceViews(new Blob([content]), reader, async () => undefined);
  const open = async (view: Parameters<InstanceType<typeof SourceViews>['blob']>[0]) => {
    const blob = await views.blob(view);
    if (!blob) return path;
    const viewPath = `${mkdtempSync(`${tmpdir()}/dropdash-view-`)}/${name}`;
    writeFileSync(viewPath, new Uint8Array(await blob.arrayBuffer()));
    return viewPath;
  };
  const source = {
    name,
    bytes: content.length,
    head: content.subarray(0, SAMPLE_BYTES),
    contentHash: async () => hash,
    open,
  };
  return ingestCsv(db, source, undefined, remembered, choice);
}

/** The answers document the page would download, computed with the same SQL and builder. */
export async function answersFrom(db: SqlRunner, files: readonly number[] | null = null, dataset = 1) {
  const selection = { dataset, sources: files };
  const { answersSql, mostRestaurantsSql, overviewSql, sourcesSql } =
    await import('$lib/models/restaurant/build-dashboard-sql');
  const { toAnswer, toMostRestaurants, toOverview, toSource } =
    await import('$lib/models/restaurant/dashboard-rows');
  const { buildAnswersDocument } = await import('$lib/report/answers');
  return buildAnswersDocument({
    restaurants: (await db.rows(answersSql(selection))).map(toAnswer),
    mostRestaurants: toMostRestaurants((await db.rows(mostRestaurantsSql(selection)))[0]),
    sources: (await db.rows(sourcesSql(dataset)))
      .map(toSource)
      .filter((s) => !files || files.includes(s.sourceId)),
    totalRows: toOverview((await db.rows(overviewSql({ ...selection, restaurant: null })))[0]).visits,
    generatedAt: '1970-01-01T00:00:00.000Z',
  });
}
