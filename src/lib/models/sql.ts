/** Quotes an identifier so any column name (quotes, spaces, keywords, markup) is only ever a name. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a string literal; values never become SQL. */
export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export function integer(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`Expected an integer for SQL, got ${value}`);
  return String(value);
}

/** Writes a query's result as a CSV file with a header, for downloads. */
export function copyToCsvSql(query: string, path: string): string {
  return `COPY (${query}) TO ${literal(path)} (FORMAT csv, HEADER true)`;
}
