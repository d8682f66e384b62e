/**
 * Heavy libraries the reports feature needs only when it generates something (ECharts ~1 s to load,
 * playwright-core ~2 s, Handlebars, juice, pptxgenjs). Every `udash` command loads the
 * same bundle, so these are required on first use instead of at start. The loaded modules are
 * immutable library objects, so caching them for the process is safe.
 */
import type * as EChartsModule from 'echarts';
import type * as PlaywrightModule from 'playwright-core';
import type HandlebarsModule from 'handlebars';
import type JuiceModule from 'juice';
import type PptxGenJSModule from 'pptxgenjs';
import type HolidaysModule from 'date-holidays';
import { lazyRequire } from '../lazy-require.js';

export const lazyEcharts = lazyRequire<typeof EChartsModule>('echarts');
export const lazyPlaywright = lazyRequire<typeof PlaywrightModule>('playwright-core');
export const lazyHandlebars = lazyRequire<typeof HandlebarsModule>('handlebars');
export const lazyJuice = lazyRequire<typeof JuiceModule>('juice');
export const lazyPptx = lazyRequire<typeof PptxGenJSModule>('pptxgenjs');
export const lazyHolidays = lazyRequire<typeof HolidaysModule>('date-holidays');
