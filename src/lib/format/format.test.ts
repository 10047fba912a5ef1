import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape-html';
import { formatBytes, formatDuration, formatMoney, formatTie, plural } from './numbers';

describe('formatting', () => {
  it('shows money to the cent with grouping', () => {
    expect(formatMoney(186944)).toBe('186,944.00');
    expect(formatMoney(5945.5)).toBe('5,945.50');
  });

  it('summarises ties without hiding how many there are', () => {
    expect(formatTie([])).toBe('—');
    expect(formatTie(['Michael'])).toBe('Michael');
    expect(formatTie(['Ann', 'Bo'])).toBe('Ann and Bo');
    expect(formatTie(['Ann', 'Bo', 'Cy', 'Dee', 'Ed'])).toBe('Ann, Bo, Cy and 2 others');
  });

  it('pluralises counts', () => {
    expect(plural(1, 'order')).toBe('1 order');
    expect(plural(3137, 'order')).toBe('3,137 orders');
  });

  it('formats sizes and durations for people', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(6_371_233)).toBe('6.1 MB');
    expect(formatDuration(420)).toBe('420 ms');
    expect(formatDuration(12_400)).toBe('12 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
  });

  it('escapes markup', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&`)).toBe(
      '&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;',
    );
  });
});
