import type { MetricsFilter } from '$lib/models/metrics/metrics-filters';
import { columnOf, type Measure, type MetricsModel } from '$lib/models/metrics/metrics-model';
import { scanSource, type MetricsSource } from '$lib/models/metrics/metrics-source';
import {
  createCubeSql,
  cubeAnswers,
  cubeHasMeasure,
  cubeKey,
  cubePlan,
  cubeSource,
  cubeTable,
  type CubePlan,
} from '$lib/models/metrics/model-cube';
import type { SqlRunner } from './sql-runner';

/** Below this many rows a scan is as quick as a cube would be; above, the first read builds the cube. */
export const CUBE_MIN_ROWS = 100_000;
/** A cube is kept only when it is much smaller than the table (few dimension values per period). */
const cubeTooLarge = (groups: number, rows: number) => groups > Math.max(10_000, rows / 4);
const KEPT = 6;

/**
 * Dimensions whose sampled values multiply past the cube's limit (eight columns of a few to a few
 * hundred values each) would build a cube as large as the table, to be thrown away: not built at all.
 */
function likelyTooLarge(plan: CubePlan, model: MetricsModel): boolean {
  const combinations = plan.dimensions.reduce(
    (product, d) => product * Math.max(1, columnOf(model, d)?.sampleDistinct ?? 1),
    1,
  );
  return cubeTooLarge(combinations, model.rows);
}

type Held = { name: string; plan: CubePlan } | 'scan';

/** The table, and the model's cube with what it holds when there is one. */
export interface Sources {
  scan: MetricsSource;
  cube: { source: MetricsSource; plan: CubePlan } | null;
}

/** The cube when it holds every dimension and measure a panel needs, else the table. */
export function pickSource(
  sources: Sources,
  dimensions: readonly string[],
  measures: readonly Measure[],
): MetricsSource {
  const { cube } = sources;
  const fits =
    cube !== null &&
    dimensions.every((d) => cube.plan.dimensions.includes(d)) &&
    measures.every((m) => cubeHasMeasure(cube.plan, m));
  return fits ? cube.source : sources.scan;
}

/**
 * The model cubes the worker holds (temporary tables of its reader connection): built by the first read
 * that can use one, kept while the model and the data stay the same, dropped when the tables change.
 * The page never sees them: it asks for panels, the worker decides whether a cube or a scan answers.
 */
export class ModelCubes {
  private held = new Map<string, Held>();
  private made = 0;

  constructor(
    private readonly db: SqlRunner,
    private readonly minRows = CUBE_MIN_ROWS,
  ) {}

  /**
   * How the panels of this request can read: always the table; the model's cube too when the data is
   * large enough, the cube is small enough, and every filter is one it answers.
   */
  async sources(
    table: string,
    datasetId: number,
    model: MetricsModel,
    filters: readonly MetricsFilter[],
  ): Promise<Sources> {
    const scan = scanSource(table, model);
    const plan = cubePlan(model);
    if (model.rows < this.minRows || !cubeAnswers(plan, model, filters)) return { scan, cube: null };
    const key = `${datasetId}:${model.rows}:${cubeKey(plan, model.time?.column ?? null)}`;
    let cube = this.held.get(key);
    if (cube === undefined) {
      cube = likelyTooLarge(plan, model) ? 'scan' : await this.build(table, model, plan);
      this.held.set(key, cube);
      await this.evict();
    }
    return { scan, cube: cube === 'scan' ? null : { source: cubeSource(cube.name, plan, model), plan } };
  }

  private async build(table: string, model: MetricsModel, plan: CubePlan): Promise<Held> {
    const name = `dd_model_cube_${++this.made}`;
    await this.db.exec(createCubeSql(name, table, model, plan));
    const [row] = await this.db.rows(`SELECT count(*) AS n FROM ${cubeTable(name)}`);
    if (!cubeTooLarge(Number(row?.n ?? 0), model.rows)) return { name, plan };
    await this.db.exec(`DROP TABLE ${cubeTable(name)}`);
    return 'scan';
  }

  private async evict(): Promise<void> {
    for (const [key, cube] of [...this.held].slice(0, Math.max(0, this.held.size - KEPT))) {
      this.held.delete(key);
      if (cube !== 'scan') await this.db.exec(`DROP TABLE IF EXISTS ${cubeTable(cube.name)}`);
    }
  }

  /** The datasets' tables changed (a load, a clear): every cube may be stale. */
  async clear(): Promise<void> {
    const cubes = [...this.held.values()];
    this.held.clear();
    for (const cube of cubes)
      if (cube !== 'scan') await this.db.exec(`DROP TABLE IF EXISTS ${cubeTable(cube.name)}`);
  }
}
