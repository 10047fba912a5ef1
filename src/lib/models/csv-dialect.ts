export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * Picks the delimiter from the header line: the candidate that occurs most often outside quotes.
 * A header is the most regular line of a file, while DuckDB's sniffer can be misled by a few broken
 * records in a small file. Null when the header has none (one column): the reader then decides.
 */
export function detectDelimiter(head: Uint8Array): Delimiter | null {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head).replace(/^\uFEFF/, '');
  const counts = new Map<Delimiter, number>();
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && (DELIMITERS as readonly string[]).includes(char)) {
      counts.set(char as Delimiter, (counts.get(char as Delimiter) ?? 0) + 1);
    }
  }
  let best: Delimiter | null = null;
  for (const delimiter of DELIMITERS) {
    if ((counts.get(delimiter) ?? 0) > (best ? (counts.get(best) ?? 0) : 0)) best = delimiter;
  }
  return best;
}

export function delimiterName(delimiter: string | null): string {
  const names: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };
  return delimiter === null ? 'single-column' : (names[delimiter] ?? `“${delimiter}”`);
}

/** The fields of the header line (RFC 4180 quoting), to notice what DuckDB renames, such as duplicates. */
export function headerFields(head: Uint8Array, delimiter: string | null): string[] {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head).replace(/^\uFEFF/, '');
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quoted && char === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === delimiter) {
      fields.push(field);
      field = '';
    } else if (!quoted && (char === '\n' || char === '\r')) {
      break;
    } else {
      field += char;
    }
  }
  fields.push(field);
  return fields;
}
