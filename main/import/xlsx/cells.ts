import type { RawValue } from '../types.js';

/** A number format that shows a date or time (y, m, d, h or s outside quoted text and [colour] tags). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[ymdhs]/i.test(bare);
}

/** Excel's day serial to a UTC instant (the 1900 system's leap-year bug only affects dates before March 1900). */
export function excelSerialToDate(serial: number, date1904: boolean): Date {
  const days = serial - 25569 + (date1904 ? 1462 : 0);
  return new Date(Math.round(days * 86_400_000));
}

interface CellLike {
  value: unknown;
  numFmt?: string;
}

function richText(v: { richText: { text: string }[] }): string {
  return v.richText.map((r) => r.text).join('');
}

/**
 * One exceljs cell as a raw value. Formulas give their cached result (a file saved without results
 * gives null); date-formatted numbers become dates; error cells give their text ("#DIV/0!") so a
 * numeric column reports them as issues instead of silently losing them.
 */
export function cellValue(cell: CellLike, date1904: boolean): RawValue {
  let v = cell.value;
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) v = o.result ?? null;
    else if ('richText' in o) return richText(o as { richText: { text: string }[] });
    else if ('text' in o) {
      const t = o.text;
      return typeof t === 'string' ? t : t && typeof t === 'object' && 'richText' in t ? richText(t as { richText: { text: string }[] }) : String(t ?? '');
    } else if ('error' in o) return String(o.error);
  }
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const o = v as Record<string, unknown>;
    if ('error' in o) return String(o.error);
    return JSON.stringify(v);
  }
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') return isDateFormat(cell.numFmt) && Number.isFinite(v) ? excelSerialToDate(v, date1904) : v;
  if (typeof v === 'string' || typeof v === 'boolean' || v instanceof Date) return v;
  return String(v);
}
