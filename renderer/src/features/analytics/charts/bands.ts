/**
 * Prediction-interval bands for ECharts line charts: an invisible series at the lower bound and a
 * stacked one holding the width (upper − lower) with a filled area, so the fill spans exactly the
 * interval. Wider levels are drawn first and lighter, narrower ones on top and darker. Used by the
 * forecast panel and the dashboard widgets' forecast overlay.
 */
import type { LineSeriesOption } from 'echarts/charts';

export interface BandInput {
  /** Percent, e.g. 95. */
  level: number;
  lower: (number | null)[];
  upper: (number | null)[];
}

/** Series ids of band helpers start with this, so tooltips and legends can leave them out. */
export const BAND_PREFIX = 'band:';

/**
 * The fill of the i-th band from the widest. Each band is painted over the wider ones, so the inner
 * band shows their fills combined: 0.16 alone for the widest, about 0.46 inside the narrowest of two
 * (1 − 0.84 × 0.64), clearly apart and both plainly visible on light and dark backgrounds.
 */
export function bandOpacity(i: number, count: number): number {
  return count === 1 ? 0.28 : 0.16 + (0.2 * i) / (count - 1);
}

export function bandSeries(bands: readonly BandInput[], color: string, key: string, xAxisIndex = 0): LineSeriesOption[] {
  const sorted = [...bands].sort((a, b) => b.level - a.level);
  const out: LineSeriesOption[] = [];
  sorted.forEach((b, i) => {
    const stack = `${BAND_PREFIX}${key}:${b.level}`;
    const width = b.lower.map((lo, k) => (lo === null || b.upper[k] === null || b.upper[k] === undefined ? null : b.upper[k]! - lo));
    const opacity = bandOpacity(i, sorted.length);
    const common = { type: 'line' as const, stack, symbol: 'none', silent: true, connectNulls: false, lineStyle: { opacity: 0 }, xAxisIndex, z: 1 };
    out.push({ ...common, id: `${stack}:lower`, name: `${b.level}% interval`, data: b.lower });
    out.push({ ...common, id: `${stack}:width`, name: `${b.level}% interval`, data: width, areaStyle: { color, opacity } });
  });
  return out;
}

export function isBandSeries(id: unknown): boolean {
  return typeof id === 'string' && id.startsWith(BAND_PREFIX);
}

/** The ids of the series a reader sees (band helpers left out), space-separated: what a chart draws, for tests and tools. */
export function drawnSeries(option: { series?: unknown }): string {
  const series = (Array.isArray(option.series) ? option.series : option.series ? [option.series] : []) as { id?: unknown }[];
  return series.map((s) => String(s.id ?? '')).filter((id) => id && !isBandSeries(id)).join(' ');
}
