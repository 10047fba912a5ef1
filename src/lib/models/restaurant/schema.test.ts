import { describe, expect, it } from 'vitest';
import { matchColumns } from './schema';

describe('matchColumns', () => {
  it('finds the required columns in any order, among extra ones, whatever their case and padding', () => {
    const match = matchColumns([
      'order_id',
      ' Food_Cost ',
      'FIRST_NAME',
      'restaurant_names',
      'food_names',
      'x',
    ]);
    expect(match.missing).toEqual([]);
    expect(match.mapping).toEqual({
      restaurant_names: 'restaurant_names',
      food_names: 'food_names',
      first_name: 'FIRST_NAME',
      food_cost: ' Food_Cost ',
    });
  });

  it('names every missing column', () => {
    expect(matchColumns(['store', 'food_names'])).toEqual({
      mapping: null,
      missing: ['restaurant_names', 'first_name', 'food_cost'],
    });
  });

  it('takes the first of duplicate headers', () => {
    const match = matchColumns(['restaurant_names', 'food_names', 'first_name', 'food_cost', 'FOOD_COST']);
    expect(match.mapping?.food_cost).toBe('food_cost');
  });
});
