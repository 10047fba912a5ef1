import { describe, expect, it } from 'vitest';
import { NO_ROLES } from '$lib/models/dataset/roles';
import { pluralOf, vocabulary } from './vocabulary';

describe('vocabulary', () => {
  it('keeps the restaurant wording for the assignment columns', () => {
    const words = vocabulary({
      place: 'restaurant_names',
      item: 'food_names',
      customer: 'first_name',
      amount: 'food_cost',
      date: null,
    });
    expect(words).toMatchObject({
      place: 'restaurant',
      items: 'dishes',
      customers: 'customers',
      restaurant: true,
    });
  });

  it('names things after the mapped columns otherwise', () => {
    const words = vocabulary({ ...NO_ROLES, place: 'Branch', item: 'product_name', customer: 'client_id' });
    expect(words).toMatchObject({
      place: 'branch',
      places: 'branches',
      item: 'product',
      customers: 'clients',
    });
    expect(vocabulary(NO_ROLES)).toMatchObject({ place: 'place', item: 'item', amount: null });
  });

  it('makes plurals', () => {
    expect(['store', 'city', 'box', 'day'].map(pluralOf)).toEqual(['stores', 'cities', 'boxes', 'days']);
  });
});
