import { parseSnapshotJson, SnapshotError } from './snapshot-codec';
import { SNAPSHOT_ELEMENT_ID } from './snapshot-html';
import type { Snapshot } from './snapshot-schema';

/** An exported report is about 0.5 MB of viewer plus at most 1 MB of snapshot. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

const SNAPSHOT_BLOCK = new RegExp(
  `<script type="application/json" id="${SNAPSHOT_ELEMENT_ID}">([^<]*)</script>`,
);

/** The snapshot inside a dropped file; throws SnapshotError with what is wrong with it. */
export async function readSnapshotFile(file: File): Promise<Snapshot> {
  if (file.size > MAX_FILE_BYTES)
    throw new SnapshotError(
      `it is ${(file.size / 1024 / 1024).toFixed(1)} MB; a Dropdash report is at most 8 MB.`,
    );
  const text = await file.text();
  if (!/\.html?$/i.test(file.name)) return parseSnapshotJson(text);
  // Read as text, never parsed as a document: an exported report's JSON block holds no "<" at all.
  const block = SNAPSHOT_BLOCK.exec(text);
  if (!block) throw new SnapshotError('it is not a Dropdash report: it holds no snapshot.');
  return parseSnapshotJson(block[1] ?? '');
}
