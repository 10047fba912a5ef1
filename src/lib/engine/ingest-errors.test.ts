import { describe, expect, it } from 'vitest';
import { explainCsvError, parseMemorySize, tooLargeMessage } from './ingest-errors';

describe('memory errors', () => {
  it('reads the sizes DuckDB reports', () => {
    expect(parseMemorySize('3.1 GiB')).toBeCloseTo(3.1 * 2 ** 30);
    expect(parseMemorySize('48.0 MiB')).toBe(48 * 2 ** 20);
    expect(parseMemorySize('512MB')).toBe(512e6);
    expect(parseMemorySize('lots')).toBeNull();
  });

  it('says how large a file this browser can take', () => {
    const message = tooLargeMessage('big.csv', '3.1 GiB');
    expect(message).toContain('"big.csv" is too large for this browser\'s memory');
    expect(message).toContain('may use 3.1 GiB here, enough for CSV files up to about 1.7 GB');
    expect(message).toContain('data already loaded is unchanged');
    expect(message).toContain('WebAssembly has at most 4 GB in any browser');
    expect(message).not.toContain('more memory');
    expect(tooLargeMessage('big.csv', '45.7 MiB')).toContain('up to about 24 MB');
  });

  it("recognises DuckDB's out-of-memory error as one", () => {
    const error = explainCsvError(
      'big.csv',
      'Out of Memory Error: could not allocate block of size 256.0 KiB',
    );
    expect(error.kind).toBe('memory');
    expect(explainCsvError('x.csv', 'Conversion Error: nope').kind).toBe('input');
  });
});
