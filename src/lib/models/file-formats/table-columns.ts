/**
 * Column names for records whose fields vary: in the order fields are first met, each field given one
 * column for the whole file. Fields that differ only in case get `_1`, `_2`… as a CSV header's repeats do,
 * since the engine's names ignore case.
 */
export class TableColumns {
  private readonly byField = new Map<string, string>();
  private readonly taken = new Set<string>();
  readonly names: string[] = [];

  /** The column a field's values go to, made when the field is new. */
  column(field: string): string {
    const known = this.byField.get(field);
    if (known !== undefined) return known;
    const base = field.trim() === '' ? `column${this.names.length + 1}` : field;
    let name = base;
    for (let n = 1; this.taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
    this.taken.add(name.toLowerCase());
    this.byField.set(field, name);
    this.names.push(name);
    return name;
  }
}
