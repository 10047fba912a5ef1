import type { RememberedRoles } from '$lib/models/dataset/roles';

/** The roles a user chose, by column signature: a later file with the same columns gets them again. */
const KEY = 'dropdash:roles';

export function rememberedRoles(): Record<string, RememberedRoles> {
  try {
    const parsed: unknown = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, RememberedRoles>) : {};
  } catch {
    return {};
  }
}

export function rememberRoles(signature: string, roles: RememberedRoles): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify({ ...rememberedRoles(), [signature]: roles }));
  } catch {
    // Storage refused (private mode, quota): the choice still holds for this dataset.
  }
}
