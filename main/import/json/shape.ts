import { UdashError } from '../../../shared/errors.js';

export type JsonShape = 'array' | 'ndjson';

const SHAPE_HINT = 'expected an array of objects ([{"a": 1}, …]) or NDJSON (one object per line)';

/** Decides the shape from the first characters of the (decoded) file. */
export function detectJsonShape(sample: string, file: string): JsonShape {
  const text = sample.replace(/^\uFEFF/, '');
  const first = text.search(/\S/);
  if (first < 0) throw new UdashError('BAD_DATA', `${file} contains only whitespace`, { file });
  const c = text[first];
  if (c === '[') return 'array';
  if (c === '{') {
    const nl = text.indexOf('\n', first);
    const line = (nl < 0 ? text.slice(first) : text.slice(first, nl)).trim();
    try {
      const v: unknown = JSON.parse(line);
      if (v && typeof v === 'object' && !Array.isArray(v)) return 'ndjson';
    } catch {
      // fall through: an object spread over several lines
    }
    if (nl < 0 || /^\s*$/.test(text.slice(nl))) throw new UdashError('BAD_DATA', `${file} holds a single JSON object, not a list of records: ${SHAPE_HINT}`, { file });
    throw new UdashError('BAD_DATA', `${file} starts with an object spanning several lines: ${SHAPE_HINT}`, { file });
  }
  throw new UdashError('BAD_DATA', `${file} is not an array of objects or NDJSON: it starts with ${JSON.stringify(text.slice(first, first + 20))}; ${SHAPE_HINT}`, { file });
}

