import type { ScopeView } from '$lib/client/dashboard-data';
import type { Snapshot, SnapshotScope } from './snapshot-schema';

/** A snapshot's figures for one restaurant (or all of them) in the shape the dashboard components read. */
export function scopeView(snapshot: Snapshot, restaurant: string | null): ScopeView {
  const found =
    snapshot.data.scopes.find((s) => s.restaurant === restaurant) ??
    snapshot.data.scopes.find((s) => s.restaurant === null) ??
    (snapshot.data.scopes[0] as SnapshotScope);
  return {
    scope: {
      dataset: 0,
      restaurant: found.restaurant,
      sources: null,
      item: snapshot.item,
      customer: snapshot.customer,
      range: snapshot.range,
    },
    overview: found.overview,
    totals: snapshot.data.placeTotals,
    timeline: found.timeline,
    dishes: found.dishes,
    customers: found.customers,
  };
}
