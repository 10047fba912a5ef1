import { detectFormat, gunzippedName, type FileFormat } from '$lib/models/file-formats/detect-format';
import { formatBytes } from '$lib/format/numbers';
import { readHead } from '../file-bytes';
import { IngestError, KEEP } from '../ingest-errors';
import { excelParts } from './excel-parts';
import { gunzip, unzipEntries } from './unpack';

/** A data file to load, by the name the history shows, and how it is read. */
export interface FilePart {
  file: File;
  format: Exclude<FileFormat, 'gzip' | 'zip' | 'excel'>;
  /** What opening it did, for the history: decompressed, or found in an archive with what else. */
  notes?: string[];
  /** How the history says the part was read, when it is not a file of its own: an Excel sheet. */
  readAs?: string;
}

/**
 * The data files a dropped file holds: itself; what a gzip file decompresses to; each data file in a
 * ZIP archive (named `archive.zip › inside.csv`); each sheet of an Excel workbook. `onBytes` hears how
 * much of the dropped file is read.
 */
export async function expandFile(file: File, onBytes: (read: number) => Promise<void>): Promise<FilePart[]> {
  return partsOf(file, file.name, onBytes, 0);
}

async function partsOf(
  file: File,
  /** The name the format is told from: a gzip file's inner name (`sales.csv` for `sales.csv.gz`). */
  named: string,
  onBytes: (read: number) => Promise<void>,
  depth: number,
): Promise<FilePart[]> {
  const format = detectFormat(named, readHead(file, 512));
  const nested = (what: string) =>
    new IngestError(file.name, `"${file.name}" holds ${what} inside another: unpack it first. ${KEEP}`);
  if (format === 'gzip') {
    if (depth > 1) throw nested('a compressed file');
    const inner = await gunzip(file, file.name, onBytes);
    const sizes = `${formatBytes(file.size)} → ${formatBytes(inner.size)}`;
    const parts = await partsOf(inner, gunzippedName(named), async () => undefined, depth + 1);
    const note = `"${file.name}" was decompressed (gzip, ${sizes}).`;
    return parts.map((part) => ({ ...part, notes: [note, ...(part.notes ?? [])] }));
  }
  if (format === 'excel') return excelParts(file);
  if (format !== 'zip') return [{ file, format }];
  if (depth > 0) throw nested('an archive');
  const { entries, skipped, workbook } = await unzipEntries(file, onBytes);
  if (workbook) return excelParts(file);
  const parts: FilePart[] = [];
  for (const entry of entries) {
    const name = `${file.name} › ${entry.path}`;
    const inner = await partsOf(new File([entry.file], name), entry.path, async () => undefined, depth + 1);
    parts.push(...inner);
  }
  if (parts.length === 0) {
    const seen = skipped.length > 0 ? ` It holds ${list(skipped)}.` : '';
    throw new IngestError(
      file.name,
      `"${file.name}" holds no data file (CSV, TSV, JSON, Parquet, Arrow or Excel).${seen} ${KEEP}`,
    );
  }
  const passed = skipped.length > 0 ? `; passed over: ${list(skipped)}` : '';
  const held =
    parts.length === 1 ? 'one data file' : `${parts.length} data files, each loaded as a file of its own`;
  const found = `Found in "${file.name}", which holds ${held}${passed}.`;
  return parts.map((part) => ({ ...part, notes: [found, ...(part.notes ?? [])] }));
}

const list = (names: readonly string[]) => names.slice(0, 3).join(', ') + (names.length > 3 ? ', …' : '');
