import { oracleAnswers, type OracleAnswers, type RestaurantRecord } from './restaurant-oracle';

/**
 * The five answers and the over-time series for any file, given which columns play which role: plain
 * TypeScript over Papa Parse's records (see restaurant-oracle.ts), sharing no code with the app.
 */
export interface OracleRoles {
  place: string | null;
  item: string | null;
  customer: string | null;
  amount: string | null;
  date: string | null;
}

const value = (record: RestaurantRecord, column: string | null) =>
  column === null ? undefined : record[column.trim().toLowerCase()];

export function mappedAnswers(records: RestaurantRecord[], roles: OracleRoles): OracleAnswers {
  return oracleAnswers(
    records.map((r) => ({
      restaurant_names: value(r, roles.place),
      food_names: value(r, roles.item),
      first_name: value(r, roles.customer),
      food_cost: value(r, roles.amount),
    })),
  );
}

export interface OraclePoint {
  period: string;
  visits: number;
  revenue: number;
}

const DAY = 86_400_000;

/** By day up to a quarter's span, by week (from Monday) up to two years, else by month. */
export function oracleTimeline(records: RestaurantRecord[], roles: OracleRoles): OraclePoint[] {
  const dated = records.flatMap((r) => {
    const text = (value(r, roles.date) ?? '').trim();
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
    if (!match) return [];
    const amount = (value(r, roles.amount) ?? '').trim();
    const cents = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(amount) ? Math.round(Number(amount) * 1e6) : 0;
    return [{ time: Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])), micros: cents }];
  });
  if (dated.length === 0) return [];
  const times = dated.map((d) => d.time);
  const spanDays = (Math.max(...times) - Math.min(...times)) / DAY;
  const unit = spanDays <= 92 ? 'day' : spanDays <= 731 ? 'week' : 'month';
  const periodOf = (time: number) => {
    const date = new Date(time);
    if (unit === 'month') return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
    if (unit === 'week') return time - ((date.getUTCDay() + 6) % 7) * DAY;
    return time;
  };
  const periods = new Map<number, { visits: number; micros: number }>();
  for (const { time, micros } of dated) {
    const key = periodOf(time);
    const entry = periods.get(key) ?? { visits: 0, micros: 0 };
    entry.visits++;
    entry.micros += micros;
    periods.set(key, entry);
  }
  return [...periods]
    .sort(([a], [b]) => a - b)
    .map(([time, { visits, micros }]) => ({
      period: new Date(time).toISOString().slice(0, 10),
      visits,
      revenue: Math.round(micros / 1e4) / 100,
    }));
}
