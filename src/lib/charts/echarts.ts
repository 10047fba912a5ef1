import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import type { Action } from 'svelte/action';
import { sameShape } from './option-shape';

type Runtime = typeof import('./echarts-runtime');
let runtime: Promise<Runtime> | null = null;

/** Fetches ECharts once (its own chunk, so the landing view paints without it). */
export function loadCharts(): Promise<Runtime> {
  runtime ??= import('./echarts-runtime');
  return runtime;
}

let brushParts: Promise<unknown> | null = null;
let brushPartsReady = false;
const loadBrushParts = () =>
  (brushParts ??= import('./echarts-brush').then(() => {
    brushPartsReady = true;
  }));

/** An option with a brush, or a shaded range on a series, needs the parts in `echarts-brush.ts`. */
function needsBrushParts(option: EChartsCoreOption): boolean {
  const series: unknown = option.series;
  return (
    'brush' in option ||
    (Array.isArray(series) && series.some((s) => typeof s === 'object' && s !== null && 'markArea' in s))
  );
}

/**
 * What a click on a chart mark reports: its category name and its index in the series data; or, for a
 * brush dragged along a category axis, the first and last category index it covers (`brush`).
 */
export interface ChartClick {
  name: string;
  dataIndex: number;
  seriesIndex: number;
  brush?: { first: number; last: number };
}

export interface ChartParams {
  option: EChartsCoreOption;
  /** Called once the chart has finished drawing this option. */
  onDrawn?: () => void;
  /**
   * A click on a bar, a cell or a point, or a brush along the x axis when the option has a `brush`
   * component: the dashboard narrows the other panels to it.
   */
  onClick?: (click: ChartClick) => void;
}

interface BrushEnd {
  areas?: { coordRange?: unknown }[];
}

/**
 * Charts draw in tasks of their own, a few at most per task, so a dashboard mounting or redrawing several
 * (a filter change, a new width) never holds the main thread for all of them at once.
 */
const queue: (() => void)[] = [];
// A message is a new task without the 4 ms that browsers add to nested timeouts.
let channel: MessageChannel | null = null;
function nextTask(): void {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = drain;
  }
  channel.port2.postMessage(null);
}
function inItsOwnTask(work: () => void): void {
  queue.push(work);
  if (queue.length === 1) nextTask();
}
/** Charts drawn in one task until this much time has gone: a redraw of a few costs one frame, not one each. */
const TASK_BUDGET_MS = 40;
function drain(): void {
  const started = performance.now();
  do queue.shift()?.();
  while (queue.length > 0 && performance.now() - started < TASK_BUDGET_MS);
  if (queue.length > 0) nextTask();
}

/**
 * Disposes a chart, first retiring any paint its renderer left for a later frame: zrender 6.1 paints a
 * progressive layer (a large series) across frames, and a frame after `dispose` reads its freed layers
 * ("Cannot read properties of null (reading 'layerStack')"). An empty repaint takes the paint's turn.
 */
function retire(instance: EChartsType): void {
  instance.clear();
  instance.getZr().refreshImmediately();
  instance.dispose();
}

/** The one owner of an ECharts instance: init with the theme, redraw on change, resize, dispose. */
export const echart: Action<HTMLElement, ChartParams> = (node, initial) => {
  let instance: EChartsType | null = null;
  /** ECharts sets its components up per instance: one made before the brush parts came cannot brush. */
  let withBrushParts = false;
  let latest = initial;
  let destroyed = false;
  /** The option the instance shows: a next one of the same shape updates it in place. */
  let shown: EChartsCoreOption | null = null;
  const draw = ({ option, onDrawn }: ChartParams) => {
    if (!instance) return;
    if (!withBrushParts && needsBrushParts(option)) {
      void loadBrushParts().then(() =>
        inItsOwnTask(() => {
          if (destroyed) return;
          if (instance) retire(instance);
          create();
        }),
      );
      return;
    }
    instance.off('finished');
    if (onDrawn) {
      instance.on('finished', () => {
        instance?.off('finished');
        onDrawn();
      });
    }
    // Without notMerge, ECharts keeps its component and series views (a rebuild makes each anew, the
    // tooltip's element too, which forces a layout); only an option of the same shape can merge cleanly.
    const inPlace = shown !== null && sameShape(shown, option);
    instance.setOption(option, { notMerge: !inPlace, lazyUpdate: false });
    shown = option;
    // A brush component is used by dragging straight away, without ECharts' toolbox; a merge keeps the
    // brush's model and so its cursor (taking it again costs a whole second update of the chart).
    if ('brush' in option && !inPlace)
      instance.dispatchAction({
        type: 'takeGlobalCursor',
        key: 'brush',
        brushOption: { brushType: 'lineX', brushMode: 'single' },
      });
  };
  /**
   * The container's size as the ResizeObserver last saw it (measured in the browser's own layout): reading
   * it from the DOM in a task would force a layout of the whole page per chart.
   */
  let size: { width: number; height: number } | null = null;
  let init: Runtime['init'] | null = null;
  // A redraw or resize waits for its own task; several changes before it runs make one draw of the latest.
  let pending: 'draw' | 'resize' | null = null;
  const schedule = (work: 'draw' | 'resize') => {
    if (!instance || destroyed) return;
    const queued = pending !== null;
    if (pending !== 'draw') pending = work;
    if (queued) return;
    const run = () => {
      const next = pending;
      pending = null;
      if (destroyed || !instance) return;
      if (size && (size.width !== instance.getWidth() || size.height !== instance.getHeight()))
        instance.resize(size);
      if (next === 'draw') draw(latest);
    };
    // An update in place is drawn as soon as the page's update is done, in the same task and frame as
    // the rest of it (tables, figures); a chart built anew still waits for a task of its own.
    if (work === 'draw' && shown !== null && sameShape(shown, latest.option)) queueMicrotask(run);
    else inItsOwnTask(run);
  };
  const observer = new ResizeObserver(([entry]) => {
    if (!entry) return;
    const first = size === null;
    size = { width: Math.floor(entry.contentRect.width), height: Math.floor(entry.contentRect.height) };
    if (!first) schedule('resize');
    else if (init) inItsOwnTask(start);
  });
  observer.observe(node);
  const create = () => {
    if (!init) return;
    withBrushParts = brushPartsReady;
    shown = null;
    instance = init(node, 'dropdash', { renderer: 'canvas', ...size });
    instance.on('click', (params) => {
      const { name, dataIndex, seriesIndex } = params as Partial<ChartClick>;
      latest.onClick?.({
        name: String(name ?? ''),
        dataIndex: dataIndex ?? -1,
        seriesIndex: seriesIndex ?? 0,
      });
    });
    instance.on('brushEnd', (params) => {
      const range = (params as BrushEnd).areas?.[0]?.coordRange;
      // The chart shades the chosen range itself (from the option); the drag's own rectangle goes.
      instance?.dispatchAction({ type: 'brush', areas: [] });
      if (!Array.isArray(range) || range.length !== 2) return;
      const [first, last] = range.map(Number);
      if (first === undefined || last === undefined || !Number.isFinite(first + last)) return;
      latest.onClick?.({
        name: '',
        dataIndex: first,
        seriesIndex: 0,
        brush: { first: Math.round(first), last: Math.round(last) },
      });
    });
    draw(latest);
  };
  /** Once ECharts is here and the container has been laid out, whichever comes last. */
  const start = () => {
    if (destroyed || instance || !init) return;
    create();
    // Fetched once the first charts are up, so a filtering chart drawn later is made with them.
    setTimeout(() => void loadBrushParts(), 0);
  };
  void Promise.all([loadCharts(), needsBrushParts(initial.option) ? loadBrushParts() : null]).then(
    ([runtime]) => {
      init = runtime.init;
      if (size) return inItsOwnTask(start);
      // An observer reports nothing for a box of no size (hidden): such a chart is made at that size.
      requestAnimationFrame(() =>
        setTimeout(() => {
          size ??= { width: node.clientWidth, height: node.clientHeight };
          inItsOwnTask(start);
        }, 0),
      );
    },
  );
  return {
    update(params) {
      latest = params;
      schedule('draw');
    },
    destroy() {
      destroyed = true;
      observer.disconnect();
      if (instance) retire(instance);
    },
  };
};
