// The CSV dialects real files come in, each with what a person expects from it. Written under
// tests/fixtures/dialects by scripts/generate-fixtures.ts; the unit and e2e tests walk every one.
import { seededRandom } from './random';

export interface CorpusFile {
  name: string;
  content: Uint8Array;
  /** What loading it gives: rows, columns, rejected records. */
  rows: number;
  columns: number;
  rejected: number;
  /** A column and a value of its first row, as read; `shown` when the dashboard shows it (a dimension's value). */
  first: { column: string; value: string; shown?: boolean };
  /** A phrase the load's notes must hold (how the file was read). */
  note: RegExp | null;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const lines = (rows: string[], newline = '\n') => rows.join(newline) + newline;
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const random = seededRandom(2121);
const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)] as T;

const CITIES = ['Lyon', 'Zürich', 'Malmö', 'Kraków', 'São Paulo', 'Reykjavík'];
const DISHES = ['crème brûlée', 'paella', 'smørrebrød', 'pierogi', 'açaí bowl'];

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[2 + i * 2] = bigEndian ? code >> 8 : code & 0xff;
    bytes[3 + i * 2] = bigEndian ? code & 0xff : code >> 8;
  }
  return bytes;
}

/** Windows-1252 for the characters used here (ASCII, Latin-1 letters, €, curly quotes, en dash). */
function windows1252(text: string): Uint8Array {
  const extra: Record<string, number> = { '€': 0x80, '“': 0x93, '”': 0x94, '–': 0x96, '‘': 0x91, '’': 0x92 };
  return Uint8Array.from([...text].map((c) => extra[c] ?? c.charCodeAt(0)));
}

/** Shift-JIS bytes for the few Japanese words used here (their codes, looked up once). */
const SJIS: Record<string, number[]> = {
  東京: [0x93, 0x8c, 0x8b, 0x9e],
  大阪: [0x91, 0xe5, 0x8d, 0xe3],
  京都: [0x8b, 0x9e, 0x93, 0x73],
  店舗: [0x93, 0x58, 0x95, 0xdc],
  売上: [0x94, 0x84, 0x8f, 0xe3],
};
function shiftJis(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length;) {
    const word = Object.keys(SJIS).find((w) => text.startsWith(w, i));
    if (word) {
      out.push(...(SJIS[word] as number[]));
      i += word.length;
    } else {
      out.push(text.charCodeAt(i));
      i++;
    }
  }
  return Uint8Array.from(out);
}

const visits = (n: number) =>
  range(n).map((i) => [
    pick(CITIES),
    pick(DISHES),
    `guest-${(i % 17) + 1}`,
    (5 + (i % 13) * 1.25).toFixed(2),
  ]);

export function dialectCorpus(): CorpusFile[] {
  const sensor = range(40).map(
    (i) =>
      `2024-01-${String(1 + (i % 28)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:00:00,sensor-${(i % 3) + 1},${(18 + i / 8).toFixed(2)},${40 + (i % 9)}`,
  );
  const visitRows = visits(30);
  const wideHeader = range(2000).map((i) => `c${i}`);
  const wideRows = range(30).map((r) => range(2000).map((c) => String((r * 31 + c) % 97)));
  const quotes = range(20).map((i) => `${i},"she said \\"hi, there\\" ${i} times",${i * 2}`);
  const strayQuote = range(200).map((i) => (i === 120 ? `${i},"12 inch pizza,3` : `${i},item ${i},${i % 7}`));
  const mixed = range(50).map((i) => `${i},${pick(CITIES)},${i * 3}`);
  return [
    {
      name: 'headerless.csv',
      content: utf8(lines(sensor)),
      rows: 40,
      columns: 4,
      rejected: 0,
      first: { column: 'column2', value: 'sensor-2', shown: true },
      note: /no header row: its columns are named column1…column4/,
    },
    {
      name: 'preamble.csv',
      content: utf8(
        lines([
          'Visits report',
          'Generated 2024-03-01 by the till',
          '',
          'city,dish,guest,amount',
          ...visitRows.map((r) => r.join(',')),
        ]),
      ),
      rows: 30,
      columns: 4,
      rejected: 0,
      first: { column: 'city', value: visitRows[0]?.[0] as string, shown: true },
      note: /3 lines before the header skipped \(“Visits report”, “Generated 2024-03-01 by the till”\)/,
    },
    {
      name: 'trailing-delimiter.csv',
      content: utf8(lines(['city,dish,guest,amount,', ...visitRows.map((r) => `${r.join(',')},`)])),
      rows: 30,
      columns: 4,
      rejected: 0,
      first: { column: 'amount', value: visitRows[0]?.[3] as string },
      note: /a delimiter ends every row/,
    },
    {
      name: 'trailing-delimiter-rows.csv',
      content: utf8(lines(['city;dish;guest;amount', ...visitRows.map((r) => `${r.join(';')};`)])),
      rows: 30,
      columns: 4,
      rejected: 0,
      first: { column: 'guest', value: visitRows[0]?.[2] as string },
      note: /a delimiter ends every row/,
    },
    {
      name: 'short-rows.csv',
      content: utf8(lines(['city,dish,guest,amount,comment', ...visitRows.map((r) => r.join(','))])),
      rows: 30,
      columns: 5,
      rejected: 0,
      first: { column: 'amount', value: visitRows[0]?.[3] as string },
      note: /every row has one field less than the header, so "comment" is empty/,
    },
    {
      name: 'backslash-escapes.csv',
      content: utf8(lines(['id,quote,count', ...quotes])),
      rows: 20,
      columns: 3,
      rejected: 0,
      first: { column: 'quote', value: 'she said "hi, there" 1 times' },
      note: /escaped with a backslash/,
    },
    {
      name: 'stray-quote.csv',
      content: utf8(lines(['id,item,size', ...strayQuote])),
      rows: 199,
      columns: 3,
      rejected: 1,
      first: { column: 'item', value: 'item 1' },
      note: /line 121 opens a quote that is never closed; that record was rejected and the rest loaded/,
    },
    {
      name: 'inch-marks.csv',
      content: utf8(lines(['id,item,size', ...range(30).map((i) => `${i},${10 + (i % 5)}" pizza,${i % 3}`)])),
      rows: 30,
      columns: 3,
      rejected: 0,
      first: { column: 'item', value: '11" pizza', shown: true },
      note: null,
    },
    {
      name: 'wide-2000-columns.csv',
      content: utf8(lines([wideHeader.join(','), ...wideRows.map((r) => r.join(','))])),
      rows: 30,
      columns: 2000,
      rejected: 0,
      first: { column: 'c2000', value: wideRows[0]?.[1999] as string },
      note: null,
    },
    {
      name: 'nul-byte.csv',
      content: utf8(
        lines([
          'id,label,amount',
          ...range(25).map((i) => `${i},${i === 4 ? 'bro\u0000ken' : `label ${i}`},${i}`),
        ]),
      ),
      rows: 25,
      columns: 3,
      rejected: 0,
      first: { column: 'label', value: 'label 1' },
      note: null,
    },
    {
      name: 'utf16-le.csv',
      content: utf16(lines(['city,dish,guest,amount', ...visitRows.map((r) => r.join(','))], '\r\n'), false),
      rows: 30,
      columns: 4,
      rejected: 0,
      first: { column: 'dish', value: visitRows[0]?.[1] as string, shown: true },
      note: /read as UTF-16 \(little-endian\)/,
    },
    {
      name: 'utf16-be.csv',
      content: utf16(
        lines(['city\tdish\tguest\tamount', ...visitRows.map((r) => r.join('\t'))], '\r\n'),
        true,
      ),
      rows: 30,
      columns: 4,
      rejected: 0,
      first: { column: 'dish', value: visitRows[0]?.[1] as string, shown: true },
      note: /read as UTF-16 \(big-endian\)/,
    },
    {
      name: 'windows-1252.csv',
      content: windows1252(
        lines(['item;price;note', ...range(12).map((i) => `café ${i};€${i},50;“best” – ${i}`)], '\r\n'),
      ),
      rows: 12,
      columns: 3,
      rejected: 0,
      first: { column: 'note', value: '“best” – 1', shown: true },
      note: /read as Windows-1252/,
    },
    {
      name: 'shift-jis.csv',
      content: shiftJis(
        lines(
          ['店舗,売上', ...range(15).map((i) => `${['東京', '大阪', '京都'][i % 3]},${i * 100}`)],
          '\r\n',
        ),
      ),
      rows: 15,
      columns: 2,
      rejected: 0,
      first: { column: '店舗', value: '大阪', shown: true },
      note: /read as Shift-JIS/,
    },
    {
      name: 'mixed-newlines.csv',
      content: utf8(['id,city,amount', ...mixed].map((r, i) => r + (i % 3 === 0 ? '\r\n' : '\n')).join('')),
      rows: 50,
      columns: 3,
      rejected: 0,
      first: { column: 'amount', value: '3' },
      note: /mixes line endings/,
    },
    {
      name: 'comments.csv',
      content: utf8(
        lines([
          '# exported by the till, 2024-03-01',
          'city,dish,guest,amount',
          ...visitRows.slice(0, 15).map((r) => r.join(',')),
          '# checked by the manager',
          ...visitRows.slice(15).map((r) => r.join(',')),
        ]),
      ),
      rows: 30,
      columns: 4,
      rejected: 0,
      first: { column: 'city', value: visitRows[0]?.[0] as string, shown: true },
      note: /lines starting with # inside the data are comments and were skipped \(line 18 “# checked by the manager”\)/,
    },
    {
      name: 'two-tables.csv',
      content: utf8(
        lines([
          'city,dish,amount',
          ...visitRows.slice(0, 10).map((r) => `${r[0]},${r[1]},${r[3]}`),
          '',
          'guest,visits,first_visit,last_visit',
          ...range(5).map((i) => `guest-${i},${i * 2},2024-01-0${i},2024-02-0${i}`),
        ]),
      ),
      rows: 10,
      columns: 3,
      rejected: 6,
      first: { column: 'city', value: visitRows[0]?.[0] as string, shown: true },
      note: /line 13 starts another table \(4 columns\)/,
    },
  ];
}
