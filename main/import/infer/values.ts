/**
 * Strict recognisers for text values. Hand-written character scans rather than Number(): Number()
 * accepts "0x1F", "1e", " " and "Infinity", and these run on every cell of million-row files.
 */

/** Markers that mean "no value" in a typed column (text columns keep them as text). */
const NULL_MARKERS = new Set(['null', 'NULL', 'Null', 'NA', 'N/A', 'n/a', '#N/A', 'NaN', 'nan', 'None', 'none', '\\N']);

export function isNullMarker(s: string): boolean {
  if (s.length === 0) return true;
  if (s.length > 4) return false;
  // Every marker starts with n, N, # or \ : a cheap test before the set lookup.
  const c = s.charCodeAt(0);
  return (c === 110 || c === 78 || c === 35 || c === 92) && NULL_MARKERS.has(s);
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 13 || c === 10 || c === 0xa0;

/** Trims only when needed (most cells have no surrounding spaces). */
export function clean(s: string): string {
  return s.length > 0 && (isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(s.length - 1))) ? s.trim() : s;
}

/** A whole number without leading zeros ("007" is an identifier, not 7) that is exactly representable. */
export function parseInteger(s: string): number | undefined {
  const n = s.length;
  let i = 0;
  const c0 = s.charCodeAt(0);
  if (c0 === 45 || c0 === 43) i = 1; // - +
  if (i >= n || n - i > 16) return undefined;
  if (s.charCodeAt(i) === 48 && n - i > 1) return undefined;
  for (let j = i; j < n; j++) {
    const c = s.charCodeAt(j);
    if (c < 48 || c > 57) return undefined;
  }
  const v = Number(s);
  return Number.isSafeInteger(v) ? v : undefined;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** A decimal number: [sign] digits [. digits] [e [sign] digits], no leading zeros before other digits. */
export function parseNumber(s: string): number | undefined {
  const n = s.length;
  let i = 0;
  let c = s.charCodeAt(0);
  const negative = c === 45;
  if (negative || c === 43) i++;
  const intStart = i;
  let mantissa = 0;
  while (i < n && (c = s.charCodeAt(i)) >= 48 && c <= 57) {
    mantissa = mantissa * 10 + (c - 48);
    i++;
  }
  const intDigits = i - intStart;
  if (intDigits > 1 && s.charCodeAt(intStart) === 48) return undefined;
  let fracDigits = 0;
  if (i < n && s.charCodeAt(i) === 46) {
    i++;
    const f = i;
    while (i < n && (c = s.charCodeAt(i)) >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      i++;
    }
    fracDigits = i - f;
  }
  if (intDigits + fracDigits === 0) return undefined;
  let exponent = false;
  if (i < n && ((c = s.charCodeAt(i)) === 101 || c === 69)) {
    exponent = true;
    i++;
    if (i < n && ((c = s.charCodeAt(i)) === 45 || c === 43)) i++;
    const e = i;
    while (i < n && (c = s.charCodeAt(i)) >= 48 && c <= 57) i++;
    if (i === e) return undefined;
  }
  if (i !== n) return undefined;
  // Up to 15 significant digits without exponent: an exact integer divided by an exact power of ten is
  // correctly rounded, i.e. the same double Number() gives, without parsing the text twice.
  if (!exponent && intDigits + fracDigits <= 15) {
    const v = fracDigits === 0 ? mantissa : mantissa / POW10[fracDigits]!;
    return negative ? -v : v;
  }
  const v = Number(s);
  return Number.isFinite(v) ? v : undefined;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', 't']);
const FALSE_WORDS = new Set(['false', 'no', 'n', 'f']);

/** true/false, yes/no, y/n, t/f in any case; with `digits`, also 1/0 (only when the column is boolean). */
export function parseBoolean(s: string, digits = false): boolean | undefined {
  switch (s) {
    case 'true':
    case 'TRUE':
    case 'True':
      return true;
    case 'false':
    case 'FALSE':
    case 'False':
      return false;
  }
  if (s.length > 5) return undefined;
  if (digits && (s === '1' || s === '0')) return s === '1';
  const l = s.toLowerCase();
  if (TRUE_WORDS.has(l)) return true;
  if (FALSE_WORDS.has(l)) return false;
  return undefined;
}
