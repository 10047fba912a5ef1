import { Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import { TableColumns } from '$lib/models/file-formats/table-columns';
import type { TableBatch } from '../ingest-table';

/** Rows whose fields vary (JSON records, spreadsheet rows), gathered as text columns for one Arrow batch. */
export class TextBatch {
  private values = new Map<string, (string | null)[]>();
  rows = 0;

  constructor(
    /** The file's columns: shared by its batches, so a field keeps its column from batch to batch. */
    readonly columns = new TableColumns(),
  ) {}

  add(fields: Iterable<readonly [string, string | null]>): void {
    for (const [field, value] of fields) {
      const column = this.columns.column(field);
      let values = this.values.get(column);
      if (!values) {
        values = [];
        this.values.set(column, values);
      }
      values[this.rows] = value;
    }
    this.rows++;
  }

  /** The rows so far as an Arrow stream (every column met so far, no value where a row lacks it); then empty. */
  take(): TableBatch {
    const vectors = Object.fromEntries(
      this.columns.names.map((name) => {
        const values = this.values.get(name) ?? [];
        const full = Array.from({ length: this.rows }, (_, i) => values[i] ?? null);
        return [name, vectorFromArray(full, new Utf8())];
      }),
    );
    const batch = {
      ipc: tableToIPC(new Table(vectors), 'stream'),
      rows: this.rows,
      columns: [...this.columns.names],
    };
    this.values = new Map();
    this.rows = 0;
    return batch;
  }
}
