import type { RoleMapping } from '$lib/models/dataset/roles';

/** The words the dashboard uses for a dataset's places, items and customers, from the mapped columns. */
export interface Vocabulary {
  place: string;
  places: string;
  item: string;
  items: string;
  customer: string;
  customers: string;
  /** The column summed as revenue, as named in the file. */
  amount: string | null;
  customerMapped: boolean;
  /** True for the assignment's own columns: the dashboard keeps its restaurant wording. */
  restaurant: boolean;
}

const CLASSIC: Record<string, string> = {
  restaurant_names: 'restaurant',
  food_names: 'dish',
  first_name: 'customer',
};

export function pluralOf(word: string): string {
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

function noun(column: string | null, fallback: string): string {
  if (column === null) return fallback;
  const key = column.trim().toLowerCase();
  const word =
    CLASSIC[key] ??
    key
      .replace(/[_\s]+/g, ' ')
      .replace(/\b(names?|id)$/, '')
      .trim();
  return word === '' || word.length > 24 ? fallback : word;
}

export function vocabulary(roles: RoleMapping): Vocabulary {
  const place = noun(roles.place, 'place');
  const item = noun(roles.item, 'item');
  const customer = noun(roles.customer, 'customer');
  return {
    place,
    places: pluralOf(place),
    item,
    items: pluralOf(item),
    customer,
    customers: pluralOf(customer),
    amount: roles.amount,
    customerMapped: roles.customer !== null,
    restaurant: roles.place?.toLowerCase() === 'restaurant_names',
  };
}

export const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
