/**
 * Number wording for insight sentences. Deterministic (no locale), so a sentence reads the same in
 * the UI, in a report and in a test: 4,100,000 → "4.1M", 312,400 → "312k", 0.0123 → "0.0123".
 */

interface Scale {
  div: number;
  suffix: string;
}

const SCALES: Scale[] = [
  { div: 1e12, suffix: 'T' },
  { div: 1e9, suffix: 'B' },
  { div: 1e6, suffix: 'M' },
  { div: 1e3, suffix: 'k' },
];
const UNIT: Scale = { div: 1, suffix: '' };

/** The suffix scale a value is written in (k, M, B, T, or none below 1,000). */
export function scaleOf(v: number): Scale {
  const a = Math.abs(v);
  return SCALES.find((s) => a >= s.div * 0.9995) ?? UNIT;
}

function trim(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** Three significant digits, at most `maxDecimals` after the point, trailing zeros dropped. */
function significant(v: number, maxDecimals = 4): string {
  if (v === 0) return '0';
  const digits = Math.max(0, Math.min(maxDecimals, 2 - Math.floor(Math.log10(Math.abs(v)))));
  return trim(v.toFixed(digits));
}

/**
 * @example
 * formatAmount(4_100_000); // "4.1M"
 * formatAmount(300_000, scaleOf(4_100_000)); // "0.3M"
 */
export function formatAmount(v: number, scale: Scale = scaleOf(v)): string {
  if (!Number.isFinite(v)) return 'n/a';
  const scaled = v / scale.div;
  // Scaled amounts keep at most two decimals ("0.35M"); plain ones up to four ("0.0123").
  const text = significant(scaled, scale === UNIT ? 4 : 2);
  return `${text === '-0' ? '0' : text}${scale.suffix}`;
}

/**
 * @example
 * formatPercent(3.14159); // "3.1%"
 * formatPercent(12.6); // "13%"
 */
export function formatPercent(p: number): string {
  const a = Math.abs(p);
  return `${trim(p.toFixed(a < 10 ? 1 : 0))}%`;
}

/** Coefficients such as r, R² or a strength, to two decimals. */
export function formatCoefficient(v: number): string {
  return v.toFixed(2);
}

/**
 * @example
 * formatP(0.0004); // "p < 0.001"
 * formatP(0.0423); // "p = 0.042"
 */
export function formatP(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p >= 0.1 ? p.toFixed(2) : p.toFixed(3)}`;
}

export function capitalize(text: string): string {
  return text.length ? text[0]!.toUpperCase() + text.slice(1) : text;
}

/** "1 day", "30 days". */
export function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
