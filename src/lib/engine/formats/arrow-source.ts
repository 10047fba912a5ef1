import { RecordBatchReader, Table, tableToIPC } from 'apache-arrow';
import { IngestError, KEEP } from '../ingest-errors';
import type { SourceFile } from '../ingest-record';
import type { TableBatch, TableSource } from '../ingest-table';

/**
 * An Arrow IPC file (Feather v2) or stream, a record batch at a time. The file format keeps its index at
 * the end, so the file is read into memory whole: up to 2 GB, as one JavaScript buffer can hold.
 */
export async function arrowSource(file: File, source: SourceFile): Promise<TableSource> {
  const broken = (why: string) =>
    new IngestError(
      source.name,
      `"${source.name}" could not be read as Arrow IPC (Feather): ${why}. It may be cut short or not ` +
        `an Arrow file: write it again (pyarrow.feather.write_feather, or DataFrame.to_feather) and drop ` +
        `it again. ${KEEP}`,
    );
  const bytes = new Uint8Array(await file.arrayBuffer());
  const text = (from: number, to: number) => new TextDecoder().decode(bytes.subarray(from, to));
  // The file format ends with its index and the word ARROW1: without them it was cut short.
  if (text(0, 6) === 'ARROW1' && text(bytes.length - 6, bytes.length) !== 'ARROW1')
    throw broken('it ends early (an Arrow file ends with ARROW1 after its index; this one does not)');
  let reader: RecordBatchReader;
  try {
    reader = RecordBatchReader.from(bytes);
    reader.open();
  } catch (error) {
    throw broken(error instanceof Error ? error.message : String(error));
  }
  const columns = reader.schema.fields.map((field) => field.name);
  const seen = new Set<string>();
  const repeated = columns.find((name) => seen.size === seen.add(name.toLowerCase()).size);
  if (repeated !== undefined) throw broken(`the column name "${repeated}" appears twice`);
  let batchCount = 0;
  async function* batches(): AsyncIterable<TableBatch> {
    try {
      for (const batch of reader) {
        batchCount++;
        if (batch.numRows > 0)
          yield { ipc: tableToIPC(new Table([batch]), 'stream'), rows: batch.numRows, columns };
      }
    } catch (error) {
      if (error instanceof IngestError) throw error;
      throw broken(error instanceof Error ? error.message : String(error));
    }
  }
  return {
    ...source,
    columns,
    batches,
    format: () =>
      `Arrow IPC, ${batchCount.toLocaleString('en-US')} record batch${batchCount === 1 ? '' : 'es'}`,
    notes: () => [],
  };
}
