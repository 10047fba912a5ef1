// A result cell as the grid shows it: text, never markup, with DuckDB's own spelling of its types.
import { Vector } from 'apache-arrow';
import type { ResultColumn } from './result-table';

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function dateText(ms: number, withTime: boolean): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return String(ms);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (!withTime) return date;
  const millis = d.getUTCMilliseconds();
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${date} ${time}${millis ? `.${pad(millis, 3)}` : ''}`;
}

const json = (value: unknown) =>
  JSON.stringify(value, (_, v: unknown) =>
    typeof v === 'bigint' ? v.toString() : v instanceof Vector ? [...v] : v,
  );

/** An INTERVAL as DuckDB writes it: "2 months 1 day 00:00:03". */
export class IntervalValue {
  constructor(
    readonly months: number,
    readonly days: number,
    readonly nanos: bigint,
  ) {}

  toString(): string {
    const parts: string[] = [];
    const years = Math.trunc(this.months / 12);
    const months = this.months % 12;
    if (years) parts.push(`${years} year${Math.abs(years) === 1 ? '' : 's'}`);
    if (months) parts.push(`${months} month${Math.abs(months) === 1 ? '' : 's'}`);
    if (this.days) parts.push(`${this.days} day${Math.abs(this.days) === 1 ? '' : 's'}`);
    if (this.nanos !== 0n || parts.length === 0) parts.push(timeText(this.nanos / 1000n));
    return parts.join(' ');
  }
}

/** Microseconds since midnight (or of a duration) as HH:MM:SS[.ffffff]. */
export function timeText(micros: bigint): string {
  const sign = micros < 0n ? '-' : '';
  const abs = micros < 0n ? -micros : micros;
  const seconds = abs / 1_000_000n;
  const fraction = abs % 1_000_000n;
  const hh = seconds / 3600n;
  const mm = (seconds / 60n) % 60n;
  const ss = seconds % 60n;
  const text = `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:${String(ss).padStart(2, '0')}`;
  return `${sign}${text}${fraction ? `.${String(fraction).padStart(6, '0').replace(/0+$/, '')}` : ''}`;
}

const TIME_UNITS: Record<string, bigint> = { SECOND: 1_000_000n, MILLISECOND: 1000n, MICROSECOND: 1n };

/** A cell as text (never markup): numbers grouped, dates in ISO form, nested values as JSON; null stays null. */
export function cellText(value: unknown, column: ResultColumn): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint' || typeof value === 'number') {
    if (column.kind === 'temporal' && typeof value === 'number') {
      const zoned = /^Timestamp<\w+, .+>$/.test(column.type) ? '+00' : '';
      return dateText(value, !column.type.startsWith('Date')) + zoned;
    }
    const time = /^Time(32|64)<(\w+)>$/.exec(column.type);
    if (time) {
      const unit = TIME_UNITS[time[2] ?? ''];
      return unit ? timeText(BigInt(value) * unit) : timeText(BigInt(value) / 1000n);
    }
    return numberFormat.format(value);
  }
  if (value instanceof IntervalValue) return value.toString();
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Uint8Array) {
    const hex = Array.from(value.subarray(0, 64), (b) => b.toString(16).padStart(2, '0')).join('');
    return `\\x${hex}${value.length > 64 ? '…' : ''}`;
  }
  if (value instanceof Vector) return json([...value]);
  if (typeof value === 'object' && 'toJSON' in value && typeof value.toJSON === 'function')
    return json(value.toJSON());
  return String(value);
}

/** The value of a cell as plain JSON data, for query panels: big integers past 2^53 become text. */
export function plainValue(value: unknown, column: ResultColumn): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (/^Time(32|64)</.test(column.type)) return cellText(value, column);
  if (typeof value === 'bigint')
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  if (typeof value === 'number') return column.kind === 'temporal' ? cellText(value, column) : value;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return cellText(value, column);
}
