/** How fields are quoted: a quote character (or none) and the character that escapes it inside quotes. */
export interface Quoting {
  quote: string;
  escape: string;
}

export interface SampleRecord {
  fields: string[];
  /** 1-based physical line where the record starts. */
  line: number;
  /** The record's own text, for messages. */
  text: string;
  /** A quote opened in this record was still open at the end of the sample. */
  unclosed: boolean;
  /** What ended the record: `\r\n`, `\n`, `\r`, or nothing at the end of the text. */
  ending: string;
  /** An empty line comes before it (tables in one file are set apart so). */
  afterBlank: boolean;
}

/**
 * Splits sample text into records the way DuckDB's reader will: quoted fields may hold delimiters and
 * newlines; an escape character before a quote keeps it; `\r\n`, `\n` and `\r` all end a record. A record
 * cut by the end of the sample is left out (unless it is the only one), so is an empty line.
 */
export function sampleRecords(
  text: string,
  delimiter: string | null,
  { quote, escape }: Quoting,
  complete: boolean,
  limit = 1000,
): SampleRecord[] {
  const records: SampleRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 0;
  let startLine = 1;
  let blankBefore = false;
  const end = (at: number, unclosed: boolean, ending = '') => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0] === '' && !unclosed;
    if (!blank) {
      records.push({
        fields,
        line: startLine,
        text: text.slice(start, at),
        unclosed,
        ending,
        afterBlank: blankBefore,
      });
    }
    blankBefore = blank;
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length && records.length < limit; i++) {
    const char = text[i] as string;
    if (quoted) {
      if (char === escape && escape !== quote && text[i + 1] === quote) {
        field += quote;
        i++;
      } else if (char === quote && escape === quote && text[i + 1] === quote) {
        field += quote;
        i++;
      } else if (char === quote) {
        quoted = false;
      } else {
        if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) line++;
        field += char;
      }
    } else if (quote !== '' && char === quote && field.trim() === '') {
      quoted = true;
    } else if (char === delimiter) {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      const ending = char === '\r' && text[i + 1] === '\n' ? '\r\n' : char;
      end(i, false, ending);
      i += ending.length - 1;
      line++;
      start = i + 1;
      startLine = line;
    } else {
      field += char;
    }
  }
  if (records.length < limit && start < text.length && (complete || records.length === 0)) {
    end(text.length, quoted);
  }
  return records;
}
