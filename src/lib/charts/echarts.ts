import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import type { Action } from 'svelte/action';

type Runtime = typeof import('./echarts-runtime');
let runtime: Promise<Runtime> | null = null;

/** Fetches ECharts once (its own chunk, so the landing view paints without it). */
export function loadCharts(): Promise<Runtime> {
  runtime ??= import('./echarts-runtime');
  return runtime;
}

/** What a click on a chart mark reports: its category name and its index in the series data. */
export interface ChartClick {
  name: string;
  dataIndex: number;
  seriesIndex: number;
}

export interface ChartParams {
  option: EChartsCoreOption;
  /** Called once the chart has finished drawing this option. */
  onDrawn?: () => void;
  /** A click on a bar, a cell or a point: the dashboard narrows the other panels to it. */
  onClick?: (click: ChartClick) => void;
}

/**
 * Charts draw one per task, so a dashboard mounting or redrawing several (a filter change, a new width)
 * never holds the main thread for all of them at once.
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
function drain(): void {
  queue.shift()?.();
  if (queue.length > 0) nextTask();
}

/** The one owner of an ECharts instance: init with the theme, redraw on change, resize, dispose. */
export const echart: Action<HTMLElement, ChartParams> = (node, initial) => {
  let instance: EChartsType | null = null;
  let latest = initial;
  let destroyed = false;
  const draw = ({ option, onDrawn }: ChartParams) => {
    if (!instance) return;
    instance.off('finished');
    if (onDrawn) {
      instance.on('finished', () => {
        instance?.off('finished');
        onDrawn();
      });
    }
    instance.setOption(option, { notMerge: true, lazyUpdate: false });
  };
  // A redraw or resize waits for its own task; several changes before it runs make one draw of the latest.
  let pending: 'draw' | 'resize' | null = null;
  const schedule = (work: 'draw' | 'resize') => {
    if (!instance || destroyed) return;
    const queued = pending !== null;
    if (pending !== 'draw') pending = work;
    if (queued) return;
    inItsOwnTask(() => {
      const next = pending;
      pending = null;
      if (destroyed || !instance) return;
      const resized = node.clientWidth !== instance.getWidth() || node.clientHeight !== instance.getHeight();
      if (resized) instance.resize();
      if (next === 'draw') draw(latest);
    });
  };
  const observer = new ResizeObserver(() => schedule('resize'));
  void loadCharts().then(({ init }) =>
    inItsOwnTask(() => {
      if (destroyed) return;
      instance = init(node, 'dropdash', { renderer: 'canvas' });
      instance.on('click', (params) => {
        const { name, dataIndex, seriesIndex } = params as Partial<ChartClick>;
        latest.onClick?.({
          name: String(name ?? ''),
          dataIndex: dataIndex ?? -1,
          seriesIndex: seriesIndex ?? 0,
        });
      });
      observer.observe(node);
      draw(latest);
    }),
  );
  return {
    update(params) {
      latest = params;
      schedule('draw');
    },
    destroy() {
      destroyed = true;
      observer.disconnect();
      instance?.dispose();
    },
  };
};

/**
 * ECharts' first chart pays a one-time cost (about 100 ms here: code warming up, text measuring set up).
 * Paying it while the page is idle, one small task at a time, keeps the dashboard's first draw short.
 */
export async function warmUpCharts(): Promise<void> {
  const { init } = await loadCharts();
  const idle = (work: () => void) =>
    'requestIdleCallback' in window ? requestIdleCallback(work, { timeout: 2000 }) : setTimeout(work, 200);
  const node = Object.assign(document.createElement('div'), { ariaHidden: 'true' });
  node.style.setProperty('position', 'absolute');
  node.style.setProperty('left', '-10000px');
  node.style.setProperty('width', '400px');
  node.style.setProperty('height', '200px');
  document.body.append(node);
  idle(() => {
    const chart = init(node, 'dropdash', { renderer: 'canvas' });
    idle(() => {
      chart.setOption({
        animation: false,
        grid: [
          { left: 80, width: 100 },
          { left: 240, width: 100 },
        ],
        xAxis: [
          { type: 'value', gridIndex: 0 },
          { type: 'value', gridIndex: 1 },
        ],
        yAxis: [
          {
            type: 'category',
            gridIndex: 0,
            data: ['a', 'b'],
            axisLabel: { width: 60, overflow: 'truncate' },
          },
          { type: 'category', gridIndex: 1, data: ['a', 'b'] },
        ],
        series: [{ type: 'bar', data: [1, 2], label: { show: true, position: 'right' } }],
        title: { text: 'warm' },
      });
      idle(() => {
        chart.setOption(
          {
            animation: false,
            xAxis: { type: 'category', data: ['x', 'y'], axisLabel: { rotate: 50 } },
            yAxis: { type: 'category', data: ['a'] },
            visualMap: { min: 0, max: 1, orient: 'horizontal' },
            series: [{ type: 'heatmap', data: [[0, 0, 1]] }],
          },
          { notMerge: true },
        );
        idle(() => {
          chart.dispose();
          node.remove();
        });
      });
    });
  });
}
