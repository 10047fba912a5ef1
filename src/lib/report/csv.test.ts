import { describe, expect, it } from 'vitest';
import { answersCsv, toCsv, topDishesCsv } from './csv';
import { sampleInput } from './snapshot-sample.test-data';

describe('table CSV', () => {
  it('quotes what needs quoting (RFC 4180) and leaves the rest as it is', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['plain', 1.5],
          ['with, comma', 'say "hi"'],
          ['line\nbreak', null],
          [' edge', ''],
        ],
      ),
    ).toBe('a,b\r\nplain,1.5\r\n"with, comma","say ""hi"""\r\n"line\nbreak",\r\n" edge",\r\n');
  });

  it('keeps every tied winner of the five answers in one field', () => {
    const { dataset } = sampleInput('<b>soup</b>');
    const csv = answersCsv([
      { ...dataset.restaurants[0]!, topVisitors: { visits: 2, customers: ['Ann', 'Bo'] } },
    ]);
    expect(csv.split('\r\n')[1]).toBe('alpha,3,2,7.5,<b>soup</b>,2,<b>soup</b>,5,Ann; Bo,2');
  });

  it('lists each restaurant’s top dishes by the chosen measure', () => {
    const { dataset } = sampleInput();
    expect(topDishesCsv(dataset.topDishes, 'revenue')).toBe(
      'restaurant,rank_by_revenue,dish,orders,revenue\r\nalpha,1,soup,2,5\r\n',
    );
  });
});
