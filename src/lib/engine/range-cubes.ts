import type { Narrowing } from '$lib/models/dataset/range';
import type { RoleMapping } from '$lib/models/dataset/roles';
import { rolesOf } from '$lib/models/dataset/dataset-rows';
import {
  clearNarrowedSql,
  insertDailySql,
  insertFactsSql,
  type CubeSource,
} from '$lib/models/restaurant/build-ingest-sql';
import {
  attachRangeCatalogSql,
  createRangeCubeSql,
  customerDailyFromDateCubeSql,
  dropRangeCubeSql,
  rangeCubeBoundSql,
  rangeCubeStateSql,
  rangeCubeTables,
  type RangeCubeTables,
  type RangeKey,
} from '$lib/models/restaurant/build-range-cube-sql';
import { HeldRangeCubes } from './held-range-cubes';
import { inTransaction } from './roles';
import type { Narrowed, NarrowedBy } from './api';
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
}

function toState(datasetId: number, row: Row): DatasetState {
  return {
    datasetId,
    table: String(row.table_name),
    roles: rolesOf(row),
    version: `${String(row.cube_version)}|${String(row.sources)}`,
    rows: Number(row.rows),
  };
}

interface Built {
  version: string;
  tables: RangeCubeTables;
}

/**
 * Range cubes: the fact cube with one column (a day or a number) in its grain, one per brushed column,
 * so a range of it is read from small tables the panels query directly. Built on the first range of a
 * column (or ahead of it) and rebuilt when the dataset's roles or files change. A column with too many values for that to be
 * small is narrowed by a scan of the table instead.
 */
export class RangeCubes {
  readonly #db: SqlRunner;
  readonly #limit: number;
  readonly #built = new Map<string, Built>();
  /** Distinct values per dataset column, from the last profile: a bound on a range cube's size. */
  readonly #distinct = new Map<string, number>();
  /** Each dataset's state as last read, until the tables change (`tablesChanged`). */
  readonly #states = new Map<number, DatasetState>();
  /** Datasets whose narrowed cube or daily summary has rows, to be emptied by the next narrowing. */
  readonly #narrowed = new Set<number>();
  /** Out-of-date range cubes, dropped by the next narrowing (by then the page reads their successors). */
  readonly #retired: RangeCubeTables[] = [];
  /** The coarse rows of the cubes small enough to hold: a range's panels are computed from them. */
  readonly held = new HeldRangeCubes();
  #attached: Promise<void> | null = null;
  #tablesVersion = 0;
  #slots = 0;

  constructor(db: SqlRunner, limit = MAX_RANGE_CUBE_GROUPS) {
    this.#db = db;
    this.#limit = limit;
  }

  noteDistinct(datasetId: number, counts: ReadonlyArray<{ column: string; distinct: number }>): void {
    for (const { column, distinct } of counts) this.#distinct.set(`${datasetId}|${column}`, distinct);
  }

  /**
   * What the panels read for a range and a customer: the range's column's range cube when it has one
   * (read as it is: nothing is written), else the table's rows in the range, scanned into the dataset's
   * narrowed cube; and for the over-time chart, a customer's (or a number range's, without a cube)
   * narrowed daily summary. Written in one transaction.
   */
  async narrow(datasetId: number, { range, customer }: Narrowing): Promise<Narrowed> {
    await this.#dropRetired();
    const state = await this.#state(datasetId);
    const scan: CubeSource = { datasetId, table: state.table, roles: state.roles, sourceId: null };
    const clear = clearNarrowedSql(datasetId);
    const statements = [...clear];
    let by: NarrowedBy = 'none';
    const use = (sql: string | null, from: NarrowedBy) => {
      if (sql === null) return;
      statements.push(sql);
      by = by === 'scan' || from === 'scan' ? 'scan' : from;
    };
    const cube = range ? await this.prepare(state, range) : null;
    if (cube) by = 'range cube';
    else if (range) use(insertFactsSql({ ...scan, range }), 'scan');
    const numbers = range?.kind === 'number' ? range : null;
    const { date } = state.roles;
    if (date !== null && customer !== null) {
      const dates = numbers ? null : await this.prepare(state, { kind: 'date', column: date });
      if (dates) use(customerDailyFromDateCubeSql(datasetId, customer, dates), 'range cube');
      else use(insertDailySql({ ...scan, range: numbers, customer }), 'scan');
    } else if (date !== null && numbers && cube === null) {
      use(insertDailySql({ ...scan, range: numbers, customer: null }), 'scan');
    }
    // Nothing to write and nothing written before: no transaction (a brush read from a cube writes nothing).
    if (statements.length > clear.length || this.#narrowed.has(datasetId)) {
      await inTransaction(this.#db, statements);
      if (statements.length > clear.length) this.#narrowed.add(datasetId);
      else this.#narrowed.delete(datasetId);
    }
    return { by, cube };
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
    // The page may still read the old tables (a click while this builds): they go at the next narrowing.
    if (built) {
      this.#built.delete(id);
      this.#retired.push(built.tables);
    }
    if (!(await this.#affordable(state, key))) return null;
    this.#attached ??= this.#db.exec(attachRangeCatalogSql());
    await this.#attached;
    const tables = rangeCubeTables(datasetId, ++this.#slots, key, roles);
    const source = { datasetId, table: state.table, roles };
    for (const sql of createRangeCubeSql(source, key, tables))
      await (step && this.#db.execLong ? this.#db.execLong(sql, step) : this.#db.exec(sql));
    this.#built.set(id, { version, tables });
    await this.held.hold(this.#db, tables, key);
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

  /** A load, a role change, a restore or a clear changed the datasets: their state is read again. */
  tablesChanged(): void {
    this.#tablesVersion++;
    this.#states.clear();
  }

  /** Drops every range cube (the datasets were cleared or replaced). */
  async clear(): Promise<void> {
    for (const [id, built] of [...this.#built]) await this.#drop(id, built);
    await this.#dropRetired();
  }

  /** Read once per change of the tables, not per brush (a query of its own on every range). */
  async #state(datasetId: number): Promise<DatasetState> {
    const known = this.#states.get(datasetId);
    if (known) return known;
    const version = this.#tablesVersion;
    const [row] = await this.#db.rows(rangeCubeStateSql(datasetId));
    if (!row) throw new Error(`There is no dataset ${datasetId}.`);
    const state = toState(datasetId, row);
    // A change that committed while this was read may not be in it.
    if (version === this.#tablesVersion) this.#states.set(datasetId, state);
    return state;
  }

  async #affordable({ datasetId, rows }: DatasetState, key: RangeKey): Promise<boolean> {
    if (rows <= this.#limit) return true;
    const [bound] = await this.#db.rows(rangeCubeBoundSql(datasetId));
    const values =
      key.kind === 'date'
        ? Number(bound?.days ?? Infinity)
        : (this.#distinct.get(`${datasetId}|${key.column}`) ?? Infinity);
    return Number(bound?.cube_rows ?? Infinity) * values <= this.#limit;
  }

  async #dropRetired(): Promise<void> {
    for (const tables of this.#retired.splice(0)) await this.#dropTables(tables);
  }

  async #drop(id: string, built: Built): Promise<void> {
    this.#built.delete(id);
    await this.#dropTables(built.tables);
  }

  async #dropTables(tables: RangeCubeTables): Promise<void> {
    this.held.forget(tables);
    for (const sql of dropRangeCubeSql(tables)) await this.#db.exec(sql);
  }
}
