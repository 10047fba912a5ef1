/**
 * The text encodings a file can be read in. DuckDB reads UTF-8 and ISO Latin-1 in place; the others are
 * decoded to UTF-8 in the worker first (DuckDB's UTF-16 is little-endian only, its Latin-1 refuses the
 * bytes 0x80–0x9F that Windows-1252 uses for €, “ ” and –, and it has no Shift-JIS).
 */
export const ENCODINGS = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1252',
  'shift_jis',
  'euc-jp',
  'gb18030',
  'big5',
  'euc-kr',
] as const;
export type Encoding = (typeof ENCODINGS)[number];

export const ENCODING_NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252 (Latin-1)',
  shift_jis: 'Shift-JIS',
  'euc-jp': 'EUC-JP',
  gb18030: 'GB18030 (Simplified Chinese)',
  big5: 'Big5 (Traditional Chinese)',
  'euc-kr': 'EUC-KR (Korean)',
};

/** Formats that are not text, by their first bytes: what the file really is and what to do instead. */
const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (an Excel .xlsx workbook is one)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel .xls workbook' },
  { bytes: [0x1f, 0x8b], what: 'gzip-compressed' },
  { bytes: [0x50, 0x41, 0x52, 0x31], what: 'a Parquet file' },
  { bytes: [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31], what: 'an Arrow file' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: 'an SQLite database' },
];

export type EncodingGuess = { kind: 'text'; encoding: Encoding } | { kind: 'binary'; what: string | null };

const startsWith = (head: Uint8Array, bytes: readonly number[]) => bytes.every((b, i) => head[i] === b);

/** Decides a file's encoding from its first bytes (a byte-order mark, the pattern of zero bytes, validity). */
export function detectEncoding(head: Uint8Array): EncodingGuess {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { kind: 'text', encoding: 'utf-8' };
  if (startsWith(head, [0xff, 0xfe])) return { kind: 'text', encoding: 'utf-16le' };
  if (startsWith(head, [0xfe, 0xff])) return { kind: 'text', encoding: 'utf-16be' };
  const signature = SIGNATURES.find((s) => startsWith(head, s.bytes));
  if (signature) return { kind: 'binary', what: signature.what };
  const zeros = zeroBytes(head);
  if (zeros.even + zeros.odd > 0) {
    // UTF-16 without a mark: ASCII text has a zero in every other byte, on one side.
    const pairs = Math.floor(head.length / 2);
    if (zeros.odd > pairs * 0.3 && zeros.even < pairs * 0.05) return utf16('utf-16le');
    if (zeros.even > pairs * 0.3 && zeros.odd < pairs * 0.05) return utf16('utf-16be');
    // A few NUL bytes inside values are data; a block full of them is not text.
    if (zeros.even + zeros.odd > Math.max(8, head.length / 100)) return { kind: 'binary', what: null };
  }
  if (decodes(head, 'utf-8')) return { kind: 'text', encoding: 'utf-8' };
  if (looksShiftJis(head)) return { kind: 'text', encoding: 'shift_jis' };
  return { kind: 'text', encoding: 'windows-1252' };
}

const utf16 = (encoding: 'utf-16le' | 'utf-16be'): EncodingGuess => ({ kind: 'text', encoding });

function zeroBytes(head: Uint8Array) {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  return { even, odd };
}

/** Whether the bytes decode without error; a multi-byte character cut at the end of the sample is allowed. */
function decodes(head: Uint8Array, label: string): boolean {
  for (const cut of [0, 1, 2, 3]) {
    if (cut >= head.length) break;
    try {
      new TextDecoder(label, { fatal: true }).decode(head.subarray(0, head.length - cut));
      return true;
    } catch {
      // try without a possibly cut last character
    }
  }
  return false;
}

/** Shift-JIS decodes cleanly and most of its non-ASCII characters are Japanese, not Latin accents. */
function looksShiftJis(head: Uint8Array): boolean {
  if (!decodes(head, 'shift_jis')) return false;
  const text = new TextDecoder('shift_jis').decode(head);
  const nonAscii = [...text].filter((c) => c.charCodeAt(0) > 0x7f);
  const japanese = nonAscii.filter((c) => /[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/.test(c));
  return nonAscii.length > 0 && japanese.length >= nonAscii.length * 0.8;
}

/** The file's first bytes as text, in its encoding (without a byte-order mark). */
export function decodeHead(head: Uint8Array, encoding: Encoding): string {
  const text = new TextDecoder(encoding).decode(head);
  return encoding === 'windows-1252' ? windows1252Extras(text) : text;
}

/** Windows-1252's characters at 0x80–0x9F (€, curly quotes, dashes…); Node's decoder gives Latin-1's there. */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function windows1252Extras(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80] as string);
}

/** Whether DuckDB can read the bytes as they are (UTF-8, or Latin-1 without Windows-1252's extra characters). */
export function readableInPlace(encoding: Encoding, head: Uint8Array): 'utf-8' | 'latin-1' | null {
  if (encoding === 'utf-8') return 'utf-8';
  if (encoding === 'windows-1252' && !head.some((b) => b >= 0x80 && b <= 0x9f)) return 'latin-1';
  return null;
}
