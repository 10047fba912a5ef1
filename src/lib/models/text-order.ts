/** A UTF-16 unit placed where its code point sorts: astral characters (surrogates) after U+FFFF's block. */
const unitRank = (unit: number) =>
  unit >= 0xd800 && unit <= 0xdfff ? unit + 0x2000 : unit >= 0xe000 ? unit - 0x800 : unit;

/**
 * Compares text by code point, as DuckDB orders VARCHAR (its bytes in UTF-8); JavaScript's `<` compares
 * UTF-16 units, which puts astral characters before U+E000–U+FFFF.
 */
export function compareText(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return unitRank(x) - unitRank(y);
  }
  return a.length - b.length;
}
