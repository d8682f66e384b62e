/**
 * ECharts for the Analytics section: the dashboards' set plus box plots, data zoom and mark lines.
 * Registration is global to echarts/core and idempotent, so this only adds what analytics draws; it
 * lives in the lazily loaded Analytics chunk, keeping the first screen lean.
 */
import { echarts } from '../../dashboards/charts/echarts.js';
import { BoxplotChart } from 'echarts/charts';
import { DataZoomInsideComponent, DataZoomSliderComponent, MarkLineComponent } from 'echarts/components';

echarts.use([BoxplotChart, DataZoomInsideComponent, DataZoomSliderComponent, MarkLineComponent]);

export { echarts };
