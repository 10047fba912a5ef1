/** One column of a dataset: the name the file gives it, and the name it has in the dataset's table. */
export interface DatasetColumn {
  /** The header's name as DuckDB reads it (trimmed; duplicates and empty names already renamed). */
  name: string;
  /** Case- and padding-insensitive: files whose headers have the same keys are one dataset. */
  key: string;
  /** The column of the dataset's table; never one of the lineage columns. */
  column: string;
}

/** Lineage kept on every row: the file it came from (join dd_sources for its name and load time), an id. */
export const LINEAGE = { source: 'dd_source_id', row: 'dd_row_id' } as const;

export const columnKey = (name: string) => name.trim().toLowerCase();

/** Same set of column names, in any order, whatever their case and padding. */
export function columnSignature(names: readonly string[]): string {
  return JSON.stringify([...new Set(names.map(columnKey))].sort());
}

/**
 * Table columns for a header: the file's names, except that a name DuckDB would take for the same
 * identifier as another (it ignores case) or as a lineage column gets a numbered suffix.
 */
export function datasetColumns(names: readonly string[]): DatasetColumn[] {
  const taken = new Set<string>(Object.values(LINEAGE));
  return names.map((raw) => {
    const name = raw.trim() === '' ? raw : raw.trim();
    let column = name === '' ? 'column' : name;
    for (let n = 2; taken.has(column.toLowerCase()); n++) column = `${name || 'column'}_${n}`;
    taken.add(column.toLowerCase());
    return { name, key: columnKey(name), column };
  });
}

const RESERVED_TABLE = /^(dd_|fct_|sum_|stg_|duckdb_|pg_|sqlite_|information_schema)/;

/** A table name from a file name, for people writing SQL: lower-case letters, digits and underscores. */
export function tableNameFor(fileName: string, taken: readonly string[]): string {
  const stem = fileName.replace(/\.gz(ip)?$/i, '').replace(/\.[^.]*$/, '');
  let base = stem
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  if (base === '' || /^[0-9]/.test(base) || RESERVED_TABLE.test(base))
    base = `data_${base}`.replace(/_+$/, '');
  const used = new Set(taken.map((t) => t.toLowerCase()));
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
  return name;
}

/** Names that appear more than once in a header line (case and padding ignored), with their count. */
export function duplicateNames(header: readonly string[]): { name: string; count: number }[] {
  const counts = new Map<string, { name: string; count: number }>();
  for (const name of header) {
    const key = columnKey(name);
    if (key === '') continue;
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { name: name.trim(), count: 1 });
  }
  return [...counts.values()].filter((e) => e.count > 1);
}
