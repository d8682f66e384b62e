/**
 * One error shape for the whole product. Expected failures (bad input, missing objects, a locked store)
 * are UdashErrors carrying a stable code; anything else is a bug and crosses the boundary only as
 * INTERNAL with a generic message, never with a stack trace.
 */
export const ERROR_CODES = [
  'BAD_INPUT', // input failed validation; `path` names the field
  'BAD_DATA', // a file or column has content we cannot use; details name file/row/column
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'UNKNOWN_METHOD',
  'STORE_TOO_NEW', // the store was written by a newer app
  'STORE_CORRUPT',
  'STORE_LOCKED',
  'STORE_UNAVAILABLE', // the store failed to open; only recovery methods work
  'CANCELLED',
  'TIMEOUT',
  'LIMIT',
  'UNAVAILABLE', // a peer (SMTP, sync server, database) could not be reached
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorLocation {
  file?: string;
  row?: number;
  column?: string;
  field?: string;
}

/** What crosses a transport. `path` is the zod issue path for BAD_INPUT. */
export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  path?: (string | number)[];
  details?: Record<string, unknown>;
}

export class UdashError extends Error {
  override readonly name = 'UdashError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorLocation & Record<string, unknown> = {},
    readonly path?: (string | number)[],
  ) {
    super(message);
  }

  toPayload(): ErrorPayload {
    const payload: ErrorPayload = { code: this.code, message: this.message };
    if (this.path && this.path.length > 0) payload.path = this.path;
    if (Object.keys(this.details).length > 0) payload.details = this.details;
    return payload;
  }
}

export function isUdashError(e: unknown): e is UdashError {
  return e instanceof UdashError;
}

/** Turns anything thrown into a payload safe to show a user. Unknown errors lose their message on purpose. */
export function toErrorPayload(e: unknown): ErrorPayload {
  if (isUdashError(e)) return e.toPayload();
  return { code: 'INTERNAL', message: 'Something went wrong inside Universal Dashboard. The details are in the log.' };
}

/** Client-side: a payload re-thrown as an error with the same code and details. */
export function fromErrorPayload(p: ErrorPayload): UdashError {
  return new UdashError(p.code, p.message, (p.details ?? {}) as ErrorLocation & Record<string, unknown>, p.path);
}
