import { exportFileName, type RowsFormat } from '$lib/models/metrics/export-rows-sql';
import { renameColumn } from '$lib/models/metrics/column-label';
import { editMeasure, type MeasureEdit } from '$lib/models/metrics/measure-edit';
import {
  aggregationsFor,
  columnOf,
  makeMeasure,
  type Aggregation,
  type MetricsModel,
  type TimeGrain,
} from '$lib/models/metrics/metrics-model';
import type { MetricsPanels } from '$lib/models/metrics/metrics-panels';
import {
  setRange,
  toggleExclude,
  toggleValue,
  type MetricsFilter,
} from '$lib/models/metrics/metrics-filters';
import { defaultPair } from '$lib/panels/pair/default-pair';
import { exportRows, metricsModel, metricsPanels } from './engine';
import { rememberedModel, rememberModel } from './model-memory';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Which dataset (and files) the model dashboard shows. */
export interface MetricsTarget {
  datasetId: number;
  /** The dataset's name (its first file's): exported files are named after it. */
  name: string;
  rows: number;
  signature: string;
  files: number[] | null;
}

/**
 * The model dashboard's state: the model (inferred by the engine, changed by the user), the measure the
 * leaderboards and the series follow, the filters, and the figures read for them. Its only owner.
 */
export class MetricsState {
  model = $state.raw<MetricsModel | null>(null);
  measure = $state('count');
  filters = $state.raw<MetricsFilter[]>([]);
  /** Dimensions whose whole list is shown. */
  expanded = $state.raw<string[]>([]);
  /** The two dimensions the user set against each other; until then, `defaultPair`'s. */
  private chosenPair = $state.raw<{ rows: string; columns: string } | null>(null);
  readonly pair = $derived.by(() => {
    const dimensions = this.model?.dimensions ?? [];
    const chosen = this.chosenPair;
    if (chosen && dimensions.includes(chosen.rows) && dimensions.includes(chosen.columns)) return chosen;
    return this.model ? defaultPair(this.model) : null;
  });
  panels = $state.raw<MetricsPanels | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  /** Whether the dashboard shows it: it reads nothing while folded away. */
  shown = $state(false);
  private target: MetricsTarget | null = null;
  /** The dataset (and row count) the model was inferred for. */
  private inferredFor: { datasetId: number; rows: number } | null = null;
  private asked = 0;

  /** The dataset to show: read now if the model dashboard is on screen, else when it is opened. */
  async show(target: MetricsTarget): Promise<void> {
    this.target = target;
    if (this.shown) await this.load(target);
  }

  /** The model dashboard was opened or folded away. */
  async setShown(shown: boolean): Promise<void> {
    this.shown = shown;
    if (shown && this.target) await this.load(this.target);
  }

  /** The model is inferred once per dataset and row count; the panels are read again. */
  private async load(target: MetricsTarget): Promise<void> {
    const previous = this.inferredFor;
    if (previous?.datasetId !== target.datasetId || previous.rows !== target.rows || !this.model) {
      const ask = ++this.asked;
      this.loading = true;
      try {
        const inferred = await metricsModel(target.datasetId);
        performance.mark('dropdash:model-inferred');
        if (ask !== this.asked) return;
        const model = rememberedModel(target.signature, inferred) ?? inferred;
        if (previous?.datasetId !== target.datasetId) {
          this.filters = [];
          this.expanded = [];
          this.measure = defaultMeasure(model);
        }
        this.model = model;
        this.inferredFor = { datasetId: target.datasetId, rows: target.rows };
      } catch (error) {
        if (ask === this.asked) this.fail(error);
        return;
      }
    }
    await this.read();
  }

  /** What a snapshot keeps of the model dashboard: the model, measure, filters and figures shown. */
  snapshot(): {
    model: MetricsModel;
    measure: string;
    filters: MetricsFilter[];
    panels: MetricsPanels;
  } | null {
    const { model, panels } = this;
    return model && panels ? { model, measure: this.measure, filters: this.filters, panels } : null;
  }

  clear(): void {
    this.asked++;
    this.target = null;
    this.inferredFor = null;
    this.model = null;
    this.panels = null;
    this.filters = [];
    this.expanded = [];
    this.loading = false;
    this.error = null;
  }

  /** Reads every panel for the current model, measure and filters; a later read wins over an earlier one. */
  private async read(): Promise<void> {
    const { target, model } = this;
    if (!target || !model) return;
    const ask = ++this.asked;
    this.loading = true;
    try {
      const panels = await metricsPanels({
        datasetId: target.datasetId,
        files: target.files === null ? null : [...target.files],
        model,
        measure: this.measure,
        filters: this.filters,
        expanded: this.expanded,
        pair: this.pair,
      });
      performance.mark('dropdash:model-read');
      if (ask !== this.asked) return;
      this.panels = panels;
      this.error = null;
      this.loading = false;
    } catch (error) {
      if (ask === this.asked) this.fail(error);
    }
  }

  /** The rows under the current filters as a file to download, named for what is in it. */
  async exportRows(format: RowsFormat): Promise<{ name: string; bytes: Uint8Array } | null> {
    const { target, model } = this;
    if (!target || !model) return null;
    const files = target.files === null ? null : [...target.files];
    const request = { datasetId: target.datasetId, model, filters: this.filters, files, format };
    const bytes = await exportRows(request);
    return { name: exportFileName(target.name, this.filters.length > 0 || files !== null, format), bytes };
  }

  private fail(error: unknown): void {
    this.error = `The dashboard could not be computed: ${message(error)}`;
    this.loading = false;
  }

  private filter(next: MetricsFilter[]): Promise<void> {
    this.filters = next;
    return this.read();
  }

  toggleValue = (column: string, value: string | null) =>
    this.filter(toggleValue(this.filters, column, value));
  toggleExclude = (column: string) => this.filter(toggleExclude(this.filters, column));
  setTimeSpan = (span: { from: string; to: string } | null) => {
    const column = this.model?.time?.column;
    if (column) return this.filter(setRange(this.filters, column, span && { kind: 'time', column, ...span }));
  };
  /** A range of a number column (a histogram's brush in the profile); null removes it. */
  setNumberRange = (column: string, range: { from: number; to: number } | null) =>
    this.filter(setRange(this.filters, column, range && { kind: 'range', column, ...range }));
  removeFilter = (column: string) => this.filter(this.filters.filter((f) => f.column !== column));
  clearFilters = () => this.filter([]);

  setMeasure = (key: string) => {
    this.measure = key;
    return this.read();
  };

  setPair = (rows: string, columns: string) => {
    this.chosenPair = rows === columns ? this.chosenPair : { rows, columns };
    return this.read();
  };

  expand = (column: string, open = true) => {
    const others = this.expanded.filter((c) => c !== column);
    this.expanded = open ? [...others, column] : others;
    return this.read();
  };

  /** A changed model is remembered for files with the same columns, and read again. */
  private change(next: MetricsModel): Promise<void> {
    this.model = next;
    if (this.target) rememberModel(this.target.signature, next);
    if (!next.measures.some((m) => m.key === this.measure)) this.measure = defaultMeasure(next);
    const kept = (f: MetricsFilter) =>
      f.kind === 'range' || next.dimensions.includes(f.column) || next.time?.column === f.column;
    this.filters = this.filters.filter(kept);
    return this.read();
  }

  addDimension = (name: string) => {
    const model = this.model;
    if (model && !model.dimensions.includes(name))
      return this.change({ ...model, dimensions: [...model.dimensions, name] });
  };
  removeDimension = (name: string) => {
    const model = this.model;
    if (model) return this.change({ ...model, dimensions: model.dimensions.filter((d) => d !== name) });
  };
  addMeasure = (aggregation: Aggregation, column: string | null) => {
    const model = this.model;
    const type = model ? columnOf(model, column)?.type : undefined;
    if (!model || (aggregation !== 'count' && (!type || !aggregationsFor(type).includes(aggregation))))
      return;
    const measure = makeMeasure(aggregation, column);
    if (model.measures.some((m) => m.key === measure.key)) return;
    return this.change({ ...model, measures: [...model.measures, measure] });
  };
  /** A measure renamed, given another number format or aggregation; the reason when it cannot be. */
  editMeasure = (key: string, edit: MeasureEdit): string | null => {
    const model = this.model;
    if (!model) return null;
    const result = editMeasure(model, key, edit);
    if ('error' in result) return result.error;
    if (this.measure === key) this.measure = result.key;
    void this.change(result.model);
    return null;
  };
  /** A column given a name for the page (its figures stay); the reason when it cannot be. */
  renameColumn = (name: string, label: string): string | null => {
    const model = this.model;
    if (!model) return null;
    const result = renameColumn(model, name, label);
    if ('error' in result) return result.error;
    this.model = result.model;
    if (this.target) rememberModel(this.target.signature, result.model);
    return null;
  };
  removeMeasure = (key: string) => {
    const model = this.model;
    if (model && model.measures.length > 1)
      return this.change({ ...model, measures: model.measures.filter((m) => m.key !== key) });
  };
  setTime = (column: string | null, grain: TimeGrain) => {
    const model = this.model;
    if (!model) return;
    const time = column === null ? null : { column, grain };
    if (model.time?.column !== column) this.filters = this.filters.filter((f) => f.kind !== 'time');
    return this.change({ ...model, time });
  };
}

/** Money summed if the model has it (what a sales file is about), else the first sum, else rows. */
function defaultMeasure(model: MetricsModel): string {
  const sums = model.measures.filter((m) => m.aggregation === 'sum');
  return (sums.find((m) => m.format === 'money') ?? sums[0] ?? model.measures[0])?.key ?? 'count';
}
