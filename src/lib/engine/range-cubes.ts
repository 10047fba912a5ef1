import type { RangeFilter } from '$lib/models/dataset/range';
import type { RoleMapping } from '$lib/models/dataset/roles';
import { rolesOf } from '$lib/models/dataset/dataset-rows';
import {
  createRangeCubeSql,
  dayCountSql,
  dropRangeCubeSql,
  narrowFromRangeCubeSql,
  rangeCubeStateSql,
  rangeCubeTables,
  type RangeCubeTables,
  type RangeKey,
} from '$lib/models/restaurant/build-range-cube-sql';
import { inTransaction, narrowCube } from './roles';
import type { NarrowedBy } from './api';
import type { Row, SqlRunner } from './sql-runner';

/** Past this many groups a range cube would be about as big as the table: ranges scan the table. */
export const MAX_RANGE_CUBE_GROUPS = 2_000_000;
/** Range cubes kept at once (each a few MB to tens of MB); the least recently used one goes. */
const KEPT = 4;

type Step = () => Promise<'continue' | 'cancel'>;

/** What a range cube is built from, and the version of it that tells when it is out of date. */
interface DatasetState {
  datasetId: number;
  table: string;
  roles: RoleMapping;
  version: string;
  rows: number;
  cubeRows: number;
}

function toState(datasetId: number, row: Row): DatasetState {
  return {
    datasetId,
    table: String(row.table_name),
    roles: rolesOf(row),
    version: `${String(row.cube_version)}|${String(row.sources)}`,
    rows: Number(row.rows),
    cubeRows: Number(row.cube_rows),
  };
}

interface Built {
  version: string;
  tables: RangeCubeTables;
}

/**
 * Range cubes: the fact cube with one column (a day or a number) in its grain, one per brushed column,
 * so a range of it is a roll-up of a small table. Built on the first range of a column (or ahead of it)
 * and rebuilt when the dataset's roles or files change. A column with too many values for that to be
 * small is narrowed by a scan of the table instead.
 */
export class RangeCubes {
  readonly #db: SqlRunner;
  readonly #limit: number;
  readonly #built = new Map<string, Built>();
  /** Distinct values per dataset column, from the last profile: a bound on a range cube's size. */
  readonly #distinct = new Map<string, number>();
  #slots = 0;

  constructor(db: SqlRunner, limit = MAX_RANGE_CUBE_GROUPS) {
    this.#db = db;
    this.#limit = limit;
  }

  noteDistinct(datasetId: number, counts: ReadonlyArray<{ column: string; distinct: number }>): void {
    for (const { column, distinct } of counts) this.#distinct.set(`${datasetId}|${column}`, distinct);
  }

  /** The dataset's narrowed cube for a range (null: none), from its column's range cube when it can. */
  async narrow(datasetId: number, range: RangeFilter | null): Promise<NarrowedBy> {
    const state = await this.#state(datasetId);
    if (range === null) {
      await narrowCube(this.#db, datasetId, state.roles, null);
      return 'none';
    }
    const tables = await this.prepare(state, range);
    if (tables === null) {
      await narrowCube(this.#db, datasetId, state.roles, range);
      return 'scan';
    }
    await inTransaction(this.#db, narrowFromRangeCubeSql(datasetId, range, tables));
    return 'range cube';
  }

  /**
   * The column's range cube as the dataset is now, built if it is missing or out of date; null when the
   * column has too many values for one. `step` lets a build run between other work.
   */
  async prepare(state: DatasetState, key: RangeKey, step?: Step): Promise<RangeCubeTables | null> {
    const { datasetId, roles, version } = state;
    const id = `${datasetId}|${key.kind}|${key.column}`;
    const built = this.#built.get(id);
    if (built?.version === version) {
      this.#built.delete(id);
      this.#built.set(id, built);
      return built.tables;
    }
    if (built) await this.#drop(id, built);
    if (!(await this.#affordable(state, key))) return null;
    const tables = rangeCubeTables(datasetId, ++this.#slots, key, roles);
    const source = { datasetId, table: state.table, roles };
    for (const sql of createRangeCubeSql(source, key, tables))
      await (step && this.#db.execLong ? this.#db.execLong(sql, step) : this.#db.exec(sql));
    this.#built.set(id, { version, tables });
    const oldest = this.#built.entries().next().value;
    if (this.#built.size > KEPT && oldest) await this.#drop(oldest[0], oldest[1]);
    return tables;
  }

  /** After a profile: notes each column's distinct count, and builds the date's and amount's cubes. */
  async prepareAhead(
    datasetId: number,
    profiles: ReadonlyArray<{ column: string; distinct: number; type: string }>,
    step: Step,
  ): Promise<void> {
    this.noteDistinct(datasetId, profiles);
    const state = await this.#state(datasetId);
    const { date, amount } = state.roles;
    const numeric = profiles.some((p) => p.column === amount && p.type === 'number');
    if (date !== null) await this.prepare(state, { kind: 'date', column: date }, step);
    if (amount !== null && numeric) await this.prepare(state, { kind: 'number', column: amount }, step);
  }

  /** Drops every range cube (the datasets were cleared or replaced). */
  async clear(): Promise<void> {
    for (const [id, built] of [...this.#built]) await this.#drop(id, built);
  }

  async #state(datasetId: number): Promise<DatasetState> {
    const [row] = await this.#db.rows(rangeCubeStateSql(datasetId));
    if (!row) throw new Error(`There is no dataset ${datasetId}.`);
    return toState(datasetId, row);
  }

  async #affordable({ datasetId, rows, cubeRows }: DatasetState, key: RangeKey): Promise<boolean> {
    if (rows <= this.#limit) return true;
    const values =
      key.kind === 'date'
        ? Number((await this.#db.rows(dayCountSql(datasetId)))[0]?.days ?? Infinity)
        : (this.#distinct.get(`${datasetId}|${key.column}`) ?? Infinity);
    return cubeRows * values <= this.#limit;
  }

  async #drop(id: string, built: Built): Promise<void> {
    this.#built.delete(id);
    for (const sql of dropRangeCubeSql(built.tables)) await this.#db.exec(sql);
  }
}
