/** A file that could not be loaded, with a message written for the person who dropped it. */
export class IngestError extends Error {
  override name = 'IngestError';
  constructor(
    readonly fileName: string,
    message: string,
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

const KEEP = 'Nothing from this file was loaded; data already loaded is unchanged.';

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
  if (/out of memory|memory limit|failed to allocate|Aborted\(|RangeError: Array buffer/i.test(raw)) {
    return new IngestError(
      fileName,
      `${file} is too large for this browser's memory: the engine can use about 4 GB, roughly 40 million ` +
        `rows of this schema. Split the file or load fewer columns. ${KEEP}`,
    );
  }
  const first = raw.split('\n').find((text) => text.trim() !== '') ?? raw;
  return new IngestError(fileName, `${file} could not be loaded${where}: ${first.trim()} ${KEEP}`);
}

export function isInvalidUnicode(raw: string): boolean {
  return /invalid unicode|not utf-8 encoded/i.test(raw);
}

/** A NUL byte in the first block means an image, a spreadsheet or UTF-16, not UTF-8 or Latin-1 text. */
export function looksBinary(head: Uint8Array): boolean {
  return head.includes(0);
}
