// The chart types only SQL query charts use, registered with the same ECharts core when first needed,
// so the dashboard's own chart chunk (fetched while the landing view is read) stays as small as it was.
import { LineChart, PieChart, ScatterChart } from 'echarts/charts';
import { use } from 'echarts/core';

use([LineChart, PieChart, ScatterChart]);
