/** A tiny trend line for KPI cards, drawn as SVG (an ECharts instance per card would be heavy for 40 points). */
export function sparklinePath(values: (number | null)[], width: number, height: number, pad = 2): string {
  const pts = values.map((v, i) => [i, v] as const).filter((p): p is readonly [number, number] => p[1] !== null && Number.isFinite(p[1]));
  if (pts.length < 2) return '';
  const min = Math.min(...pts.map((p) => p[1]));
  const max = Math.max(...pts.map((p) => p[1]));
  const span = max - min || 1;
  const n = values.length - 1 || 1;
  return pts
    .map(([i, v], k) => {
      const x = pad + (i / n) * (width - 2 * pad);
      const y = pad + (1 - (v - min) / span) * (height - 2 * pad);
      return `${k === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`;
    })
    .join(' ');
}

export function Sparkline({ values, color, width = 160, height = 40 }: { values: (number | null)[]; color: string; width?: number; height?: number }) {
  const d = sparklinePath(values, width, height);
  if (!d) return null;
  const area = `${d} L${width - 2} ${height} L2 ${height} Z`;
  return (
    <svg className="sparkline" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" aria-hidden>
      <path d={area} fill={color} opacity={0.12} stroke="none" />
      <path d={d} fill="none" stroke={color} strokeWidth={1.8} vectorEffect="non-scaling-stroke" strokeLinejoin="round" />
    </svg>
  );
}
