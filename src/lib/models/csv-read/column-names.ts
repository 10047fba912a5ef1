/**
 * A table's column names from a header's fields, as DuckDB names them: trimmed; an empty one is
 * `column<N>` (1-based, its position); a repeated one (case ignored) gets `_1`, `_2`…. Without a header,
 * `column1` … `column<width>`.
 */
export function columnNames(fields: readonly string[], width: number): string[] {
  const names: string[] = [];
  const taken = new Set<string>();
  for (let i = 0; i < width; i++) {
    const field = (fields[i] ?? '').trim();
    const base = field === '' ? `column${i + 1}` : field;
    let name = base;
    for (let n = 1; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
    taken.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}
