import { tableFromIPC, tableToIPC } from 'apache-arrow';
import type { ResultFormat } from '$lib/sql-console/result-file';
import type { SqlDownload } from './api';
import { writeParquetFile } from './formats/parquet-source';
import type { SqlConsole } from './sql-console';

/**
 * Every row of a console query in the format asked for: CSV as DuckDB writes it; Parquet (parquet-wasm)
 * and Arrow IPC files from DuckDB's Arrow result, written again by apache-arrow, which parquet-wasm needs
 * anyway (it refuses DuckDB's bytes as they come).
 */
export async function downloadResult(
  sqlConsole: SqlConsole,
  sql: string,
  format: ResultFormat,
  id?: number,
): Promise<SqlDownload> {
  if (format === 'csv') return sqlConsole.download(sql, 'csv', id);
  const { bytes, rows } = await sqlConsole.download(sql, 'arrow', id);
  const table = tableFromIPC(bytes);
  if (format === 'arrow') return { bytes: tableToIPC(table, 'file'), rows };
  return { bytes: await writeParquetFile(tableToIPC(table, 'stream')), rows };
}
