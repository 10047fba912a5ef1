import { describe, expect, it } from 'vitest';
import type { FileResult } from '$lib/engine/api';
import { dropMessages } from './ingest-messages';

const loaded = (name: string, datasetId: number, notes: string[] = []): FileResult => ({
  status: 'loaded',
  name,
  datasetId,
  notes,
  newDataset: notes.length > 0,
  sourceId: datasetId,
  bytes: 1,
  rows: 1,
  rejected: 0,
  delimiter: ',',
  encoding: 'utf-8',
  contentHash: 'x',
  ms: 1,
  columns: 4,
  read: {
    encoding: 'utf-8',
    delimiter: ',',
    quote: '"',
    escape: '"',
    header: true,
    skip: 0,
    comments: false,
  },
});

describe('dropMessages', () => {
  it('says why files failed, what else happened, and which dataset to show', () => {
    const files: FileResult[] = [
      loaded('a.csv', 1),
      { status: 'failed', name: 'b.csv', bytes: 0, reason: '"b.csv" is empty', ms: 0 },
      loaded('c.csv', 2, ['"c.csv" has different columns from "a.csv"']),
      { status: 'skipped', name: 'd.csv', bytes: 1, reason: '"d.csv" has the same content', ms: 0 },
      { status: 'cancelled', name: 'e.csv', bytes: 1, reason: 'cancelled', ms: 0 },
    ];
    expect(dropMessages({ files, history: files })).toEqual({
      notices: ['"b.csv" is empty'],
      info: [
        '"c.csv" has different columns from "a.csv"',
        '"d.csv" has the same content',
        'Load cancelled: "e.csv" not loaded. Data loaded before is unchanged.',
      ],
      datasetId: 2,
    });
  });

  it('shows no dataset when nothing loaded', () => {
    expect(dropMessages({ files: [], history: [] }).datasetId).toBeNull();
  });
});
