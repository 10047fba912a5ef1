// The chart types only SQL query charts use, registered with the dashboard's ECharts when first needed,
// so the dashboard's chart chunk (fetched while the landing view is read) stays as small as it was.
// `use` comes through that chunk: the bundler then keeps ECharts' shared code there, not in a third one.
import { LineChart, PieChart, ScatterChart } from 'echarts/charts';
import { use } from './echarts-runtime';

use([LineChart, PieChart, ScatterChart]);
