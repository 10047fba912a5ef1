import { transferHandlers, type TransferHandler } from 'comlink';
import type { SqlPosition } from '$lib/sql-console/error-position';

/** An error from the engine, rebuilt on the main thread with the SQL that caused it. */
export class EngineError extends Error {
  constructor(
    message: string,
    override readonly name: string = 'EngineError',
    readonly sql?: string,
    remoteStack?: string,
    /** Where in `sql` the error points, when DuckDB says (SQL console errors). */
    readonly position?: SqlPosition,
  ) {
    super(message);
    if (remoteStack) this.stack = remoteStack;
  }
}

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  sql?: string;
  position?: SqlPosition;
}

export function serializeError(error: unknown, sql?: string): SerializedError {
  if (error instanceof Error) {
    const own = (error as { sql?: unknown }).sql;
    const position = (error as { position?: SqlPosition | null }).position;
    return {
      name: error.name,
      message: error.message,
      stack: error.stack,
      sql: typeof own === 'string' ? own : sql,
      ...(position ? { position } : {}),
    };
  }
  return { name: 'Error', message: String(error), sql };
}

type Thrown = { value: unknown };

/** Replaces comlink's error handler on both sides: errors cross as {name, message, stack, sql}. */
export function installErrorTransfer(): void {
  const handler: TransferHandler<Thrown, SerializedError> = {
    canHandle: (value): value is Thrown =>
      typeof value === 'object' && value !== null && 'value' in value && isThrown(value),
    serialize: ({ value }) => [serializeError(value), []],
    deserialize: (e) => {
      throw new EngineError(e.message, e.name, e.sql, e.stack, e.position);
    },
  };
  transferHandlers.set('throw', handler as TransferHandler<unknown, unknown>);
}

// comlink marks thrown values with a private symbol, Symbol('Comlink.thrown'); match it by description.
function isThrown(value: object): boolean {
  return Object.getOwnPropertySymbols(value).some((s) => s.description === 'Comlink.thrown');
}
