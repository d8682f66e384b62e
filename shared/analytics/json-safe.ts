/**
 * Converts engine results to plain JSON: typed arrays become arrays, and NaN/±Infinity become null
 * (every such value is explained by a notice in the result). Results then cross worker, IPC and
 * WebSocket boundaries and JSON.stringify unchanged.
 */

export type JsonSafe<T> = T extends number
  ? number | null
  : T extends Float64Array | Int32Array | Float32Array | Uint32Array
    ? (number | null)[]
    : T extends (infer U)[]
      ? JsonSafe<U>[]
      : T extends object
        ? { [K in keyof T]: JsonSafe<T[K]> }
        : T;

/**
 * @example
 * jsonSafe({ a: NaN, b: new Float64Array([1, Infinity]) }); // { a: null, b: [1, null] }
 */
export function jsonSafe<T>(value: T): JsonSafe<T> {
  if (typeof value === 'number') return (Number.isFinite(value) ? value : null) as JsonSafe<T>;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number>, (v) => (Number.isFinite(v) ? v : null)) as JsonSafe<T>;
  }
  if (Array.isArray(value)) return value.map((v) => jsonSafe(v)) as JsonSafe<T>;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = jsonSafe(v);
    return out as JsonSafe<T>;
  }
  return value as JsonSafe<T>;
}

/** Evenly spaced indices 0…n−1, at most `max` of them, always including both ends. */
export function sampleIndices(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  if (max <= 0) return [];
  if (max === 1) return [0];
  const out: number[] = [];
  for (let k = 0; k < max; k++) out.push(Math.round((k * (n - 1)) / (max - 1)));
  return out;
}
