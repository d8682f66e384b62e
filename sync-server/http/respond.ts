/** JSON responses and the mapping from error codes to HTTP statuses, in one place. */
import type http from 'node:http';
import { UdashError, type ErrorCode } from '../../shared/errors.js';

const STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_INPUT: 400,
  BAD_DATA: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LIMIT: 413,
  UNAVAILABLE: 503,
  TIMEOUT: 504,
};

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', ...headers });
  res.end(text);
}

/** Expected failures answer their code and message; anything else is a generic 500 (details go to the log). */
export function sendError(res: http.ServerResponse, e: unknown): number {
  if (e instanceof UdashError) {
    const status = STATUS[e.code] ?? 500;
    const headers: Record<string, string> = status === 401 ? { 'www-authenticate': 'Bearer realm="udash-sync"' } : {};
    if (!res.headersSent) sendJson(res, status, { error: e.toPayload() }, headers);
    else res.destroy();
    return status;
  }
  if (!res.headersSent) sendJson(res, 500, { error: { code: 'INTERNAL', message: 'Internal server error; the details are in the server log.' } });
  else res.destroy();
  return 500;
}
