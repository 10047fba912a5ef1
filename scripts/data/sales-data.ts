import { customerNames } from './restaurant-data';
import { seededRandom, weightedPicker } from './random';

export const SALES_COLUMNS = [
  'order_id',
  'store',
  'product',
  'client',
  'unit_price',
  'order_date',
  'channel',
] as const;
export type SalesRow = Record<(typeof SALES_COLUMNS)[number], string>;

const STORES = ['Lisbon Baixa', 'Porto Ribeira', 'Braga Centro', 'Faro Marina', 'Coimbra Alta'];
const PRODUCTS = `espresso cappuccino latte mocha flat-white cold-brew chai matcha croissant bagel muffin
scone brownie cheesecake panini wrap salad soup smoothie lemonade orange-juice water granola yogurt toast`
  .split(/\s+/)
  .filter(Boolean);
const CHANNELS = ['in-store', 'web', 'phone'];

/**
 * A sales file whose columns are not the assignment's: store, product, client, a unit price and an order
 * date, plus an id and a channel. A few prices are N/A, a few clients and dates are empty.
 */
export function* salesRows(rows: number, seed: number): Generator<SalesRow> {
  const random = seededRandom(seed);
  const clients = customerNames(300, random);
  const pickClient = weightedPicker(
    clients.map((_, rank) => 1 / Math.pow(rank + 5, 0.8)),
    random,
  );
  const pickStore = weightedPicker([1, 0.8, 0.6, 0.5, 0.35], random);
  const pickProduct = weightedPicker(
    PRODUCTS.map((_, rank) => 1 / (rank + 4)),
    random,
  );
  const pickChannel = weightedPicker([0.6, 0.3, 0.1], random);
  const price = new Map(PRODUCTS.map((p) => [p, 150 + Math.floor(random() * 700)]));
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < rows; i++) {
    const product = PRODUCTS[pickProduct()] as string;
    const cents = (price.get(product) ?? 300) + Math.floor(random() * 5) * 10;
    const day = Math.floor(Math.pow(random(), 0.8) * 182);
    const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
    const roll = random();
    yield {
      order_id: String(100_000 + i),
      store: STORES[pickStore()] as string,
      product,
      client: roll < 0.02 ? '' : (clients[pickClient()] as string),
      unit_price: roll > 0.99 ? 'N/A' : (cents / 100).toFixed(2),
      order_date: roll > 0.02 && roll < 0.03 ? '' : date,
      channel: CHANNELS[pickChannel()] as string,
    };
  }
}
