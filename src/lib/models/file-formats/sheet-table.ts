import { columnNames } from '../csv-read/column-names';

/** A spreadsheet cell as a reader gives it. */
export type Cell = string | number | boolean | Date | null | undefined;

/** Where a sheet's table is: the rows above it (titles, notes), its column names, its first data row. */
export interface SheetTable {
  skip: number;
  header: boolean;
  columns: string[];
  /** Index of the first data row. */
  firstRow: number;
  width: number;
  /** The header's names were joined with the group row above them (merged cells). */
  grouped: boolean;
}

const filled = (cell: Cell) =>
  cell !== null && cell !== undefined && !(typeof cell === 'string' && cell.trim() === '');
const count = (row: readonly Cell[]) => row.filter(filled).length;
const isText = (cell: Cell) => typeof cell === 'string' && cell.trim() !== '';

/** A cell as text, as a CSV would hold it: dates as ISO dates (with the time when there is one). */
export function cellText(cell: Cell): string | null {
  if (!filled(cell)) return null;
  if (cell instanceof Date) {
    const iso = cell.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  return typeof cell === 'string' ? cell : String(cell);
}

/**
 * Finds the table in a sheet as the CSV reader finds it in text: title and note rows above it are
 * skipped (a row filling under half the table's width), the first full row is a header when its cells
 * are text over typed columns, and a group row above the header (a merged cell spanning its columns)
 * prefixes the names below it: "Sales" over "Q1", "Q2" gives "Sales Q1", "Sales Q2".
 */
export function findSheetTable(rows: readonly (readonly Cell[])[]): SheetTable {
  const width = rows.reduce((most, row) => {
    let last = row.length - 1;
    while (last >= 0 && !filled(row[last])) last--;
    return Math.max(most, last + 1);
  }, 0);
  const enough = width <= 1 ? 1 : Math.max(2, Math.ceil(width * 0.5));
  let start = rows.findIndex((row, i) => i < 50 && count(row) >= enough);
  if (start < 0) start = 0;
  // A row of text with more cells filled below it is a group row (merged cells) over the header.
  const allText = (row: readonly Cell[]) => row.every((cell) => !filled(cell) || isText(cell));
  while (
    start < rows.length - 1 &&
    allText(rows[start] ?? []) &&
    count(rows[start + 1] ?? []) > count(rows[start] ?? [])
  )
    start++;
  const first = rows[start] ?? [];
  const below = rows.slice(start + 1, start + 201);
  const header =
    count(first) > 0 && first.every((cell) => !filled(cell) || isText(cell)) && typedBelow(first, below);
  if (!header) {
    return {
      skip: start,
      header: false,
      columns: columnNames([], width),
      firstRow: start,
      width,
      grouped: false,
    };
  }
  const names = Array.from({ length: width }, (_, i) => cellText(first[i]) ?? '');
  const group = start > 0 ? rows[start - 1] : undefined;
  // A title sits alone in the first column; a group row has several cells, or one further right.
  const grouping = group !== undefined && (count(group) >= 2 || (count(group) === 1 && !filled(group[0])));
  const grouped = group !== undefined && grouping && count(group) < count(first) && allText(group);
  if (group && grouped) {
    let over = '';
    for (let i = 0; i < width; i++) {
      over = cellText(group[i]) ?? over;
      if (over !== '' && names[i] !== '') names[i] = `${over} ${names[i]}`;
    }
  }
  return {
    skip: start,
    header: true,
    columns: columnNames(names, width),
    firstRow: start + 1,
    width,
    grouped,
  };
}

/** A first row of text is a header unless every column below is text too and it reads like a value. */
function typedBelow(first: readonly Cell[], below: readonly (readonly Cell[])[]): boolean {
  if (below.length === 0) return true;
  for (let i = 0; i < first.length; i++) {
    if (below.some((row) => filled(row[i]) && !isText(row[i]))) return true;
  }
  // All text: a header's names differ from one another and are not repeated in the rows below.
  const names = first.map(cellText).filter((n): n is string => n !== null);
  return (
    new Set(names).size === names.length &&
    !below.some((row) => row.some((c, i) => filled(c) && cellText(c) === cellText(first[i])))
  );
}
