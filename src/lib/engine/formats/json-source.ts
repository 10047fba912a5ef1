import { flattenRecord, wrappedRecords } from '$lib/models/file-formats/flatten-record';
import {
  errorLine,
  JsonRecordSplitter,
  JsonShapeError,
  type JsonRecordText,
} from '$lib/models/file-formats/json-records';
import { IngestError, KEEP } from '../ingest-errors';
import type { SourceFile } from '../ingest-record';
import type { TableBatch, TableSource } from '../ingest-table';
import { TextBatch } from './text-batch';

const BATCH_ROWS = 50_000;

/**
 * A JSON file as rows: an array of objects, or newline-delimited JSON, read as a stream of records (any
 * size); nested fields get dotted names. A file that is one object wrapping a list of records (an API's
 * answer) gives that list.
 */
export function jsonSource(file: File, source: SourceFile): TableSource {
  let records = 0;
  let shape: 'array' | 'lines' | 'wrapped' = 'lines';
  let wrappedAt = '';
  const fail = (line: number, what: string, exact = true) =>
    new IngestError(
      source.name,
      `"${source.name}" is not valid JSON: ${what}, ${exact ? 'on' : 'in the record starting on'} line ` +
        `${line.toLocaleString('en-US')}. Fix it there and drop the file again. ${KEEP}`,
    );
  const parse = (record: JsonRecordText): unknown => {
    try {
      return JSON.parse(record.text);
    } catch (error) {
      const raw = error instanceof Error ? error.message : String(error);
      const { line, exact } = errorLine(record, raw);
      // V8 quotes the text around the error, line breaks and all, then says "is not valid JSON" again.
      const message = raw.replace(/\s+/g, ' ').replace(/ is not valid JSON$/, '');
      throw fail(line, `a record cannot be read (${message})`, exact);
    }
  };
  async function* batches(): AsyncIterable<TableBatch> {
    const splitter = new JsonRecordSplitter();
    const batch = new TextBatch();
    let first: unknown = undefined;
    const add = (record: unknown) => {
      batch.add(flattenRecord(record));
      records++;
    };
    const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        const texts = done ? (splitter.end(), []) : splitter.push(value);
        if (splitter.isArray) shape = 'array';
        for (const text of texts) {
          const record = parse(text);
          // The first record waits: alone, it may be an object wrapping the records.
          if (records === 0 && first === undefined) first = record;
          else {
            if (first !== undefined) add(first);
            first = undefined;
            add(record);
          }
        }
        if (batch.rows >= BATCH_ROWS) yield batch.take();
        if (done) break;
      }
    } catch (error) {
      if (!(error instanceof JsonShapeError)) throw error;
      // A quote or bracket too many makes the rest look like one record: its parse error says where.
      const unfinished = splitter.unfinished;
      if (unfinished) parse(unfinished);
      throw fail(error.line, error.message);
    }
    if (first !== undefined) {
      const wrapped = shape === 'lines' ? wrappedRecords(first) : null;
      if (wrapped) {
        shape = 'wrapped';
        wrappedAt = wrapped.path;
        for (const record of wrapped.records) add(record);
      } else add(first);
    }
    if (batch.rows > 0) yield batch.take();
  }
  const count = () => `${records.toLocaleString('en-US')} record${records === 1 ? '' : 's'}`;
  return {
    ...source,
    columns: null,
    batches,
    format: () =>
      shape === 'array'
        ? `JSON, an array of ${count()}`
        : shape === 'wrapped'
          ? `JSON, ${count()} from "${wrappedAt}"`
          : `JSON, ${count()}, one per line`,
    notes: () =>
      shape === 'wrapped'
        ? [`"${source.name}" is one object: its ${count()} were read from its list "${wrappedAt}".`]
        : [],
  };
}
