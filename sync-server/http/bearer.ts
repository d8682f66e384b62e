import type http from 'node:http';

/** The token of an HTTP request: `Authorization: Bearer <token>` only (query strings end up in proxy logs). */
export function bearerToken(req: http.IncomingMessage): string | null {
  const h = req.headers.authorization;
  if (!h) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  return m ? m[1]! : null;
}
