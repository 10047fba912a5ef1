import { LIMITS, SNAPSHOT_SCHEMA, validateSnapshot, type Snapshot } from './snapshot-schema';

/** Why a snapshot could not be opened, in words a person can act on. */
export class SnapshotError extends Error {
  override name = 'SnapshotError';
}

export const NOT_JSON = 'it is not valid JSON.';
export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('en-US')} MB`;

/** A snapshot's JSON text, size-capped before it is parsed; throws SnapshotError. */
export function parseSnapshotJson(json: string): Snapshot {
  if (json.length > LIMITS.jsonBytes)
    throw new SnapshotError(`it is larger than ${megabytes(LIMITS.jsonBytes)}, the most Dropdash opens.`);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new SnapshotError(NOT_JSON);
  }
  const schema = (value as { schema?: unknown } | null)?.schema;
  if (typeof schema === 'string' && schema.startsWith('dropdash.snapshot/') && schema !== SNAPSHOT_SCHEMA)
    throw new SnapshotError(`it was made in the format ${schema}; this Dropdash reads ${SNAPSHOT_SCHEMA}.`);
  if (schema !== SNAPSHOT_SCHEMA) throw new SnapshotError('it is not a Dropdash snapshot.');
  const result = validateSnapshot(value);
  if (!result.ok) throw new SnapshotError(`it is not a valid snapshot: ${result.problem}.`);
  return result.snapshot;
}
