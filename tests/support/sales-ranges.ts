import type { RangeFilter } from '$lib/models/dataset/range';
import type { RestaurantRecord } from './restaurant-oracle';

/** The sales fixture's columns, as Dropdash guesses their roles. */
export const SALES_ROLES = {
  place: 'store',
  item: 'product',
  customer: 'client',
  amount: 'unit_price',
  date: 'order_date',
};

/** A range of the fixture's order_date (YYYY-MM-DD ends). */
export const salesDates = (from: string, to: string): RangeFilter => ({
  kind: 'date',
  column: 'order_date',
  name: 'order_date',
  from,
  to,
});

/** A range of the fixture's unit_price. */
export const salesPrices = (from: number, to: number): RangeFilter => ({
  kind: 'number',
  column: 'unit_price',
  name: 'unit_price',
  from,
  to,
});

/** A record's day, read independently of the app: ISO dates only, anything else none. */
export function dayOf(r: RestaurantRecord): string | null {
  const day = (r.order_date ?? '').trim().slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
}

/** A record's price when its text is a plain decimal number. */
export function priceOf(r: RestaurantRecord): number | null {
  const text = (r.unit_price ?? '').trim();
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : null;
}

/** Whether a record is in a range of the fixture's date or price, both ends included. */
export const within = (range: RangeFilter) => (r: RestaurantRecord) => {
  const v = range.kind === 'date' ? dayOf(r) : priceOf(r);
  return v !== null && v >= range.from && v <= range.to;
};
