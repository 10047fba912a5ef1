// The ECharts code the dashboard draws with. It is its own chunk: the landing view never waits for it.
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import {
  AriaComponent,
  LegendComponent,
  GridComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { getInstanceByDom, init, registerTheme, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { fontFamily, palette } from './theme';

use([
  BarChart,
  HeatmapChart,
  LineChart,
  LegendComponent,
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

export { getInstanceByDom, init, use };
