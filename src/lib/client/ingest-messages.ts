import type { IngestReport } from '$lib/engine/api';

export interface DropMessages {
  /** Why files failed: one message per file. */
  notices: string[];
  /** What is worth knowing and not an error: skipped duplicates, new datasets, renamed columns, cancels. */
  info: string[];
  /** The dataset the drop's last loaded file went to: the one to show. */
  datasetId: number | null;
}

/** What a drop's report tells the user, file by file, in the order the files were dropped. */
export function dropMessages(report: IngestReport): DropMessages {
  const files = report.files;
  const notices = files.flatMap((f) => (f.status === 'failed' ? [f.reason] : []));
  const info = files.flatMap((f) =>
    f.status === 'skipped' ? [f.reason] : f.status === 'loaded' ? f.notes : [],
  );
  const cancelled = files.filter((f) => f.status === 'cancelled').map((f) => `"${f.name}"`);
  if (cancelled.length > 0) {
    info.push(`Load cancelled: ${cancelled.join(', ')} not loaded. Data loaded before is unchanged.`);
  }
  const loaded = files.flatMap((f) => (f.status === 'loaded' ? [f] : []));
  return { notices, info, datasetId: loaded.at(-1)?.datasetId ?? null };
}
