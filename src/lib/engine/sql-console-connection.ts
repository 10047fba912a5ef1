import { WORK } from '$lib/models/restaurant/build-persist-sql';
import type { Database } from './duckdb';
import { SqlConsole } from './sql-console';

/** The console's own connection, reading the working tables the dashboard reads. */
export function openConsole({ bindings }: Database): SqlConsole {
  const conn = bindings.connect().useUnsafe((_, id) => id);
  bindings.runQuery(conn, `USE ${WORK}`);
  return new SqlConsole(bindings, conn);
}
