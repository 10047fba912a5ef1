import type { DatasetInfo } from '$lib/models/dataset/dataset-rows';
import { rolesToKeys, type Role } from '$lib/models/dataset/roles';
import { loadDatasets } from './dashboard-data';
import { setRoles } from './engine';
import { ProfileState } from './profile-state.svelte';
import { rememberRoles } from './role-memory';

/** The loaded datasets, the one the dashboard shows, its roles and its column profiles. */
export class DatasetState {
  list = $state<DatasetInfo[]>([]);
  activeId = $state<number | null>(null);
  readonly active = $derived(this.list.find((d) => d.id === this.activeId) ?? null);
  readonly profile = new ProfileState();

  /** Reads the datasets again; returns the one to show: the shown one if still there, else the newest. */
  async reload(): Promise<number | null> {
    const list = await loadDatasets();
    this.list = list;
    if (list.some((d) => d.id === this.activeId)) return this.activeId;
    return [...list].sort((a, b) => b.lastSourceId - a.lastSourceId)[0]?.id ?? null;
  }

  /** Maps a column of the shown dataset to a role; the engine rebuilds its cube. Remembered for its columns. */
  async mapRole(role: Role, column: string | null): Promise<boolean> {
    const dataset = this.active;
    if (!dataset || dataset.roles[role] === column) return false;
    const roles = { ...dataset.roles, [role]: column };
    await setRoles(dataset.id, roles);
    rememberRoles(dataset.signature, rolesToKeys(roles, dataset.columns));
    return true;
  }

  /** Profiles the shown dataset (computed once per dataset and row count). */
  profileShown(): void {
    const active = this.active;
    if (active) void this.profile.load(active.id, active.rows);
  }

  clear(): void {
    this.list = [];
    this.activeId = null;
    this.profile.clear();
  }
}
