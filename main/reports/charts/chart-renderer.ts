/**
 * Charts rendered once per generation and shared by every output: SVG (server-side ECharts) for the
 * PDF, PNG (resvg, off the main thread) for the spreadsheet and the email. Both are vector-exact
 * renderings of the same option, so every format shows the same chart.
 */
import type * as Resvg from '@resvg/resvg-js';
import type { WidgetData } from '../model/types.js';
import { chartOption } from './chart-option.js';
import { lazyEcharts } from '../lazy-modules.js';
import { lazyRequire } from '../../lazy-require.js';

const loadResvg = lazyRequire<typeof Resvg>('@resvg/resvg-js');

/** The size of chart images (email, spreadsheet): one PNG per chart serves both. */
export const RASTER_CHART = { width: 560, height: 260 };

export interface ChartSize {
  width: number;
  height: number;
}

export class ChartRenderer {
  private readonly svgs = new Map<string, string | null>();
  private readonly pngs = new Map<string, Promise<Buffer | null>>();

  constructor(private readonly colors: string[]) {}

  svg(w: WidgetData, size: ChartSize): string | null {
    const key = `${w.id}|${size.width}x${size.height}`;
    if (!this.svgs.has(key)) {
      const option = chartOption(w, this.colors);
      let svg: string | null = null;
      if (option) {
        const chart = lazyEcharts().init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
        try {
          chart.setOption(option);
          svg = chart.renderToSVGString();
        } finally {
          chart.dispose();
        }
      }
      this.svgs.set(key, svg);
    }
    return this.svgs.get(key)!;
  }

  /** Starts rasterising every chart in the background (resvg runs on libuv's thread pool). */
  prefetchPngs(widgets: WidgetData[], size: ChartSize = RASTER_CHART): void {
    for (const w of widgets) void this.png(w, size).catch(() => undefined);
  }

  /** PNG at `scale` × the CSS size (2: sharp on high-density screens and in print). */
  png(w: WidgetData, size: ChartSize, scale = 2): Promise<Buffer | null> {
    const key = `${w.id}|${size.width}x${size.height}@${scale}`;
    let p = this.pngs.get(key);
    if (!p) {
      const svg = this.svg(w, size);
      p = svg
        ? loadResvg().renderAsync(svg, { fitTo: { mode: 'width', value: size.width * scale }, background: '#ffffff', font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).then((img) => img.asPng())
        : Promise.resolve(null);
      this.pngs.set(key, p);
    }
    return p;
  }
}
