import { loadCharts } from './echarts';

/**
 * ECharts' first chart pays a one-time cost (about 100 ms here: code warming up, text measuring set up).
 * Paying it while the page is idle, one small task at a time, keeps the dashboard's first draw short.
 */
export async function warmUpCharts(): Promise<void> {
  const idle = (work: () => void) =>
    'requestIdleCallback' in window ? requestIdleCallback(work, { timeout: 2000 }) : setTimeout(work, 200);
  await new Promise<void>((resolve) => idle(resolve));
  const { init } = await loadCharts();
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
