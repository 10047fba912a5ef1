// The ECharts parts only a filtering chart needs (a brush to drag, a shaded range): fetched with the
// first such chart, so the landing view's ECharts warm-up does not carry them.
import { BrushComponent, MarkAreaComponent } from 'echarts/components';
import { use } from 'echarts/core';

use([BrushComponent, MarkAreaComponent]);
