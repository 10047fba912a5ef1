import { sniffDialect, type ChosenDialect, type Dialect } from './dialect';
import { decodeHead, detectEncoding, readableInPlace, type Encoding } from './encoding';
import type { ReadEncoding } from './read-csv-sql';

/** The read options a user can set for a file; what is left out is decided from the file. */
export interface ReadChoice extends ChosenDialect {
  encoding?: Encoding;
}

/** How DuckDB gets the bytes: the file in place, read as UTF-8 or Latin-1, or its text decoded in the worker. */
export type ReadAttempt = { inPlace: ReadEncoding } | { decode: Encoding };

export type ReadAttempts = { attempts: ReadAttempt[]; mixedNewlines: boolean } | { binary: string | null };

/**
 * The ways to read a file, in order, from its first bytes: a byte that is not UTF-8 can come long after
 * them, so Latin-1 follows UTF-8, and Windows-1252 decoded in the worker follows Latin-1 (DuckDB's Latin-1
 * refuses the bytes 0x80–0x9F).
 */
export function readAttempts(head: Uint8Array, complete: boolean, choice: ReadChoice = {}): ReadAttempts {
  const guess = choice.encoding ? { kind: 'text' as const, encoding: choice.encoding } : detectEncoding(head);
  if (guess.kind === 'binary') return { binary: guess.what };
  const { encoding } = guess;
  // DuckDB reads one kind of line break per file: mixed ones are made `\n` while decoding.
  const { mixedNewlines } = sniffDialect(decodeHead(head, encoding), complete, choice);
  if (mixedNewlines) return { attempts: [{ decode: encoding }], mixedNewlines };
  const inPlace = readableInPlace(encoding, head);
  const attempts: ReadAttempt[] =
    inPlace === 'utf-8'
      ? [{ inPlace }, { inPlace: 'latin-1' }, { decode: 'windows-1252' }]
      : inPlace === 'latin-1'
        ? [{ inPlace }, { decode: 'windows-1252' }]
        : [{ decode: encoding }];
  return { attempts, mixedNewlines };
}

/** The encoding a file is read in, as kept with it. */
export const attemptEncoding = (attempt: ReadAttempt): Encoding =>
  'decode' in attempt ? attempt.decode : attempt.inPlace === 'latin-1' ? 'windows-1252' : 'utf-8';

/** The dialect as the attempt's encoding reads the first bytes (a header may hold accented names). */
export function attemptDialect(
  head: Uint8Array,
  complete: boolean,
  attempt: ReadAttempt,
  choice: ReadChoice = {},
): Dialect {
  return sniffDialect(decodeHead(head, attemptEncoding(attempt)), complete, choice);
}
