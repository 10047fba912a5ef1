/**
 * An SVG path through a series, scaled into width × height (y grows downwards); a missing value breaks
 * the line. Empty when fewer than two values are known.
 */
export function sparklinePath(values: readonly (number | null)[], width: number, height: number): string {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (known.length < 2 || values.length < 2) return '';
  const lo = Math.min(...known);
  const hi = Math.max(...known);
  const x = (i: number) => (i / (values.length - 1)) * width;
  const y = (v: number) => (hi === lo ? height / 2 : height - ((v - lo) / (hi - lo)) * height);
  let path = '';
  let drawing = false;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      drawing = false;
      return;
    }
    path += `${drawing ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    drawing = true;
  });
  return path;
}
