import { BarChart, HeatmapChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { init, registerTheme, use, type EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { Action } from 'svelte/action';
import { fontFamily, palette } from './theme';

use([
  BarChart,
  HeatmapChart,
  GridComponent,
  TooltipComponent,
  TitleComponent,
  VisualMapComponent,
  AriaComponent,
  CanvasRenderer,
]);
registerTheme('dropdash', {
  color: [palette.primary, palette.accent, palette.money],
  backgroundColor: 'transparent',
  textStyle: { fontFamily, color: palette.text },
});

export interface ChartParams {
  option: EChartsCoreOption;
  /** Called once the chart has finished drawing this option. */
  onDrawn?: () => void;
}

/** The one owner of an ECharts instance: init with the theme, redraw on change, resize, dispose. */
export const echart: Action<HTMLElement, ChartParams> = (node, initial) => {
  const instance = init(node, 'dropdash', { renderer: 'canvas' });
  const draw = ({ option, onDrawn }: ChartParams) => {
    instance.off('finished');
    if (onDrawn) {
      instance.on('finished', () => {
        instance.off('finished');
        onDrawn();
      });
    }
    instance.setOption(option, { notMerge: true, lazyUpdate: false });
  };
  const observer = new ResizeObserver(() => instance.resize());
  observer.observe(node);
  draw(initial);
  return {
    update: draw,
    destroy() {
      observer.disconnect();
      instance.dispose();
    },
  };
};
