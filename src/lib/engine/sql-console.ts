import { DataType, MessageReader, type Schema } from 'apache-arrow';
import { rowsFromArrow } from '$lib/arrow-rows';
import { positionAt, readDuckdbError, type SqlPosition } from '$lib/sql-console/error-position';
import { schemaSql, toSchemaTable, type SchemaTable } from '$lib/sql-console/schema';
import { DOWNLOAD_MAX_BYTES, resultCsvSql } from '$lib/sql-console/result-file';
import { checkStatement, enumsAsTextSql } from '$lib/sql-console/statement';
import type { SqlDownload, SqlLimits, SqlRunResult } from './api';

/** The few calls of DuckDB-WASM's synchronous bindings the console needs (the browser's or Node's). */
export interface ConsoleBindings {
  runQuery(conn: number, sql: string): Uint8Array;
  startPendingQuery(conn: number, sql: string, allowStreamResult?: boolean): Uint8Array | null;
  pollPendingQuery(conn: number): Uint8Array | null;
  cancelPendingQuery(conn: number): boolean;
  fetchQueryResults(conn: number): Uint8Array | null;
  copyFileToBuffer(path: string): Uint8Array;
  dropFile(path: string): unknown;
}

/** A console query that failed: DuckDB's message and where in the query it points. */
export class SqlConsoleError extends Error {
  override name = 'SqlError';
  constructor(
    message: string,
    readonly sql: string,
    readonly position: SqlPosition | null,
  ) {
    super(message);
  }
}

export class SqlCancelled extends Error {
  override name = 'SqlCancelled';
  constructor() {
    super('The query was cancelled; nothing else changed.');
  }
}

export const DEFAULT_LIMITS: SqlLimits = { maxRows: 1_000_000, maxBytes: 256 * 1024 * 1024 };

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Rows in the record batches of one IPC chunk, read from the message headers (no data decoded). */
export function batchRows(bytes: Uint8Array): number {
  const reader = new MessageReader(bytes);
  let rows = 0;
  for (let message = reader.readMessage(); message !== null; message = reader.readMessage()) {
    if (message.isRecordBatch()) rows += Number(message.header().length);
    reader.readMessageBody(message.bodyLength);
  }
  return rows;
}

/** The columns of a result schema that are dictionary-encoded (DuckDB's ENUMs). */
export function dictionaryColumns(header: Uint8Array): string[] {
  const message = new MessageReader(header).readMessage();
  if (!message?.isSchema()) return [];
  const schema = message.header() as Schema;
  return schema.fields.filter((f) => DataType.isDictionary(f.type)).map((f) => f.name);
}

function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}

/**
 * The SQL console's own connection. A query is checked (one statement that reads), then runs in a read-only
 * transaction as a pending, streamed query: the worker polls it and hands the event loop back every few
 * milliseconds, so a Cancel message gets through and the dashboard's queries keep being answered.
 * Streaming stops at the row and byte limits: a huge result never builds up in memory.
 */
export class SqlConsole {
  private cancelRequested = false;
  private turn: Promise<unknown> = Promise.resolve();
  /** The query running, and queued ones already cancelled, by the caller's ids. */
  private current: number | null = null;
  private readonly cancelledIds = new Set<number>();
  private nextId = -1;
  private files = 0;

  constructor(
    private readonly bindings: ConsoleBindings,
    private readonly conn: number,
    private readonly yieldNow: () => Promise<void> = nextTask,
    private readonly sliceMs = 25,
  ) {}

  /** Queries take turns. `id` (a caller's number) lets one be cancelled before it starts. */
  run(sql: string, limits: SqlLimits = DEFAULT_LIMITS, id = this.nextId--): Promise<SqlRunResult> {
    return this.inTurn(id, () => this.checkAndStream(sql, limits));
  }

  /**
   * Every row of the query, not only those the page shows: CSV written by DuckDB (its quoting), or the
   * Arrow IPC stream for the caller to write as Parquet or an Arrow file. Takes its turn; cancelled by id.
   */
  download(sql: string, kind: 'csv' | 'arrow', id = this.nextId--): Promise<SqlDownload> {
    return this.inTurn(id, async () => {
      if (kind === 'arrow') {
        const result = await this.checkAndStream(sql, { maxRows: Infinity, maxBytes: DOWNLOAD_MAX_BYTES });
        if (result.truncated) throw this.tooLarge(sql);
        return { bytes: result.arrow, rows: result.rows };
      }
      this.check(sql);
      const path = `dd_console_${++this.files}.csv`;
      try {
        const copied = await this.stream(resultCsvSql(sql, path), sql, { maxRows: 1, maxBytes: 1 << 20 });
        const count = Array.isArray(copied) ? undefined : rowsFromArrow(copied.arrow)[0]?.Count;
        return { bytes: this.bindings.copyFileToBuffer(path), rows: Number(count ?? 0) };
      } finally {
        try {
          this.bindings.dropFile(path);
        } catch {
          // never written
        }
      }
    });
  }

  private tooLarge(sql: string): SqlConsoleError {
    const most = `${DOWNLOAD_MAX_BYTES / 1024 / 1024 / 1024} GB`;
    return new SqlConsoleError(
      `The result is larger than ${most} as Arrow, the most a Parquet or Arrow download holds. ` +
        'Download it as CSV, or narrow the query to fewer columns or rows.',
      sql,
      null,
    );
  }

  /** Stops the query with this id, running or queued; without one, the query running. */
  cancel(id?: number): void {
    if (id === undefined || id === this.current) this.cancelRequested = true;
    else this.cancelledIds.add(id);
  }

  /** Takes its turn too: a statement run on the connection while a query streams would end that query. */
  schema(): Promise<SchemaTable[]> {
    const result = this.turn.then(async () =>
      rowsFromArrow(this.bindings.runQuery(this.conn, schemaSql())).map(toSchemaTable),
    );
    this.turn = result.catch(() => undefined);
    return result;
  }

  private fail(error: unknown, sql: string): SqlConsoleError {
    const raw = error instanceof Error ? error.message : String(error);
    const { message, position } = readDuckdbError(raw, sql);
    return new SqlConsoleError(message, sql, position);
  }

  private inTurn<T>(id: number, work: () => Promise<T>): Promise<T> {
    const result = this.turn.then(async () => {
      this.current = id;
      this.cancelRequested = this.cancelledIds.delete(id);
      try {
        if (this.cancelRequested) throw new SqlCancelled();
        return await work();
      } finally {
        this.current = null;
      }
    });
    this.turn = result.catch(() => undefined);
    return result;
  }

  /** The statement, when it is one that reads; otherwise the reason, with where it points. */
  private check(sql: string) {
    const check = checkStatement(sql);
    if (check.ok) return check.statement;
    const position = check.position === null ? null : positionAt(sql, check.position);
    throw new SqlConsoleError(check.message, sql, position);
  }

  private async checkAndStream(sql: string, limits: SqlLimits): Promise<SqlRunResult> {
    const started = performance.now();
    const statement = this.check(sql);
    let result = await this.stream(sql, sql, limits);
    if (Array.isArray(result)) {
      // DuckDB-WASM streams ENUM values without their dictionary: those columns are read as text instead.
      result = await this.stream(enumsAsTextSql(statement.text, result), sql, limits);
      if (Array.isArray(result)) throw new SqlConsoleError('The ENUM columns could not be read.', sql, null);
    }
    return { ...result, ms: Math.round(performance.now() - started) };
  }

  /** Streams `query` (the user's `sql`, or a rewrite of it); the names of ENUM columns when it has some. */
  private async stream(
    query: string,
    sql: string,
    limits: SqlLimits,
  ): Promise<Omit<SqlRunResult, 'ms'> | string[]> {
    const fail = (error: unknown) => {
      const failed = this.fail(error, query);
      return query === sql ? failed : new SqlConsoleError(failed.message, sql, null);
    };
    let sliceStart = performance.now();
    const step = async () => {
      if (performance.now() - sliceStart >= this.sliceMs) {
        await this.yieldNow();
        sliceStart = performance.now();
      }
      if (this.cancelRequested) throw new SqlCancelled();
    };
    const { bindings, conn } = this;
    this.begin();
    try {
      let header: Uint8Array | null;
      try {
        header = bindings.startPendingQuery(conn, query, true);
        while (header === null) {
          try {
            await step();
          } catch (cancelled) {
            bindings.cancelPendingQuery(conn);
            throw cancelled;
          }
          header = bindings.pollPendingQuery(conn);
        }
      } catch (error) {
        throw error instanceof SqlCancelled ? error : fail(error);
      }
      const enums = dictionaryColumns(header);
      if (enums.length > 0) return enums;
      const parts = [header];
      let bytes = header.length;
      let rows = 0;
      let truncated = false;
      for (;;) {
        await step();
        let chunk: Uint8Array | null;
        try {
          chunk = bindings.fetchQueryResults(conn);
        } catch (error) {
          throw fail(error);
        }
        if (chunk === null) continue;
        if (chunk.length === 0) break;
        if (rows >= limits.maxRows || bytes + chunk.length > limits.maxBytes) {
          truncated = true;
          break;
        }
        parts.push(chunk);
        bytes += chunk.length;
        rows += batchRows(chunk);
      }
      return { arrow: concat(parts, bytes), rows, truncated };
    } finally {
      this.end();
    }
  }

  private begin(): void {
    try {
      this.bindings.runQuery(this.conn, 'BEGIN TRANSACTION READ ONLY');
    } catch {
      // A transaction left open by a failure: end it and start afresh.
      this.end();
      this.bindings.runQuery(this.conn, 'BEGIN TRANSACTION READ ONLY');
    }
  }

  private end(): void {
    try {
      this.bindings.runQuery(this.conn, 'ROLLBACK');
    } catch {
      // nothing open
    }
  }
}
