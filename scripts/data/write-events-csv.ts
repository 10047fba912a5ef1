import { appendFileSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { toCsv } from './restaurant-data';
import { benchEventRows } from './shaped-data';

/** Writes the bench's events CSV in chunks, once: an existing file of the same rows and seed is reused. */
export function ensureEventsCsv(path: string, rows: number, seed: number): string {
  const marker = `${path}.${rows}-${seed}.done`;
  if (existsSync(path) && existsSync(marker)) return path;
  mkdirSync(dirname(path), { recursive: true });
  let chunk: Record<string, string>[] = [];
  let first = true;
  const flush = () => {
    const text = toCsv(chunk);
    // The header once, from the first chunk.
    const body = first ? text : text.slice(text.indexOf('\n') + 1);
    if (first) writeFileSync(path, body);
    else appendFileSync(path, body);
    first = false;
    chunk = [];
  };
  for (const row of benchEventRows(rows, seed)) {
    chunk.push(row);
    if (chunk.length === 100_000) flush();
  }
  if (chunk.length > 0) flush();
  writeFileSync(marker, String(statSync(path).size));
  return path;
}
