import Papa from 'papaparse';
import { seededRandom, shuffled, weightedPicker } from './random';

export const RESTAURANTS = [
  'the-restaurant-at-the-end-of-the-universe',
  'johnnys-cashew-stand',
  'bean-juice-stand',
  'the-ice-cream-parlor',
] as const;

export const DISHES = [
  'beans', 'cashews', 'chips', 'chocolate', 'coffee', 'cookies', 'corn', 'candy', 'cereal', 'chicken',
  'cheese', 'eggs', 'fish', 'fruit', 'grains', 'honey', 'ice cream', 'juice', 'milk', 'meat', 'nuts', 'oil',
  'pasta', 'rice', 'salad', 'sandwiches', 'soup', 'spices', 'sugar', 'tea', 'vegetables', 'water', 'wine',
  'yogurt',
] as const; // prettier-ignore

const COMMON_NAMES = `Michael James John Robert David William Mary Christopher Joseph Richard Daniel Thomas
Matthew Jennifer Charles Anthony Patricia Linda Mark Elizabeth Joshua Steven Andrew Kevin Brian Barbara
Jessica Jason Susan Timothy Paul Kenneth Lisa Ryan Sarah Karen Jeffrey Donald Ashley Eric Jacob Nicholas
Jonathan Ronald Michelle Kimberly Nancy Justin Sandra Amanda Brandon Stephanie Emily Melissa Gary Edward
Stephen Scott George Donna Benjamin Rebecca Deborah Laura Cynthia Carol Amy Margaret Gregory Sharon Larry
Angela Maria Alexander Emma Olivia Aaron Abigail Zoe Yusuf Chloe Noah Liam Mia Ava Sofia Lucas Ethan Hannah
Grace Leo Isaac Ivy Omar Priya Ana Mateo Hiro Aiko Chen Wei Lena Nora Felix Oscar Ruth Ada Alan Grace`
  .split(/\s+/)
  .filter((name, index, all) => all.indexOf(name) === index);

const SYLLABLES = 'ka lo ri ve na mi to sa el an ju re do li ma ne ar is ol ta be ko zu fa'.split(' ');

/** About 700 distinct first names: common ones first (they get the most visits), then invented ones. */
export function customerNames(count: number, random: () => number): string[] {
  const names = new Set(COMMON_NAMES);
  while (names.size < count) {
    const parts = 2 + Math.floor(random() * 2);
    let name = '';
    for (let i = 0; i < parts; i++) name += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    names.add(name.charAt(0).toUpperCase() + name.slice(1));
  }
  return [...names].slice(0, count);
}

export type RestaurantRow = {
  restaurant_names: string;
  food_names: string;
  first_name: string;
  food_cost: string;
};

export interface GenerateOptions {
  rows: number;
  seed: number;
  /** Share of rows whose food_cost is `N/A` or empty (they still count as visits). */
  unusableCostShare?: number;
}

/** Rows in the assignment's schema, skewed so that charts show real differences between dishes. */
export function* restaurantRows({
  rows,
  seed,
  unusableCostShare = 0,
}: GenerateOptions): Generator<RestaurantRow> {
  const random = seededRandom(seed);
  const names = customerNames(700, random);
  const pickName = weightedPicker(
    names.map((_, rank) => 1 / Math.pow(rank + 8, 0.9)),
    random,
  );
  const pickRestaurant = weightedPicker([1.0, 0.93, 0.97, 0.88], random);
  const dishPickers = RESTAURANTS.map(() => {
    const order = shuffled(DISHES, random);
    const pick = weightedPicker(
      order.map((_, rank) => 1 / (rank + 6)),
      random,
    );
    return () => order[pick()] as string;
  });
  const basePrice = new Map(DISHES.map((dish) => [dish, 2 + Math.floor(random() * 11) / 2]));
  // Regulars go everywhere; past the first hundred names, people keep to one to four restaurants.
  const haunts = names.map((_, rank) => {
    const count = rank < 100 ? RESTAURANTS.length : 1 + Math.floor(random() * RESTAURANTS.length);
    return new Set(shuffled([0, 1, 2, 3], random).slice(0, count));
  });

  for (let i = 0; i < rows; i++) {
    const r = pickRestaurant();
    let customer = pickName();
    while (!haunts[customer]?.has(r)) customer = pickName();
    const dish = (dishPickers[r] as () => string)();
    const steps =
      Math.round((basePrice.get(dish as (typeof DISHES)[number]) ?? 5) * 2) + Math.floor(random() * 7) - 3;
    const cost = Math.min(18, Math.max(2, steps)) / 2;
    const unusable = random() < unusableCostShare;
    yield {
      restaurant_names: RESTAURANTS[r] as string,
      food_names: dish,
      first_name: names[customer] as string,
      food_cost: unusable ? (random() < 0.5 ? 'N/A' : '') : cost.toFixed(1),
    };
  }
}

export interface CsvOptions {
  columns?: string[];
  delimiter?: string;
  newline?: '\n' | '\r\n';
  bom?: boolean;
  quoteAll?: boolean;
}

/** Serialises rows with Papa Parse's writer, so quoting follows RFC 4180. */
export function toCsv(rows: Iterable<Record<string, string>>, options: CsvOptions = {}): string {
  const data = [...rows];
  const text = Papa.unparse(data, {
    columns: options.columns,
    delimiter: options.delimiter ?? ',',
    newline: options.newline ?? '\n',
    quotes: options.quoteAll ?? false,
  });
  return (options.bom ? '\ufeff' : '') + text + (options.newline ?? '\n');
}
