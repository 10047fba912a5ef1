import type { RangeFilter } from '$lib/models/dataset/range';

/** What the filters need from the page: redraw the narrowed panels, and build a range's narrowed cube. */
export interface FilterHost {
  refreshScope(): Promise<void>;
  /** Redraws every panel a customer or a range narrows, the store × item ones included. */
  refreshNarrowed(): Promise<void>;
  /** Builds the shown dataset's narrowed cube for a range (null: none), sets it, redraws the panels. */
  applyRange(range: RangeFilter | null): Promise<void>;
}

/**
 * What a click, a select or a brush narrowed the panels to. A place, an item or a customer is read from
 * the cube; a range needs its own narrowed cube, built in the engine before the panels read it.
 */
export class Filters {
  restaurant = $state<string | null>(null);
  /** An item (dish) a click narrowed every other panel to; null for all. */
  item = $state<string | null>(null);
  /** A customer a click on their row narrowed every other panel to. */
  customer = $state<string | null>(null);
  /** A range of the date column (a brush on the over-time chart, or its two inputs). */
  range = $state<RangeFilter | null>(null);

  constructor(private readonly host: FilterHost) {}

  async selectRestaurant(restaurant: string | null): Promise<void> {
    this.restaurant = restaurant;
    await this.host.refreshScope();
  }

  /** A click on a restaurant's bar or cell: it becomes the selection; clicking it again clears it. */
  async toggleRestaurant(restaurant: string): Promise<void> {
    await this.selectRestaurant(restaurant === this.restaurant ? null : restaurant);
  }

  /** Narrows the panels to one item (a click on its bar); the same item again, or null, clears it. */
  async selectItem(item: string | null): Promise<void> {
    this.item = item === this.item ? null : item;
    await this.host.refreshScope();
  }

  /** A click on a heat-map cell: its restaurant and its item, or, clicked again, neither. */
  async selectCell(restaurant: string, item: string): Promise<void> {
    const same = this.restaurant === restaurant && this.item === item;
    this.restaurant = same ? null : restaurant;
    this.item = same ? null : item;
    await this.host.refreshScope();
  }

  /** A click on a customer's row; the same customer again, or null, clears it. */
  async selectCustomer(customer: string | null): Promise<void> {
    this.customer = customer === this.customer ? null : customer;
    await this.host.refreshNarrowed();
  }

  /** A brushed or typed range; null clears it. The panels redraw once its narrowed cube is built. */
  async selectRange(range: RangeFilter | null): Promise<void> {
    const same =
      range !== null &&
      this.range !== null &&
      range.column === this.range.column &&
      range.from === this.range.from &&
      range.to === this.range.to;
    if (!same) await this.host.applyRange(range);
  }

  /** Another dataset, or no data: nothing stays narrowed (the place is chosen again by the page). */
  reset(): void {
    this.restaurant = null;
    this.item = null;
    this.customer = null;
    this.range = null;
  }
}
