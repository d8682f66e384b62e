import type { RawValue } from '../types.js';

/**
 * Flattens one JSON record into columns: nested objects become dot-separated keys
 * ({"a":{"b":1}} → "a.b"), arrays are kept whole as their JSON text (a list rarely maps to one
 * column; the text keeps it intact for the user to split later).
 */
export function flattenRecord(obj: Record<string, unknown>, prefix = '', out: Record<string, RawValue> = {}): Record<string, RawValue> {
  for (const key of Object.keys(obj)) {
    const v = obj[key];
    const name = prefix ? `${prefix}.${key}` : key;
    if (v === null || v === undefined) out[name] = null;
    else if (Array.isArray(v)) out[name] = JSON.stringify(v);
    else if (typeof v === 'object') flattenRecord(v as Record<string, unknown>, name, out);
    else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[name] = v;
    else out[name] = String(v);
  }
  return out;
}
