import { WORK } from '$lib/models/restaurant/build-persist-sql';
import { connectionRunner, dropFile, registerFile, type Database } from './duckdb';
import { IngestCancelled } from './ingest-errors';
import { inPlace } from './ingest';
import { WARM_UP_CATALOG, warmUp, warmUpCsv } from './warm-up';

const PATH = 'dd_warm_up.csv';
type Step = () => Promise<'continue' | 'cancel'>;

/**
 * The warm-up (`warmUp`) on its own connection and in-memory catalog, read through a file handle as a
 * dropped file is; the catalog is detached after. `step` runs between its statements and within long
 * ones, and stops it with 'cancel'. A failed warm-up only leaves the first load slower.
 */
export async function warmUpDatabase(db: Database, step: Step): Promise<'done' | 'stopped'> {
  const runner = connectionRunner(db);
  const bytes = warmUpCsv();
  try {
    await runner.exec(`ATTACH ':memory:' AS ${WARM_UP_CATALOG}`);
    await runner.exec(`USE ${WARM_UP_CATALOG}`);
    registerFile(db, PATH, new File([bytes], PATH));
    await warmUp(
      runner,
      {
        open: inPlace(PATH),
        name: PATH,
        bytes: bytes.length,
        head: bytes.subarray(0, 8192),
        contentHash: async () => 'warm-up',
      },
      step,
    );
    return 'done';
  } catch (error) {
    if (!(error instanceof IngestCancelled))
      console.warn('The engine warm-up failed; the first load will be slower.', error);
    return 'stopped';
  } finally {
    dropFile(db, PATH);
    await runner.exec(`USE ${WORK}`);
    await runner.exec(`DETACH DATABASE IF EXISTS ${WARM_UP_CATALOG}`);
  }
}
