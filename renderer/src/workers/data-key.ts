/**
 * Cache keys from the data itself: a 64-bit FNV-1a style hash (two 32-bit lanes) over each column's
 * bytes plus its length and name, and the parameters as canonical JSON (keys sorted). Hand-written
 * because the page needs a synchronous hash of typed arrays (crypto.subtle is async and copies);
 * this reads 1M values in a few milliseconds.
 */
export interface KeyColumn {
  name?: string;
  values: Float64Array;
}

function hashBytes(words: Uint32Array, h1: number, h2: number): [number, number] {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    h1 = Math.imul(h1 ^ w, 0x01000193);
    h2 = Math.imul(h2 ^ ((w >>> 16) | (w << 16)), 0x01000193) ^ (h1 >>> 15);
  }
  return [h1 >>> 0, h2 >>> 0];
}

function hashText(text: string, h1: number, h2: number): [number, number] {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ (c + 0x9e37), 0x01000193);
  }
  return [h1 >>> 0, h2 >>> 0];
}

/** Canonical JSON: object keys sorted, so {a, b} and {b, a} give one key. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/**
 * @example
 * dataKey('correlate', { method: 'pearson' }, [{ name: 'a', values: Float64Array.of(1, 2) }]); // "correlate|{"method":"pearson"}|1c9…"
 */
export function dataKey(kind: string, params: unknown, columns: readonly KeyColumn[]): string {
  let h: [number, number] = [0x811c9dc5, 0x9747b28c];
  for (const c of columns) {
    h = hashText(`${c.name ?? ''}#${c.values.length}`, h[0], h[1]);
    const v = c.values;
    h = hashBytes(new Uint32Array(v.buffer, v.byteOffset, v.length * 2), h[0], h[1]);
  }
  return `${kind}|${canonicalJson(params)}|${h[0].toString(16).padStart(8, '0')}${h[1].toString(16).padStart(8, '0')}`;
}
