import { UdashError } from '../../shared/errors.js';
import { createServices, type Services } from '../services.js';

export interface GlobalOptions {
  json?: boolean;
  home?: string;
}

/** Output helpers shared by every command: JSON when asked, readable text otherwise. */
export interface Out {
  json: boolean;
  print(value: unknown, text?: () => string): void;
}

export function makeOut(json: boolean): Out {
  return {
    json,
    print(value, text) {
      if (json || !text) process.stdout.write(JSON.stringify(value, null, json ? 0 : 2) + '\n');
      else process.stdout.write(text() + '\n');
    },
  };
}

/** Opens services for one command and always closes them. A broken store is a failure (exit 1), with its message. */
export async function withServices<T>(opts: GlobalOptions, fn: (svc: Services) => Promise<T>): Promise<T> {
  // A one-shot command does not open network connections to sync servers (edits sync when the app runs).
  const svc = await createServices({ ...(opts.home ? { home: opts.home } : {}), sync: false });
  try {
    const err = svc.storeError();
    if (err) throw err;
    return await fn(svc);
  } finally {
    await svc.close();
  }
}

/** A usage problem found after parsing (exit 2). */
export class UsageError extends Error {}

export function requireOption<T>(value: T | undefined, flag: string): T {
  if (value === undefined || value === '') throw new UsageError(`missing required option ${flag}`);
  return value;
}

export function formatTable(headers: string[], rows: (string | number | null | undefined)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells.map((r) => r.map((c, i) => (c ?? '').padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

export { UdashError };
