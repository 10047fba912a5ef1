/** A record's fields as text: nested objects become dotted names, lists their JSON text. */
export type FlatRecord = Map<string, string | null>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON values as the text a CSV would hold: numbers and booleans as written, null as no value. */
function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** `{"a": {"b": 1}, "c": [1, 2]}` → `a.b` = "1", `c` = "[1,2]"; a record that is not an object is `value`. */
export function flattenRecord(record: unknown): FlatRecord {
  const flat: FlatRecord = new Map();
  if (!isObject(record)) {
    flat.set('value', asText(record));
    return flat;
  }
  const walk = (object: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(object)) {
      const name = prefix + key;
      if (isObject(value) && Object.keys(value).length > 0) walk(value, `${name}.`);
      else flat.set(name, isObject(value) ? null : asText(value));
    }
  };
  walk(record, '');
  return flat;
}

/**
 * A document that is one object wrapping the records (`{"data": [{…}, …]}`, as many APIs answer): the
 * longest list of objects in it, and where it was found. Null when the object is itself the one record.
 */
export function wrappedRecords(record: unknown): { path: string; records: unknown[] } | null {
  if (!isObject(record)) return null;
  let best: { path: string; records: unknown[] } | null = null;
  const walk = (object: Record<string, unknown>, prefix: string, depth: number) => {
    for (const [key, value] of Object.entries(object)) {
      if (Array.isArray(value) && value.length > 0 && value.every(isObject)) {
        if (!best || value.length > best.records.length) best = { path: prefix + key, records: value };
      } else if (isObject(value) && depth < 3) walk(value, `${prefix}${key}.`, depth + 1);
    }
  };
  walk(record, '', 0);
  return best;
}
