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

export function bandSeries(bands: readonly BandInput[], color: string, key: string, xAxisIndex = 0): LineSeriesOption[] {
  const sorted = [...bands].sort((a, b) => b.level - a.level);
  const out: LineSeriesOption[] = [];
  sorted.forEach((b, i) => {
    const stack = `${BAND_PREFIX}${key}:${b.level}`;
    const width = b.lower.map((lo, k) => (lo === null || b.upper[k] === null || b.upper[k] === undefined ? null : b.upper[k]! - lo));
    const opacity = sorted.length === 1 ? 0.2 : 0.12 + (0.16 * i) / Math.max(1, sorted.length - 1);
    const common = { type: 'line' as const, stack, symbol: 'none', silent: true, connectNulls: false, lineStyle: { opacity: 0 }, xAxisIndex, z: 1 };
    out.push({ ...common, id: `${stack}:lower`, name: `${b.level}% interval`, data: b.lower });
    out.push({ ...common, id: `${stack}:width`, name: `${b.level}% interval`, data: width, areaStyle: { color, opacity } });
  });
  return out;
}

export function isBandSeries(id: unknown): boolean {
  return typeof id === 'string' && id.startsWith(BAND_PREFIX);
}
