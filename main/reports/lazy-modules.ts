/**
 * Heavy libraries the reports feature needs only when it generates something (ECharts ~1 s to load,
 * playwright-core ~2 s, Handlebars, juice, pptxgenjs). Every `udash` command loads the
 * same bundle, so these are required on first use instead of at start. The loaded modules are
 * immutable library objects, so caching them for the process is safe.
 */
import { createRequire } from 'node:module';
import type * as EChartsModule from 'echarts';
import type * as PlaywrightModule from 'playwright-core';
import type HandlebarsModule from 'handlebars';
import type JuiceModule from 'juice';
import type PptxGenJSModule from 'pptxgenjs';
import type HolidaysModule from 'date-holidays';

const load = createRequire(import.meta.url);

function once<T>(name: string): () => T {
  let cached: T | undefined;
  return () => (cached ??= load(name) as T);
}

export const lazyEcharts = once<typeof EChartsModule>('echarts');
export const lazyPlaywright = once<typeof PlaywrightModule>('playwright-core');
export const lazyHandlebars = once<typeof HandlebarsModule>('handlebars');
export const lazyJuice = once<typeof JuiceModule>('juice');
export const lazyPptx = once<typeof PptxGenJSModule>('pptxgenjs');
export const lazyHolidays = once<typeof HolidaysModule>('date-holidays');
