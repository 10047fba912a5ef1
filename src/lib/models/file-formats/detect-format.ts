/** The kinds of file the engine reads; everything not recognised is read as delimited text. */
export type FileFormat = 'csv' | 'gzip' | 'zip' | 'excel' | 'parquet' | 'arrow' | 'json';

const startsWith = (head: Uint8Array, bytes: readonly number[], at = 0) =>
  bytes.every((b, i) => head[at + i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const GZIP = [0x1f, 0x8b];
const PARQUET = [0x50, 0x41, 0x52, 0x31];
const ARROW_FILE = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31];
/** An Arrow IPC stream opens with a continuation marker before its schema message. */
const ARROW_STREAM = [0xff, 0xff, 0xff, 0xff];

const extension = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/**
 * A file's format from its first bytes, its name only where bytes cannot tell (an Excel workbook is a ZIP
 * archive; JSON is text). Signatures win over names: a Parquet file named `.csv` is read as Parquet.
 */
export function detectFormat(name: string, head: Uint8Array): FileFormat {
  const ext = extension(name);
  if (startsWith(head, GZIP)) return 'gzip';
  if (startsWith(head, ZIP) || startsWith(head, EMPTY_ZIP))
    return ext === 'xlsx' || ext === 'xlsm' ? 'excel' : 'zip';
  if (startsWith(head, PARQUET)) return 'parquet';
  if (startsWith(head, ARROW_FILE) || startsWith(head, ARROW_STREAM)) return 'arrow';
  if (['arrow', 'feather', 'ipc', 'arrows'].includes(ext)) return 'arrow';
  if (['json', 'jsonl', 'ndjson'].includes(ext)) return 'json';
  if (['csv', 'tsv', 'psv', 'txt', 'tab', 'dat'].includes(ext)) return 'csv';
  return looksLikeJson(head) ? 'json' : 'csv';
}

/** Text that opens with an object, or an array of objects: no CSV header starts that way. */
function looksLikeJson(head: Uint8Array): boolean {
  const text = new TextDecoder().decode(head.subarray(0, 256)).replace(/^\uFEFF/, '');
  return /^\s*(\{\s*"|\[\s*\{)/.test(text);
}

/** The name of what a gzip file holds: `sales.csv.gz` → `sales.csv`. */
export const gunzippedName = (name: string): string => name.replace(/\.gz(ip)?$/i, '');

/** Files inside an archive that hold data; folders, macOS resource forks and dotfiles do not. */
export function isDataEntry(path: string): boolean {
  if (path.endsWith('/')) return false;
  const parts = path.split('/');
  if (parts.some((part) => part === '__MACOSX' || part.startsWith('.'))) return false;
  return [
    'csv',
    'tsv',
    'psv',
    'txt',
    'tab',
    'json',
    'jsonl',
    'ndjson',
    'parquet',
    'arrow',
    'feather',
    'gz',
    'xlsx',
  ].includes(extension(path));
}

/** A workbook is a ZIP archive with Excel's own parts in it. */
export const isWorkbookEntry = (path: string) => path === 'xl/workbook.xml';

/** How a format is named to people. */
export const FORMAT_NAMES: Record<FileFormat, string> = {
  csv: 'CSV',
  gzip: 'gzip',
  zip: 'ZIP',
  excel: 'Excel',
  parquet: 'Parquet',
  arrow: 'Arrow IPC',
  json: 'JSON',
};

/** What the file picker offers: every format read, and snapshots (`.json`, `.html`) to open. */
export const DATA_FILE_ACCEPT = [
  '.csv',
  '.tsv',
  '.psv',
  '.txt',
  '.gz',
  '.zip',
  '.xlsx',
  '.parquet',
  '.arrow',
  '.feather',
  '.ipc',
  '.json',
  '.jsonl',
  '.ndjson',
  '.html',
  'text/csv',
  'text/plain',
].join(',');

/** The formats, as the landing view and the drop zone name them. */
export const READABLE_FORMATS = 'CSV, TSV, Excel, JSON, Parquet, Arrow, gzip or ZIP';
