/**
 * Token persistence behind one interface, with an embedded (SQLite) and a PostgreSQL implementation
 * tested by one shared suite. Verification logic lives here, once; the stores only read and write rows.
 */
import type { Principal, Role } from './roles.js';
import { DUMMY_DIGEST, hashSecret, parseToken, sameDigest } from './token-format.js';

export interface TokenRecord {
  id: string;
  workspace: string | null;
  role: Role;
  label: string;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
  /** Id of the token that created this one through the admin API; null when made by the CLI. */
  createdBy: string | null;
}

export interface NewToken {
  workspace: string | null;
  role: Role;
  label: string;
  expiresAt: number;
  createdBy: string | null;
}

export type TokenStatus = 'active' | 'expired' | 'revoked';
export type VerifyFailure = 'missing' | 'malformed' | 'unknown' | 'expired' | 'revoked';
export type VerifyResult = { ok: true; principal: Principal } | { ok: false; reason: VerifyFailure };

export interface TokenStore {
  /** Creates a token; the returned string is the only copy of the secret. */
  create(input: NewToken): Promise<{ token: string; record: TokenRecord }>;
  verify(token: string | null | undefined, now?: number): Promise<VerifyResult>;
  get(id: string): Promise<TokenRecord | null>;
  list(filter?: { workspace?: string }): Promise<TokenRecord[]>;
  /** Marks a token revoked; returns the updated record, or null when no token has this id. */
  revoke(id: string): Promise<TokenRecord | null>;
  /**
   * Cheap, synchronous check run on every WebSocket message. Sees revocations made by this process at
   * once, and by other processes (the CLI, another instance) within milliseconds: SQLite through
   * `PRAGMA data_version`, PostgreSQL through LISTEN/NOTIFY.
   */
  isRevoked(id: string): boolean;
  close(): Promise<void>;
}

export function tokenStatus(r: TokenRecord, now = Date.now()): TokenStatus {
  if (r.revokedAt !== null) return 'revoked';
  return r.expiresAt <= now ? 'expired' : 'active';
}

/** The row a store found for an id, with its secret digest. */
export interface StoredToken extends TokenRecord {
  secretHash: string;
}

/** Shared verification: parse, look up, compare digests in constant time, then check revocation and expiry. */
export async function verifyWith(lookup: (id: string) => Promise<StoredToken | null>, token: string | null | undefined, now: number): Promise<VerifyResult> {
  if (!token) return { ok: false, reason: 'missing' };
  const parsed = parseToken(token);
  if (!parsed) return { ok: false, reason: 'malformed' };
  const row = await lookup(parsed.id);
  const digest = hashSecret(parsed.secret);
  if (!row) {
    sameDigest(digest, DUMMY_DIGEST);
    return { ok: false, reason: 'unknown' };
  }
  if (!sameDigest(digest, row.secretHash)) return { ok: false, reason: 'unknown' };
  if (row.revokedAt !== null) return { ok: false, reason: 'revoked' };
  if (row.expiresAt <= now) return { ok: false, reason: 'expired' };
  return { ok: true, principal: { tokenId: row.id, workspace: row.workspace, role: row.role, label: row.label, expiresAt: row.expiresAt } };
}
