/**
 * WebSocket close codes the server uses, named once (as Hocuspocus does in CloseEvents.ts).
 *
 * The stock y-websocket provider treats 4400–4499 as permanent (it stops reconnecting and emits
 * `closed` with the code and reason) and every other code as transient (it reconnects with backoff).
 * So codes a retry cannot fix live in 44xx and "try again later" codes in 45xx.
 */
export const CLOSE = {
  /** Graceful shutdown: the client reconnects (to this instance after a restart, or another one). */
  GOING_AWAY: 1001,
  /** A frame larger than `limits.maxMessageBytes`; sent by `ws` itself before buffering the frame. */
  MESSAGE_TOO_BIG: 1009,
  /** A frame that is not a well-formed y-websocket message (text frame, unknown type, truncated, bad update). */
  BAD_MESSAGE: 4400,
  /** Missing, malformed, unknown, expired or revoked token. */
  UNAUTHORIZED: 4401,
  /** A valid token that does not grant this room (a token for workspace A opening B). */
  FORBIDDEN: 4403,
  /** The connection sent more messages than `limits.messagesPerSecond` (with `limits.messageBurst`) allows. */
  RATE_LIMITED: 4429,
  /** The document could not be loaded or an update could not be stored; retry later. */
  UNAVAILABLE: 4503,
  /** The token already has `limits.maxConnectionsPerToken` open connections; retry later. */
  TOO_MANY_CONNECTIONS: 4529,
} as const;

export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE];

/** The name of a code, for logs and metrics labels. */
export function closeCodeName(code: number): string {
  for (const [name, value] of Object.entries(CLOSE)) if (value === code) return name;
  return code === 1000 ? 'NORMAL' : code === 1005 ? 'NO_STATUS' : code === 1006 ? 'ABNORMAL' : String(code);
}
