import type { DatasetColumn } from './columns';
import type { ColumnType } from '../profile/column-type';

/** What the restaurant dashboard needs of a file; any column can play each role, or none. */
export const ROLES = ['place', 'item', 'customer', 'amount', 'date'] as const;
export type Role = (typeof ROLES)[number];

/** Role → the dataset table's column that plays it, or null. */
export type RoleMapping = Record<Role, string | null>;

export const NO_ROLES: RoleMapping = { place: null, item: null, customer: null, amount: null, date: null };

export const ROLE_LABELS: Record<Role, string> = {
  place: 'Place or store',
  item: 'Item or dish',
  customer: 'Customer',
  amount: 'Amount or price',
  date: 'Date',
};

/** Name words for each role, best first; the assignment's own column names come first of all. */
const SYNONYMS: Record<Role, readonly string[]> = {
  place: [
    'restaurant_names',
    'restaurant',
    'store',
    'shop',
    'branch',
    'location',
    'outlet',
    'venue',
    'place',
  ],
  item: ['food_names', 'dish', 'product', 'item', 'sku', 'food', 'article', 'menu'],
  customer: ['first_name', 'customer', 'client', 'buyer', 'user', 'member', 'name'],
  amount: ['food_cost', 'amount', 'price', 'cost', 'total', 'revenue', 'sales', 'value'],
  date: ['ordered_at', 'order_date', 'date', 'day', 'timestamp', 'time', 'created_at', 'datetime'],
};

const FITS: Record<Role, (type: ColumnType) => boolean> = {
  place: (t) => t === 'text' || t === 'integer',
  item: (t) => t === 'text' || t === 'integer',
  customer: (t) => t === 'text' || t === 'integer',
  amount: (t) => t === 'integer' || t === 'decimal',
  date: (t) => t === 'date' || t === 'timestamp',
};

const words = (key: string) => key.split(/[^a-z0-9]+/).filter(Boolean);

/** How well a column's name fits a role: lower is better; null when it does not fit. */
function nameScore(role: Role, key: string): number | null {
  const synonyms = SYNONYMS[role];
  const exact = synonyms.indexOf(key);
  if (exact >= 0) return exact;
  const parts = words(key);
  let best: number | null = null;
  for (const [rank, synonym] of synonyms.entries()) {
    const hit = parts.some((p) => p === synonym || p === `${synonym}s` || p === `${synonym}_names`);
    if (hit) best = Math.min(best ?? Infinity, 100 + rank);
  }
  return best;
}

/**
 * Guesses each role from the column names and types: a name that fits the role and a type that suits
 * it. A column plays at most one role; roles are filled in order of how sure the guess is.
 */
export function guessRoles(columns: readonly (DatasetColumn & { type: ColumnType })[]): RoleMapping {
  const candidates: { role: Role; column: string; score: number; position: number }[] = [];
  for (const role of ROLES) {
    for (const [position, c] of columns.entries()) {
      const score = nameScore(role, c.key);
      if (score !== null && FITS[role](c.type)) candidates.push({ role, column: c.column, score, position });
    }
  }
  candidates.sort((a, b) => a.score - b.score || a.position - b.position);
  const roles: RoleMapping = { ...NO_ROLES };
  const used = new Set<string>();
  for (const { role, column } of candidates) {
    if (roles[role] !== null || used.has(column)) continue;
    roles[role] = column;
    used.add(column);
  }
  return roles;
}

/** Roles remembered by column key (not table column), so they carry over to a new file's dataset. */
export type RememberedRoles = Partial<Record<Role, string>>;

export function rolesToKeys(roles: RoleMapping, columns: readonly DatasetColumn[]): RememberedRoles {
  const out: RememberedRoles = {};
  for (const role of ROLES) {
    const key = columns.find((c) => c.column === roles[role])?.key;
    if (key !== undefined) out[role] = key;
  }
  return out;
}

export function rolesFromKeys(remembered: RememberedRoles, columns: readonly DatasetColumn[]): RoleMapping {
  const roles: RoleMapping = { ...NO_ROLES };
  for (const role of ROLES) {
    const key = remembered[role];
    roles[role] = key === undefined ? null : (columns.find((c) => c.key === key)?.column ?? null);
  }
  return roles;
}
