/** A file that could not be loaded, with a message written for the person who dropped it. */
export class IngestError extends Error {
  override name = 'IngestError';
  constructor(
    readonly fileName: string,
    message: string,
    /** memory: the engine ran out of its memory budget; the worker adds what this browser can take. */
    readonly kind: 'memory' | 'input' = 'input',
  ) {
    super(message);
  }
}

/** The same content is already loaded: the file is skipped so nothing counts twice. */
export class IngestSkipped extends Error {
  override name = 'IngestSkipped';
}

export class IngestCancelled extends Error {
  override name = 'IngestCancelled';
}

export const KEEP = 'Nothing from this file was loaded; data already loaded is unchanged.';

/** Turns DuckDB's error text into one a user can act on: which file, which line, what to do. */
export function explainCsvError(fileName: string, raw: string): IngestError {
  const file = `"${fileName}"`;
  const line = /Line:? (\d+)/i.exec(raw)?.[1];
  const where = line ? ` near line ${Number(line).toLocaleString('en-US')}` : '';
  if (/not possible to automatically detect the CSV parsing dialect/i.test(raw)) {
    return new IngestError(
      fileName,
      `${file} could not be read as CSV: no consistent delimiter or quoting was found (often a quote ` +
        `that is never closed). Save it as comma-, semicolon-, tab- or pipe-separated text and drop it ` +
        `again. ${KEEP}`,
    );
  }
  if (/Maximum line size/i.test(raw)) {
    return new IngestError(
      fileName,
      `${file} has a record longer than 16 MB${where}, usually a quote that is never closed. ` +
        `Fix the quoting and drop it again. ${KEEP}`,
    );
  }
  if (isOutOfMemory(raw)) {
    return new IngestError(fileName, tooLargeMessage(fileName, null), 'memory');
  }
  const first = raw.split('\n').find((text) => text.trim() !== '') ?? raw;
  return new IngestError(fileName, `${file} could not be loaded${where}: ${first.trim()} ${KEEP}`);
}

export function isOutOfMemory(raw: string): boolean {
  return /out of memory|memory limit|failed to allocate|Aborted\(|RangeError: Array buffer/i.test(raw);
}

export function isInvalidUnicode(raw: string): boolean {
  return /invalid unicode|not utf-8 encoded/i.test(raw);
}

/** A file that is not text: what it is when its first bytes say so, and what to do. */
export function notTextMessage(fileName: string, what: string | null): string {
  const is = what ? `is ${what}, not CSV text` : 'is not a text file: it holds binary data';
  return `"${fileName}" ${is}. Export it as CSV (comma- or tab-separated text) and drop that file. ${KEEP}`;
}

/**
 * How much CSV loads per byte of the engine's budget. Measured in the app (stack-facts, 2026-12-07): with
 * the default budget (3.1 GiB), 40 million restaurant rows (1.7 GB of CSV) load and 100 million (4.2 GB) run
 * out of memory, so at least half the budget holds CSV bytes.
 */
const CSV_BYTES_PER_MEMORY_BYTE = 1 / 2;

/** "3.1 GiB" → bytes; null when DuckDB reports something else. */
export function parseMemorySize(text: string): number | null {
  const size = /^(\d+(?:\.\d+)?)\s*(bytes|KiB|MiB|GiB|TiB|KB|MB|GB|TB)$/i.exec(text.trim());
  if (!size) return null;
  const units: Record<string, number> = { bytes: 1, kib: 2 ** 10, mib: 2 ** 20, gib: 2 ** 30, tib: 2 ** 40 };
  const decimal: Record<string, number> = { kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12 };
  const unit = (size[2] as string).toLowerCase();
  return Number(size[1]) * (units[unit] ?? decimal[unit] ?? NaN);
}

/**
 * Says how large a file this browser can take, from the engine's memory budget, and the one remedy that
 * works: the cap is WebAssembly's 4 GB in every browser, so more memory in the machine changes nothing.
 */
export function tooLargeMessage(fileName: string, memoryLimit: string | null): string {
  const budget = memoryLimit ? parseMemorySize(memoryLimit) : null;
  const fits = budget === null ? null : formatMegabytes(budget * CSV_BYTES_PER_MEMORY_BYTE);
  const room =
    fits === null
      ? ''
      : ` The engine may use ${memoryLimit} here, enough for CSV files up to about ${fits} in total.`;
  return (
    `"${fileName}" is too large for this browser's memory.${room} The limit is the browser's, not this ` +
    `machine's: WebAssembly has at most 4 GB in any browser. Load a part of the file that fits (fewer ` +
    `rows, such as a month at a time, or fewer columns). ${KEEP}`
  );
}

const formatMegabytes = (bytes: number) =>
  bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.max(1, Math.round(bytes / 1e6))} MB`;

/** A file that was not loaded, as the history shows it: cancelled, skipped as a twin, or failed and why. */
export function failedResult(
  error: unknown,
  name: string,
  bytes: number,
  ms: number,
  memoryLimit: string | null,
): { status: 'failed' | 'cancelled' | 'skipped'; name: string; bytes: number; reason: string; ms: number } {
  const message = error instanceof Error ? error.message : String(error);
  const known =
    error instanceof IngestCancelled || error instanceof IngestError || error instanceof IngestSkipped;
  const reason =
    (error instanceof IngestError && error.kind === 'memory') || (!known && isOutOfMemory(message))
      ? tooLargeMessage(name, memoryLimit)
      : known
        ? message
        : `"${name}" could not be loaded: ${message}`;
  const status =
    error instanceof IngestCancelled ? 'cancelled' : error instanceof IngestSkipped ? 'skipped' : 'failed';
  return { status, name, bytes, reason, ms: Math.round(ms) };
}
