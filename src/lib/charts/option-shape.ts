const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.getPrototypeOf(value) === Object.prototype;

const keysOf = (o: Record<string, unknown>) =>
  Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();

function sameObjectShape(a: Record<string, unknown>, b: Record<string, unknown>, depth: number): boolean {
  const keys = keysOf(a);
  const other = keysOf(b);
  if (keys.length !== other.length || keys.some((k, i) => k !== other[i])) return false;
  return keys.every((k) => sameShape(a[k], b[k], depth + 1));
}

/**
 * Whether two chart options have the same keys at every level, so that merging the second into a chart
 * drawn with the first leaves nothing of the first behind: then ECharts can update the chart it has
 * (reusing its views) instead of building every part anew. Arrays of components (top-level `series`,
 * `xAxis`, `grid`…) must match in length and shape; arrays deeper down are values, which a merge replaces
 * whole, as it does numbers, text and functions.
 */
export function sameShape(a: unknown, b: unknown, depth = 0): boolean {
  if (isPlainObject(a) && isPlainObject(b)) return sameObjectShape(a, b, depth);
  if (depth === 1 && (Array.isArray(a) || Array.isArray(b))) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every(
      (item, i) => isPlainObject(item) && isPlainObject(b[i]) && sameObjectShape(item, b[i], depth),
    );
  }
  // A leaf: both values, or both not objects. An object where a value was (or the reverse) changes the shape.
  return isPlainObject(a) === isPlainObject(b);
}
