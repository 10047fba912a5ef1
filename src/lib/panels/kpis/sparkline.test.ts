import { describe, expect, it } from 'vitest';
import { sparklinePath } from './sparkline';

describe('sparklinePath', () => {
  it('scales the lowest value to the bottom and the highest to the top', () => {
    expect(sparklinePath([0, 5, 10], 100, 20)).toBe('M0.0,20.0L50.0,10.0L100.0,0.0');
  });
  it('breaks the line at a missing value and draws a flat series in the middle', () => {
    expect(sparklinePath([1, null, 1, 1], 30, 10)).toBe('M0.0,5.0M20.0,5.0L30.0,5.0');
  });
  it('draws nothing for fewer than two values', () => {
    expect(sparklinePath([3], 30, 10)).toBe('');
    expect(sparklinePath([null, 2], 30, 10)).toBe('');
  });
});
