import { seededRandom, weightedPicker } from './random';

/** Files of shapes other than the restaurant's, generated from seeds: what any data team holds. */
type Rows = Record<string, string>[];

const pick = <T>(items: readonly T[], random: () => number): T =>
  items[Math.floor(random() * items.length)] as T;
const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A daily weather log: date, precipitation, temperatures, wind and a weather word (some days missing). */
export function weatherRows(days: number, seed: number): Rows {
  const random = seededRandom(seed);
  const start = Date.UTC(2012, 0, 1);
  const kinds = ['sun', 'rain', 'drizzle', 'fog', 'snow'];
  const pickKind = weightedPicker([0.45, 0.3, 0.12, 0.08, 0.05], random);
  return Array.from({ length: days }, (_, d) => {
    const season = Math.sin(((d % 365) / 365) * 2 * Math.PI - Math.PI / 2);
    const weather = kinds[pickKind()] as string;
    const max = 14 + 10 * season + random() * 6;
    return {
      date: isoDay(start + d * DAY),
      precipitation:
        weather === 'rain'
          ? (random() * 30).toFixed(1)
          : weather === 'drizzle'
            ? (random() * 3).toFixed(1)
            : '0.0',
      temp_max: max.toFixed(1),
      temp_min: (max - 4 - random() * 8).toFixed(1),
      wind: (0.5 + random() * 7).toFixed(1),
      weather: d % 97 === 5 ? '' : weather,
    };
  });
}

const AIRPORTS = [
  'DENVER INTL',
  'DALLAS/FORT WORTH INTL',
  'SACRAMENTO INTL',
  "CHICAGO O'HARE INTL",
  'KANSAS CITY INTL',
  'MEMPHIS INTL',
  'SALT LAKE CITY INTL',
  'ORLANDO INTL',
  'JOHN F KENNEDY INTL',
  'PHOENIX SKY HARBOR',
];
const STATES = ['CO', 'TX', 'CA', 'IL', 'MO', 'TN', 'UT', 'FL', 'NY', 'AZ'];
const MODELS = ['B-737-800', 'A-320', 'CRJ100/200', 'B-757-200', 'EMB-170', 'A-319', 'B-717-200', 'MD-88'];
const OPERATORS = [
  'SOUTHWEST AIRLINES',
  'AMERICAN AIRLINES',
  'UNITED AIRLINES',
  'DELTA AIR LINES',
  'SKYWEST AIRLINES',
  'BUSINESS',
];
const PHASES = ['Approach', 'Landing Roll', 'Take-off run', 'Climb', 'Descent', 'Taxi', 'Parked'];
const SPECIES = [
  'Mourning dove',
  'Barn swallow',
  'Killdeer',
  'Horned lark',
  'European starling',
  'Red-tailed hawk',
  'Unknown bird - small',
  'Canada goose',
  'Gulls',
  'American kestrel',
];
const SIZES = ['Small', 'Medium', 'Large'];
const DAMAGE = ['None', 'Minor', 'Substantial', 'Uncertain', 'Destroyed'];
const TIMES = ['Day', 'Night', 'Dawn', 'Dusk'];

/** A 14-column incident log (wildlife strikes): US dates, three cost columns, many grouping columns. */
export function incidentRows(rows: number, seed: number): Rows {
  const random = seededRandom(seed);
  const start = Date.UTC(2000, 0, 1);
  const pickDamage = weightedPicker([0.8, 0.1, 0.05, 0.04, 0.01], random);
  return Array.from({ length: rows }, () => {
    const when = new Date(start + Math.floor(random() * 3650) * DAY);
    const airport = Math.floor(random() * AIRPORTS.length);
    const damage = DAMAGE[pickDamage()] as string;
    const cost = (scale: number) => (damage === 'None' ? '0' : String(Math.floor(random() * scale)));
    return {
      'Airport Name': AIRPORTS[airport] as string,
      'Aircraft Model': pick(MODELS, random),
      Damage: damage,
      'Flight Date': `${when.getUTCMonth() + 1}/${when.getUTCDate()}/${when.getUTCFullYear()}`,
      Operator: pick(OPERATORS, random),
      'Origin State': STATES[airport] as string,
      'Phase of Flight': random() < 0.05 ? '' : pick(PHASES, random),
      'Wildlife Size': pick(SIZES, random),
      'Wildlife Species': pick(SPECIES, random),
      'Time of Day': pick(TIMES, random),
      'Cost Aircraft Time Out of Service': cost(5000),
      'Cost Other': cost(20000),
      'Cost Repair': cost(90000),
      Speed: random() < 0.1 ? '' : String(80 + Math.floor(random() * 150)),
    };
  });
}

/** Web events: a timestamp, a user id of many values, a few grouping columns and numbers. */
export function eventRows(rows: number, users: number, seed: number): Rows {
  const random = seededRandom(seed);
  const start = Date.UTC(2024, 2, 1);
  const pickUser = weightedPicker(
    Array.from({ length: users }, (_, i) => 1 / (i + 10)),
    random,
  );
  return Array.from({ length: rows }, () => {
    const at = new Date(start + Math.floor(random() * 14 * DAY)).toISOString().replace(/\.\d+Z$/, 'Z');
    return {
      event_time: at,
      user_id: `u${String(pickUser()).padStart(6, '0')}`,
      event: pick(['page_view', 'click', 'signup', 'purchase', 'search'], random),
      country: pick(['PT', 'ES', 'FR', 'DE', 'NL', 'IT', 'US', 'BR'], random),
      device: pick(['desktop', 'mobile', 'tablet'], random),
      duration_ms: String(Math.floor(random() * 60000)),
      revenue: random() < 0.1 ? (random() * 200).toFixed(2) : '0',
    };
  });
}

/** Only numbers: sensor readings. */
export function numberRows(rows: number, seed: number): Rows {
  const random = seededRandom(seed);
  return Array.from({ length: rows }, () => ({
    pressure: (990 + random() * 40).toFixed(2),
    humidity: (20 + random() * 70).toFixed(1),
    voltage: (3 + random() * 2).toFixed(3),
  }));
}

/** One text column: a list of names. */
export function wordRows(rows: number, seed: number): Rows {
  const random = seededRandom(seed);
  const words = [
    'alder',
    'birch',
    'cedar',
    'elm',
    'fir',
    'hazel',
    'larch',
    'maple',
    'oak',
    'pine',
    'rowan',
    'yew',
  ];
  return Array.from({ length: rows }, () => ({ tree: pick(words, random) }));
}

/**
 * The bench's events: a timestamp, 8 dimensions of 3 to 100,000 values, 4 numbers. A generator, so a
 * file of millions of rows is written in chunks.
 */
export function* benchEventRows(rows: number, seed: number): Generator<Record<string, string>> {
  const random = seededRandom(seed);
  const start = Date.UTC(2025, 0, 1);
  const span = 90 * DAY;
  const pickUser = weightedPicker(
    Array.from({ length: 100_000 }, (_, i) => 1 / (i + 50)),
    random,
  );
  const pickPage = weightedPicker(
    Array.from({ length: 200 }, (_, i) => 1 / (i + 3)),
    random,
  );
  const pickCampaign = weightedPicker(
    Array.from({ length: 30 }, (_, i) => 1 / (i + 2)),
    random,
  );
  const events = ['page_view', 'click', 'search', 'signup', 'purchase'];
  const countries = ['PT', 'ES', 'FR', 'DE', 'NL', 'IT', 'US', 'BR'];
  const devices = ['desktop', 'mobile', 'tablet'];
  const browsers = ['chrome', 'safari', 'firefox', 'edge', 'samsung', 'opera'];
  const plans = ['free', 'basic', 'pro', 'team'];
  for (let i = 0; i < rows; i++) {
    const event = pick(events, random);
    yield {
      event_time: new Date(start + Math.floor(random() * span)).toISOString().replace(/\.\d+Z$/, 'Z'),
      user_id: `u${String(pickUser()).padStart(6, '0')}`,
      event,
      country: pick(countries, random),
      device: pick(devices, random),
      browser: pick(browsers, random),
      plan: pick(plans, random),
      campaign: `c${String(pickCampaign()).padStart(2, '0')}`,
      page: `/p/${pickPage()}`,
      duration_ms: String(Math.floor(random() * 60000)),
      revenue: event === 'purchase' ? (random() * 300).toFixed(2) : '0',
      items: String(event === 'purchase' ? 1 + Math.floor(random() * 5) : 0),
      score: (random() * 100).toFixed(1),
    };
  }
}
