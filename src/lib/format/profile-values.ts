import { formatCompact, formatCount } from './numbers';

const dayFormat = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);
const timeFormat = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 16).replace('T', ' ');

/** A profile's number or time (epoch seconds) for people: compact numbers, ISO dates. */
export function formatProfileValue(value: number, kind: 'number' | 'time' | 'timestamp'): string {
  if (!Number.isFinite(value)) return '—';
  if (kind === 'time') return value % 86_400 === 0 ? dayFormat(value) : timeFormat(value);
  if (kind === 'timestamp') return timeFormat(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e9) return formatCount(value);
  return Math.abs(value) >= 10_000 ? formatCompact(value) : String(Math.round(value * 100) / 100);
}

export function formatShare(part: number, whole: number): string {
  if (whole === 0 || part === 0) return '0%';
  const share = (part / whole) * 100;
  return share < 0.1 ? '<0.1%' : `${share < 10 ? share.toFixed(1) : Math.round(share)}%`;
}
