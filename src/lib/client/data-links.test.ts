import { describe, expect, it } from 'vitest';
import { linksAsked, resolveLinks } from './data-links';

describe('links to files this site serves', () => {
  const page = 'https://team.example/dash/?open=x';

  it('resolves paths against the page and keeps them on its origin', () => {
    const { links, refused } = resolveLinks(
      ['data/sales.parquet', '/other/weather.csv', 'https://team.example/dash/a%20b.csv'],
      page,
    );
    expect(links.map((l) => l.url)).toEqual([
      'https://team.example/dash/data/sales.parquet',
      'https://team.example/other/weather.csv',
      'https://team.example/dash/a%20b.csv',
    ]);
    expect(refused).toEqual([]);
  });

  it('refuses other sites and other schemes, saying what to do instead', () => {
    const { links, refused } = resolveLinks(
      ['https://evil.example/x.csv', '//evil.example/x.csv', 'javascript:alert(1)', 'data:text/csv,a'],
      page,
    );
    expect(links).toEqual([]);
    expect(refused).toHaveLength(4);
    expect(refused[0]).toContain('"https://evil.example/x.csv" was not opened');
    expect(refused[0]).toContain('drop it on the page');
  });

  it('reads every open parameter of the address', () => {
    expect(linksAsked('?open=a.csv&open=data%2Fb.parquet&x=1')).toEqual(['a.csv', 'data/b.parquet']);
  });
});
