import Papa from 'papaparse';
import { RestaurantAccumulator, type OracleAnswers } from '../../tests/support/restaurant-oracle';

/** Papa Parse streaming the File in chunks, with plain JavaScript aggregation. */
export function papaAnswers(file: File): Promise<OracleAnswers> {
  return new Promise((resolve, reject) => {
    const accumulator = new RestaurantAccumulator();
    let keys: string[] | null = null;
    Papa.parse<string[]>(file, {
      skipEmptyLines: true,
      chunkSize: 8 * 1024 * 1024,
      chunk: ({ data }) => {
        for (const record of data) {
          if (!keys) {
            keys = record.map((h) =>
              h
                .replace(/^\uFEFF/, '')
                .trim()
                .toLowerCase(),
            );
            continue;
          }
          if (record.length !== keys.length) continue;
          const row: Record<string, string> = {};
          for (let i = 0; i < keys.length; i++) row[keys[i] as string] = record[i] as string;
          accumulator.add(row);
        }
      },
      complete: () => resolve(accumulator.answers()),
      error: (error) => reject(error),
    });
  });
}
