/** Number wording for statistics tables (estimates, p-values, percentages), and reading numbers typed in boxes. */
const sig = new Intl.NumberFormat(undefined, { maximumSignificantDigits: 5 });

export function formatStat(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  if (v !== 0 && (Math.abs(v) < 1e-4 || Math.abs(v) >= 1e9)) return v.toExponential(3);
  return sig.format(v);
}

/** "< 0.0001", "0.0423"; with `label`, "p < 0.0001" / "p = 0.0423". */
export function formatPValue(p: number | null | undefined, label = false): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return label ? 'p —' : '—';
  if (p < 0.0001) return label ? 'p < 0.0001' : '< 0.0001';
  return label ? `p = ${p.toFixed(4)}` : p.toFixed(4);
}

export function formatShare(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '—' : `${(v * 100).toFixed(1)}%`;
}

/**
 * A whole number typed in a box, never below `min` (an empty or odd entry counts as `min`).
 *
 * @example
 * wholeAtLeast('7.9', 2); // 7
 * wholeAtLeast('', 2); // 2
 */
export function wholeAtLeast(text: string, min: number): number {
  return Math.max(min, Math.floor(Number(text)) || min);
}
