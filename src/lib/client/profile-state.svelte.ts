import type { ColumnProfile } from '$lib/models/profile/profile-rows';
import { profileDataset } from './engine';

export type ProfileStatus =
  | { status: 'idle' }
  | { status: 'loading'; datasetId: number }
  | { status: 'ready'; datasetId: number; columns: ColumnProfile[]; ms: number }
  | { status: 'error'; datasetId: number; message: string };

/**
 * Column profiles, computed in the engine after the dashboard is drawn (never on the drop's path), and
 * kept per dataset and row count: they are computed again only when rows are added.
 */
export class ProfileState {
  // Raw: replaced whole, never changed in place (no deep proxy over every bin of every column).
  current = $state.raw<ProfileStatus>({ status: 'idle' });
  // Not state: only `current` is read by views.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private cache = new Map<string, { columns: ColumnProfile[]; ms: number }>();
  private request = 0;
  /** The dataset and row count `current` is (or is becoming) the profile of. */
  private shown: string | null = null;

  /** Idempotent: asking again for what is shown or being computed changes nothing (no redraw). */
  async load(datasetId: number, rows: number): Promise<void> {
    const key = `${datasetId}:${rows}`;
    if (this.shown === key && this.current.status !== 'error') return;
    this.shown = key;
    const cached = this.cache.get(key);
    if (cached) {
      this.current = { status: 'ready', datasetId, ...cached };
      return;
    }
    const request = ++this.request;
    this.current = { status: 'loading', datasetId };
    const started = performance.now();
    try {
      const columns = await profileDataset(datasetId);
      const ms = Math.round(performance.now() - started);
      this.cache.set(key, { columns, ms });
      if (request === this.request) this.current = { status: 'ready', datasetId, columns, ms };
    } catch (error) {
      if (request === this.request) {
        const message = error instanceof Error ? error.message : String(error);
        this.current = {
          status: 'error',
          datasetId,
          message: `The profile could not be computed: ${message}`,
        };
      }
    }
  }

  clear(): void {
    this.request++;
    this.shown = null;
    this.cache.clear();
    this.current = { status: 'idle' };
  }
}
