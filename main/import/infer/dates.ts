/**
 * Date/time recognition. Every instant is stored as epoch milliseconds UTC; a value without a zone is
 * read as UTC, so the wall-clock time a person sees in the file is the one the app shows back.
 *
 * Hand-written rather than date-fns `parse`: that parses one fixed format at ~µs per call, while an
 * import tries several formats per sample value and then parses every cell of millions of rows. ISO
 * 8601 (by far the most common) has a character-scanning fast path; other formats compile to one
 * regular expression each.
 *
 * Format tokens: YYYY YY MMMM MMM MM M DD D HH H hh h mm ss SSS A Z; other characters are literal and
 * [text] is literal text. A format without time tokens also accepts an optional " HH:mm[:ss]" suffix.
 */
import { UdashError } from '../../../shared/errors.js';

export interface DateParser {
  format: string;
  /** Epoch ms UTC, or undefined when the text does not match. */
  parse(s: string): number | undefined;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (y: number, m: number) => (m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : DAYS[m - 1]!);

function digits(s: string, i: number, count: number): number {
  let v = 0;
  for (let k = 0; k < count; k++) {
    const c = s.charCodeAt(i + k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil; cheaper than Date.UTC per cell). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function instant(y: number, mo: number, d: number, h: number, mi: number, sec: number, ms: number, offsetMin: number): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || sec > 59) return undefined;
  return daysFromCivil(y, mo, d) * 86_400_000 + ((h * 60 + mi - offsetMin) * 60 + sec) * 1000 + ms;
}

/** YYYY-MM-DD[(T| )HH:mm[:ss[.fff]]][Z|±HH[:mm]] */
function parseIso(s: string): number | undefined {
  const n = s.length;
  if (n < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  if (y < 0 || mo < 0 || d < 0) return undefined;
  let h = 0;
  let mi = 0;
  let sec = 0;
  let ms = 0;
  let off = 0;
  let i = 10;
  if (i < n) {
    const sep = s.charCodeAt(i);
    if (sep !== 84 && sep !== 32 && sep !== 116) return undefined;
    h = digits(s, i + 1, 2);
    if (h < 0 || s.charCodeAt(i + 3) !== 58) return undefined;
    mi = digits(s, i + 4, 2);
    if (mi < 0) return undefined;
    i += 6;
    if (s.charCodeAt(i) === 58) {
      sec = digits(s, i + 1, 2);
      if (sec < 0) return undefined;
      i += 3;
      const dot = s.charCodeAt(i);
      if (dot === 46 || dot === 44) {
        i++;
        let k = 0;
        let frac = 0;
        for (; i < n; i++, k++) {
          const c = s.charCodeAt(i) - 48;
          if (c < 0 || c > 9) break;
          if (k < 3) frac = frac * 10 + c;
        }
        if (k === 0 || k > 9) return undefined;
        ms = k >= 3 ? frac : frac * (k === 1 ? 100 : 10);
      }
    }
    if (i < n) {
      const z = s.charCodeAt(i);
      if (z === 90 || z === 122) i++;
      else if (z === 43 || z === 45) {
        const oh = digits(s, i + 1, 2);
        if (oh < 0) return undefined;
        i += 3;
        let om = 0;
        if (s.charCodeAt(i) === 58) i++;
        if (i < n) {
          om = digits(s, i, 2);
          if (om < 0) return undefined;
          i += 2;
        }
        if (oh > 14 || om > 59) return undefined;
        off = (z === 45 ? -1 : 1) * (oh * 60 + om);
      }
    }
    if (i !== n) return undefined;
  }
  return instant(y, mo, d, h, mi, sec, ms, off);
}

export const ISO_8601: DateParser = { format: 'ISO 8601', parse: parseIso };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthFromName = (t: string) => {
  const i = MONTHS.indexOf(t.slice(0, 3).toLowerCase());
  return i < 0 ? -1 : i + 1;
};

type Part = 'year' | 'year2' | 'month' | 'monthName' | 'day' | 'hour' | 'hour12' | 'minute' | 'second' | 'fraction' | 'ampm' | 'zone';
const TOKENS: [string, Part, string][] = [
  ['YYYY', 'year', '(\\d{4})'],
  ['MMMM', 'monthName', '([A-Za-z]{3,9})'],
  ['MMM', 'monthName', '([A-Za-z]{3,4}\\.?)'],
  ['SSS', 'fraction', '(\\d{1,9})'],
  ['YY', 'year2', '(\\d{2})'],
  ['MM', 'month', '(\\d{1,2})'],
  ['DD', 'day', '(\\d{1,2})'],
  ['HH', 'hour', '(\\d{1,2})'],
  ['hh', 'hour12', '(\\d{1,2})'],
  ['mm', 'minute', '(\\d{2})'],
  ['ss', 'second', '(\\d{2})'],
  ['M', 'month', '(\\d{1,2})'],
  ['D', 'day', '(\\d{1,2})'],
  ['H', 'hour', '(\\d{1,2})'],
  ['h', 'hour12', '(\\d{1,2})'],
  ['A', 'ampm', '([AaPp][Mm])'],
  ['a', 'ampm', '([AaPp][Mm])'],
  ['Z', 'zone', '(Z|[+-]\\d{2}:?\\d{2})'],
];
const OPTIONAL_TIME = '(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?\\s*([AaPp][Mm])?)?';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Compiles a format such as "DD/MM/YYYY HH:mm"; an unknown shape is a BAD_INPUT naming the format. */
export function compileDateFormat(format: string): DateParser {
  if (/^iso(\s*8601)?$/i.test(format.trim())) return ISO_8601;
  const parts: Part[] = [];
  let re = '^\\s*';
  let i = 0;
  while (i < format.length) {
    if (format[i] === '[') {
      const end = format.indexOf(']', i);
      if (end < 0) throw new UdashError('BAD_INPUT', `Date format "${format}" has an unclosed [`, { field: 'dateFormats' });
      re += escapeRe(format.slice(i + 1, end));
      i = end + 1;
      continue;
    }
    const tok = TOKENS.find(([t]) => format.startsWith(t, i));
    if (tok) {
      parts.push(tok[1]);
      re += tok[2];
      i += tok[0].length;
    } else {
      const ch = format[i]!;
      re += ch === ' ' ? '\\s+' : escapeRe(ch);
      i++;
    }
  }
  const hasDate = parts.includes('year') || parts.includes('year2');
  if (!hasDate || !(parts.includes('month') || parts.includes('monthName'))) throw new UdashError('BAD_INPUT', `Date format "${format}" needs at least a year and a month (tokens YYYY MM DD HH mm ss)`, { field: 'dateFormats' });
  const hasTime = parts.includes('hour') || parts.includes('hour12');
  if (!hasTime) {
    re += OPTIONAL_TIME;
    parts.push('hour', 'minute', 'second', 'fraction', 'ampm');
  }
  const rx = new RegExp(re + '\\s*$');
  return {
    format,
    parse(s: string) {
      const m = rx.exec(s);
      if (!m) return undefined;
      let y = 0;
      let mo = 1;
      let d = 1;
      let h = 0;
      let mi = 0;
      let sec = 0;
      let ms = 0;
      let off = 0;
      let pm: boolean | null = null;
      let twelve = false;
      for (let k = 0; k < parts.length; k++) {
        const g = m[k + 1];
        if (g === undefined) continue;
        switch (parts[k]) {
          case 'year':
            y = +g;
            break;
          case 'year2':
            y = 2000 + +g;
            break;
          case 'month':
            mo = +g;
            break;
          case 'monthName':
            mo = monthFromName(g);
            if (mo < 0) return undefined;
            break;
          case 'day':
            d = +g;
            break;
          case 'hour':
            h = +g;
            break;
          case 'hour12':
            h = +g;
            twelve = true;
            break;
          case 'minute':
            mi = +g;
            break;
          case 'second':
            sec = +g;
            break;
          case 'fraction':
            ms = Math.floor(+`0.${g}` * 1000);
            break;
          case 'ampm':
            pm = g.toLowerCase() === 'pm';
            break;
          case 'zone':
            if (g !== 'Z') {
              const sign = g[0] === '-' ? -1 : 1;
              const digitsOnly = g.slice(1).replace(':', '');
              off = sign * (+digitsOnly.slice(0, 2) * 60 + +digitsOnly.slice(2));
            }
            break;
        }
      }
      if (pm !== null || twelve) {
        if (h < 1 || h > 12) return undefined;
        h = (h % 12) + (pm ? 12 : 0);
      }
      return instant(y, mo, d, h, mi, sec, ms, off);
    },
  };
}

/**
 * Formats tried when inferring a column, in order of preference. Day-first comes before month-first,
 * so a column where every value is ambiguous (all days ≤ 12) is read as DD/MM/YYYY; one value with a
 * day above 12 settles it either way. The preview shows the chosen format and it can be overridden.
 */
export const DETECTABLE_FORMATS = ['YYYY/MM/DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY', 'DD-MM-YYYY', 'MM-DD-YYYY', 'D MMM YYYY', 'MMM D, YYYY', 'MMM D YYYY', 'DD-MMM-YYYY', 'DD-MMM-YY'];
const DETECTABLE: DateParser[] = DETECTABLE_FORMATS.map(compileDateFormat);

/** The parser for a datetime column: its format, with ISO 8601 always accepted as well (it is never ambiguous). */
export function columnDateParser(format: string | undefined): DateParser {
  const p = format ? compileDateFormat(format) : ISO_8601;
  if (p === ISO_8601) return p;
  return { format: p.format, parse: (s) => p.parse(s) ?? parseIso(s) };
}

/** The format that reads the most of `values` (cleaned, non-null strings), or null when none reads any. */
export function detectDateFormat(values: readonly string[]): { format: string; fits: number } | null {
  const isoOk = values.map((v) => parseIso(v) !== undefined);
  const isoFits = isoOk.filter(Boolean).length;
  let best: { format: string; fits: number } | null = isoFits > 0 ? { format: ISO_8601.format, fits: isoFits } : null;
  if (isoFits === values.length) return best;
  for (const p of DETECTABLE) {
    let fits = 0;
    for (let i = 0; i < values.length; i++) if (isoOk[i] || p.parse(values[i]!) !== undefined) fits++;
    if (fits > (best?.fits ?? 0)) best = { format: p.format, fits };
  }
  return best;
}
