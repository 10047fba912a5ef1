import { detectFormat, gunzippedName, type FileFormat } from '$lib/models/file-formats/detect-format';
import { formatBytes } from '$lib/format/numbers';
import { readHead } from '../file-bytes';
import { IngestError, KEEP } from '../ingest-errors';
import { gunzip, unzipEntries } from './unpack';

/** A data file to load, by the name the history shows, and how it is read. */
export interface FilePart {
  file: File;
  format: Exclude<FileFormat, 'gzip' | 'zip'>;
  /** What opening it did, for the history: decompressed, or found in an archive with what else. */
  notes?: string[];
}

/**
 * The data files a dropped file holds: itself; what a gzip file decompresses to; each data file in a
 * ZIP archive (named `archive.zip › inside.csv`). `onBytes` hears how much of the dropped file is read.
 */
export async function expandFile(file: File, onBytes: (read: number) => Promise<void>): Promise<FilePart[]> {
  const format = detectFormat(file.name, readHead(file, 512));
  if (format === 'gzip') {
    const inner = await gunzip(file, file.name, onBytes);
    const innerFormat = detectFormat(gunzippedName(file.name), readHead(inner, 512));
    if (innerFormat === 'gzip' || innerFormat === 'zip')
      throw new IngestError(
        file.name,
        `"${file.name}" holds another compressed file: unpack it first. ${KEEP}`,
      );
    const sizes = `${formatBytes(file.size)} → ${formatBytes(inner.size)}`;
    return [
      { file: inner, format: innerFormat, notes: [`"${file.name}" was decompressed (gzip, ${sizes}).`] },
    ];
  }
  if (format !== 'zip') return [{ file, format }];
  const { entries, skipped, workbook } = await unzipEntries(file, onBytes);
  if (workbook) return [{ file, format: 'excel' }];
  const parts: FilePart[] = [];
  for (const entry of entries) {
    const name = `${file.name} › ${entry.path}`;
    const inner = detectFormat(entry.path, readHead(entry.file, 512));
    if (inner === 'zip') continue;
    if (inner === 'gzip') {
      const opened = await gunzip(new File([entry.file], name), name, async () => undefined);
      const openedFormat = detectFormat(gunzippedName(entry.path), readHead(opened, 512));
      if (openedFormat !== 'gzip' && openedFormat !== 'zip')
        parts.push({ file: opened, format: openedFormat });
      continue;
    }
    parts.push({ file: new File([entry.file], name), format: inner });
  }
  if (parts.length === 0) {
    const seen =
      skipped.length > 0
        ? ` It holds ${skipped.slice(0, 3).join(', ')}${skipped.length > 3 ? ', …' : ''}.`
        : '';
    throw new IngestError(
      file.name,
      `"${file.name}" holds no data file (CSV, TSV, JSON, Parquet or Arrow).${seen} ${KEEP}`,
    );
  }
  const passed = skipped.length > 0 ? `; passed over: ${list(skipped)}` : '';
  const held =
    parts.length === 1 ? 'one data file' : `${parts.length} data files, each loaded as a file of its own`;
  for (const part of parts) part.notes = [`Found in "${file.name}", which holds ${held}${passed}.`];
  return parts;
}

const list = (names: readonly string[]) => names.slice(0, 3).join(', ') + (names.length > 3 ? ', …' : '');
