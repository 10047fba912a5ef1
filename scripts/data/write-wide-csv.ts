import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { seededRandom } from './random';

/**
 * Writes the bench's wide CSV once: `columns` columns (a few of text, the rest numbers, some empty
 * values), `rows` rows. An existing file of the same shape and seed is reused.
 */
export function ensureWideCsv(path: string, columns: number, rows: number, seed: number): string {
  const marker = `${path}.${columns}x${rows}-${seed}.done`;
  if (existsSync(path) && existsSync(marker)) return path;
  mkdirSync(dirname(path), { recursive: true });
  const random = seededRandom(seed);
  const header = Array.from({ length: columns }, (_, c) => (c % 10 === 0 ? `label_${c}` : `measure_${c}`));
  const lines = [header.join(',')];
  for (let r = 0; r < rows; r++) {
    const fields = header.map((_, c) => {
      if (c % 10 === 0) return `group ${Math.floor(random() * 8)}`;
      return random() < 0.05 ? '' : (random() * 1000).toFixed(2);
    });
    lines.push(fields.join(','));
  }
  writeFileSync(path, lines.join('\n') + '\n');
  writeFileSync(marker, String(statSync(path).size));
  return path;
}
