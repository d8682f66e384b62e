import type http from 'node:http';
import type { z } from 'zod';
import { UdashError } from '../../shared/errors.js';

/** Reads a JSON request body of at most `limit` bytes and validates it with `schema`. */
export async function readJson<S extends z.ZodType>(req: http.IncomingMessage, schema: S, limit: number): Promise<z.output<S>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new UdashError('LIMIT', `The request body is larger than ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  let value: unknown;
  try {
    value = size === 0 ? {} : JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new UdashError('BAD_INPUT', 'The request body is not valid JSON');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || '(body)';
    throw new UdashError('BAD_INPUT', `${field}: ${issue.message}`, { field }, issue.path as (string | number)[]);
  }
  return parsed.data;
}
